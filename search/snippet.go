package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet is a passage of a document's body for a result card.
type Snippet struct {
	// Text is about 200 characters (runes) of the body, cut at word
	// boundaries where there are any nearby, never inside a UTF-8 sequence,
	// without leading or trailing whitespace.
	Text string
	// Spans are the ranges of Text to highlight, sorted and non-overlapping.
	Spans []Span
	// Before and After report that the body was cut before or after Text,
	// so the UI can show "…".
	Before, After bool
}

const (
	// snippetRunes is the target length of a snippet in runes.
	snippetRunes = 200
	// snippetSlack is how many runes a cut may move to reach a word
	// boundary; without whitespace that near (long URLs, Chinese text) the
	// cut falls between two runes.
	snippetSlack = 30
	// repeatWeight is the weight of a repeated match of a query term, in
	// units of a distinct one, when choosing the snippet window.
	repeatWeight = 0.1
)

// teaser returns the first words of body as a snippet without highlights,
// shown when there is no query.
func teaser(body string) Snippet {
	return snippet(body, nil, nil)
}

// snippet returns the passage of body of about snippetRunes runes with the
// best matches ms, highlighted with spans (byte ranges of body, sorted and
// non-overlapping). Without matches it is the start of body.
func snippet(body string, ms []match, spans []Span) Snippet {
	if strings.TrimSpace(body) == "" {
		return Snippet{}
	}
	// The window, as rune offsets, and the matched cluster inside it, as
	// byte offsets.
	ws, we := 0, snippetRunes
	first, last := 0, 0
	if len(ms) > 0 {
		var cs, ce int // cluster in runes
		cs, ce, first, last = bestCluster(body, ms)
		free := max(snippetRunes-(ce-cs), 0)
		ws = max(cs-free/3, 0)
		we = max(ws+snippetRunes, ce)
	}
	bs, be := runeOffsets(body, ws, we)
	if be == len(body) && bs > 0 {
		// The window reaches the end: fill it from there.
		start := max(runeCount(body)-snippetRunes, 0)
		fill, _ := runeOffsets(body, start, start)
		bs = min(bs, fill)
	}
	if len(ms) == 0 {
		first, last = len(body), 0
	}
	bs = cutStart(body, bs, first)
	be = cutEnd(body, be, last)
	for bs < be {
		r, size := utf8.DecodeRuneInString(body[bs:])
		if !unicode.IsSpace(r) {
			break
		}
		bs += size
	}
	for be > bs {
		r, size := utf8.DecodeLastRuneInString(body[:be])
		if !unicode.IsSpace(r) {
			break
		}
		be -= size
	}
	sn := Snippet{
		Text:   body[bs:be],
		Before: strings.TrimSpace(body[:bs]) != "",
		After:  strings.TrimSpace(body[be:]) != "",
	}
	for _, sp := range spans {
		s, e := max(sp.Start, bs), min(sp.End, be)
		if s < e {
			sn.Spans = append(sn.Spans, Span{s - bs, e - bs})
		}
	}
	return sn
}

// bestCluster returns the run of matches that fits into snippetRunes runes
// with the highest weight: each distinct query term counts 1, repetitions
// repeatWeight. It returns the run's extent in runes and in bytes.
func bestCluster(body string, ms []match) (cs, ce, bs, be int) {
	// Rune offsets of the matches' starts and ends.
	rs := make([]int, len(ms))
	re := make([]int, len(ms))
	off, n := 0, 0
	for i, m := range ms {
		n += runeCount(body[off:m.Start])
		off = m.Start
		rs[i] = n
		re[i] = n + runeCount(body[m.Start:m.End])
	}

	var (
		count           [MaxQueryTerms]int
		distinct, total int
		best            = -1.0
		bi, bj          int
	)
	slot := func(i int) *int { return &count[min(max(ms[i].term, 0), MaxQueryTerms-1)] }
	for i, j := 0, 0; i < len(ms); i++ {
		for j < len(ms) && (j == i || re[j]-rs[i] <= snippetRunes) {
			if c := slot(j); *c == 0 {
				distinct++
			}
			*slot(j)++
			total++
			j++
		}
		if w := float64(distinct) + repeatWeight*float64(total-distinct); w > best {
			best, bi, bj = w, i, j
		}
		if c := slot(i); *c == 1 {
			distinct--
		}
		*slot(i)--
		total--
	}
	cs, ce, bs, be = rs[bi], re[bi], ms[bi].Start, ms[bi].End
	for k := bi; k < bj; k++ {
		ce, be = max(ce, re[k]), max(be, ms[k].End)
	}
	return cs, ce, bs, be
}

// runeCount is utf8.RuneCountInString.
func runeCount(s string) int {
	return utf8.RuneCountInString(s)
}

// runeOffsets returns the byte offsets in s of the rune offsets a <= b,
// each clamped to the length of s.
func runeOffsets(s string, a, b int) (ba, bb int) {
	ba, bb = len(s), len(s)
	n := 0
	for i := range s {
		if n == a {
			ba = i
		}
		if n == b {
			bb = i
			break
		}
		n++
	}
	return ba, bb
}

// cutStart moves the snippet start bs of body to a word boundary: forward to
// the next whitespace if that is near and not beyond limit, otherwise back to
// the previous whitespace if that is near, otherwise nowhere.
func cutStart(body string, bs, limit int) int {
	if bs == 0 || isSpaceBefore(body, bs) || isSpaceAt(body, bs) {
		return bs
	}
	i := bs
	for k := 0; k < snippetSlack && i < len(body) && i < limit; k++ {
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			return i + size
		}
		i += size
	}
	i = bs
	for k := 0; k < snippetSlack && i > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(body[:i])
		if unicode.IsSpace(r) {
			return i
		}
		i -= size
	}
	if i == 0 {
		return 0
	}
	return bs
}

// cutEnd moves the snippet end be of body to a word boundary: back to the
// previous whitespace if that is near and not before limit, otherwise
// forward to the next whitespace if that is near, otherwise nowhere.
func cutEnd(body string, be, limit int) int {
	if be == len(body) || isSpaceAt(body, be) || isSpaceBefore(body, be) {
		return be
	}
	i := be
	for k := 0; k < snippetSlack && i > 0 && i > limit; k++ {
		r, size := utf8.DecodeLastRuneInString(body[:i])
		if unicode.IsSpace(r) {
			return i - size
		}
		i -= size
	}
	i = be
	for k := 0; k < snippetSlack && i < len(body); k++ {
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	if i == len(body) {
		return i
	}
	return be
}

// isSpaceAt reports whether the rune at byte offset i of s is whitespace.
func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// isSpaceBefore reports whether the rune before byte offset i of s is
// whitespace.
func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}
