package search

import (
	"unicode"
	"unicode/utf8"
)

// clause is one syntactic unit of a query: a word (with its hyphens and
// punctuation) or a quoted phrase, possibly negated by a leading minus.
type clause struct {
	text    string // the clause without quotes and minus
	off     int    // byte offset of text in the query
	phrase  bool   // quoted
	negated bool   // after a minus
	last    bool   // the last clause of the query, touching its end
}

// isOpenQuote reports whether r opens a phrase: the ASCII double quote and
// the typographic quotes „ “ ” (German „…“, English “…”).
func isOpenQuote(r rune) bool {
	return r == '"' || r == '„' || r == '“' || r == '”'
}

// isCloseQuote reports whether r closes a phrase.
func isCloseQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”'
}

// scanClauses splits a query into clauses. A minus starts an exclusion only
// at the start of a word, directly before a word or a quote: "US-Präsident"
// is one word. A quote without its closing quote extends to the end of the
// query. Whitespace separates words; anything else is left to the analyzer.
func scanClauses(text string) []clause {
	var cs []clause
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		neg := false
		if r == '-' {
			next, nsize := utf8.DecodeRuneInString(text[i+size:])
			if i+size >= len(text) || !(isWordRune(next) || isOpenQuote(next)) {
				i += size // a lone minus is punctuation
				continue
			}
			neg = true
			i += size
			r, size = next, nsize
		}
		if isOpenQuote(r) {
			start := i + size
			end, next := len(text), len(text)
			for j := start; j < len(text); {
				q, qsize := utf8.DecodeRuneInString(text[j:])
				if isCloseQuote(q) {
					end, next = j, j+qsize
					break
				}
				j += qsize
			}
			cs = append(cs, clause{text: text[start:end], off: start, phrase: true, negated: neg, last: next == len(text)})
			i = next
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) || isOpenQuote(r) {
				break
			}
			i += size
		}
		cs = append(cs, clause{text: text[start:i], off: start, negated: neg, last: i == len(text)})
	}
	return cs
}

// parsed is a query with what Search needs beyond the exported Query.
type parsed struct {
	Query
	// soft is the index in Terms of a stop word being typed, which matches
	// only as a prefix and is dropped if no document would match with it;
	// -1 if there is none.
	soft int
	// text is the query as analysed, after truncation; spans are the byte
	// ranges of Terms in it, for suggestions.
	text  string
	spans []Span
}

// parseQuery parses text as a query. Words are analysed like document text:
// stop words are dropped, except that a stop word being typed is kept as a
// prefix term and marked soft, because it may be the start of a content
// word ("über" → "Übernahme"). A compound contributes its joined form only:
// the whole compound must match. Repeated terms are dropped. Quoted phrases
// keep the positions of their terms, stop words counted; a phrase of one
// term is a term. Words and phrases after a minus are excluded.
func parseQuery(text string) parsed {
	p := parsed{soft: -1}
	if len(text) > MaxQueryBytes {
		text = cutRunes(text, MaxQueryBytes)
		p.Truncated = true
	}
	p.text = text
	last, _ := utf8.DecodeLastRuneInString(text)
	typing := text != "" && !unicode.IsSpace(last)

	a := NewAnalyzer()
	n := 0 // terms so far, over all clauses
	full := func() bool {
		if n >= MaxQueryTerms {
			p.Truncated = true
			return true
		}
		return false
	}
	for _, c := range scanClauses(text) {
		ts := a.analyze(c.text, analyzeOptions{keepStop: true, stem: true})
		if c.phrase || c.negated {
			var ph Phrase
			for _, t := range ts {
				if t.kind == kindPart || t.stop {
					continue
				}
				if full() {
					break
				}
				n++
				ph.Pos = append(ph.Pos, t.pos)
				ph.Terms = append(ph.Terms, QueryTerm{Term: t.text, Surface: t.surface})
			}
			for i := len(ph.Pos) - 1; i >= 0; i-- {
				ph.Pos[i] -= ph.Pos[0]
			}
			switch {
			case len(ph.Terms) == 0:
			case c.negated:
				p.Exclude = append(p.Exclude, ph)
			case len(ph.Terms) == 1:
				qt := ph.Terms[0]
				if !p.has(qt.Term) {
					p.Terms = append(p.Terms, qt)
					p.spans = append(p.spans, Span{-1, -1})
				}
			default:
				p.Phrases = append(p.Phrases, ph)
			}
			continue
		}
		// The last word is the last token that is not a compound part.
		lastWord := -1
		for i, t := range ts {
			if t.kind != kindPart {
				lastWord = i
			}
		}
		for i, t := range ts {
			if t.kind == kindPart {
				continue
			}
			prefix := typing && c.last && i == lastWord
			if t.stop && !prefix || !prefix && p.has(t.text) {
				continue
			}
			if full() {
				break
			}
			n++
			if prefix && t.stop {
				p.soft = len(p.Terms)
			}
			p.Terms = append(p.Terms, QueryTerm{Term: t.text, Surface: t.surface, Prefix: prefix})
			p.spans = append(p.spans, Span{c.off + t.start, c.off + t.end})
		}
	}
	return p
}
