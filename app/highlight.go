package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/search"
)

// headingMarker starts a body paragraph that is a subheading.
const headingMarker = "## "

// Highlight renders text with the given byte spans wrapped in <mark>. It only
// ever produces text nodes, so article text and queries cannot become markup.
// Spans outside text, overlapping or not on UTF-8 boundaries are clamped or
// skipped instead of panicking.
func Highlight(text string, spans []search.Span) []app.UI {
	var out []app.UI
	pos := 0
	for _, s := range spans {
		start, end := max(s.Start, pos), min(s.End, len(text))
		if start >= end || !boundary(text, start) || !boundary(text, end) {
			continue
		}
		if start > pos {
			out = append(out, app.Text(text[pos:start]))
		}
		out = append(out, app.Mark().Text(text[start:end]))
		pos = end
	}
	if pos < len(text) {
		out = append(out, app.Text(text[pos:]))
	}
	return out
}

// boundary reports whether i is a valid place to cut text.
func boundary(text string, i int) bool {
	return i == 0 || i == len(text) || (i > 0 && i < len(text) && (text[i]&0xC0) != 0x80)
}

// Paragraph is one paragraph of an article body with the highlight spans that
// fall inside it, relative to Text. Heading paragraphs have their marker
// removed.
type Paragraph struct {
	Text    string
	Heading bool
	Spans   []search.Span
}

// Paragraphs splits an article body into paragraphs and distributes the
// body's highlight spans (byte offsets into body) among them.
func Paragraphs(body string, spans []search.Span) []Paragraph {
	var out []Paragraph
	off := 0
	for _, text := range strings.Split(body, "\n\n") {
		p := Paragraph{Text: text}
		start := off
		if strings.HasPrefix(text, headingMarker) {
			p.Heading, p.Text = true, text[len(headingMarker):]
			start += len(headingMarker)
		}
		end := off + len(text)
		for _, s := range spans {
			if s.End <= start || s.Start >= end {
				continue
			}
			p.Spans = append(p.Spans, search.Span{Start: max(s.Start, start) - start, End: min(s.End, end) - start})
		}
		out = append(out, p)
		off = end + 2
	}
	return out
}

// Flatten turns a passage of body text, which may cross paragraph breaks and
// subheadings, into one line for a snippet: a paragraph break becomes a
// space, or " – " after a subheading, and heading markers are dropped. Spans
// are moved along.
func Flatten(text string, spans []search.Span) (string, []search.Span) {
	var b strings.Builder
	// at[i] is the new offset of old offset i.
	at := make([]int, len(text)+1)
	heading := strings.HasPrefix(text, headingMarker)
	for i := 0; i < len(text); {
		at[i] = b.Len()
		switch {
		case strings.HasPrefix(text[i:], "\n\n"):
			if heading {
				b.WriteString(" – ")
			} else {
				b.WriteByte(' ')
			}
			i += 2
			at[i-1] = b.Len()
			heading = strings.HasPrefix(text[i:], headingMarker)
		case heading && (i == 0 || strings.HasSuffix(text[:i], "\n\n")):
			for j := i; j < i+len(headingMarker); j++ {
				at[j] = b.Len()
			}
			i += len(headingMarker)
		default:
			b.WriteByte(text[i])
			i++
		}
	}
	at[len(text)] = b.Len()
	out := make([]search.Span, 0, len(spans))
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		out = append(out, search.Span{Start: at[s.Start], End: at[s.End]})
	}
	return b.String(), out
}
