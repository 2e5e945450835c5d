package search

import (
	"cmp"
	"slices"
	"strings"
)

// highlighter finds the words of a document that match a query. Rather than
// stemming the document again, it compares folded surface forms: the index
// vocabulary tells which surface forms were stemmed to each query term.
type highlighter struct {
	a        *Analyzer
	surfaces map[string]int // folded surface form → query term it matches
	prefix   string         // surface prefix of the prefix term, or ""
	prefixQT int            // index of the prefix term
	scratch  scratch        // reused across the documents
}

// newHighlighter returns a highlighter for the terms of q in ix.
func newHighlighter(ix *Index, q Query) *highlighter {
	h := &highlighter{a: NewAnalyzer(), surfaces: make(map[string]int)}
	add := func(t, qt int) {
		for _, s := range ix.termSurfs[ix.termSurfAt[t]:ix.termSurfAt[t+1]] {
			if _, ok := h.surfaces[ix.surfs[s]]; !ok {
				h.surfaces[ix.surfs[s]] = qt
			}
		}
	}
	for i, qt := range q.Terms {
		if !qt.Prefix {
			if t := ix.lookup(qt.Term); t >= 0 {
				add(t, i)
			}
			continue
		}
		h.prefix, h.prefixQT = qt.Surface, i
		// A word typed in full also matches its other forms.
		if lo, hi := ix.surfaceRange(qt.Surface); lo < hi && ix.surfs[lo] == qt.Surface {
			add(int(ix.surfTerm[lo]), i)
		}
	}
	return h
}

// match is a highlighted word: its range in the text and the query term it
// matches.
type match struct {
	Span
	term int
}

// matches returns the words of text that match the query, in text order.
// When only the prefix matches a compound and its first part, just the part
// is highlighted.
func (h *highlighter) matches(text string) []match {
	if text == "" {
		return nil
	}
	ts := h.a.analyze(text, analyzeOptions{scratch: &h.scratch})
	var ms []match
	for i, t := range ts {
		qt, byPrefix, ok := h.test(t.surface)
		if !ok {
			continue
		}
		if t.kind == kindJoined && byPrefix {
			partMatch := false
			for _, p := range ts[i+1:] {
				if p.kind != kindPart {
					break
				}
				if _, _, ok := h.test(p.surface); ok {
					partMatch = true
					break
				}
			}
			if partMatch {
				continue
			}
		}
		ms = append(ms, match{Span{t.start, t.end}, qt})
	}
	slices.SortStableFunc(ms, func(a, b match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	return ms
}

// test reports whether the folded surface form s matches a query term,
// which one, and whether only as a prefix.
func (h *highlighter) test(s string) (qt int, byPrefix, ok bool) {
	if qt, ok := h.surfaces[s]; ok {
		return qt, false, true
	}
	if h.prefix != "" && strings.HasPrefix(s, h.prefix) {
		return h.prefixQT, true, true
	}
	return 0, false, false
}

// mergeSpans returns the ranges of ms, sorted, with overlapping and touching
// ranges merged. Distinct words never touch, so touching ranges are parts of
// one word (NutzerInnen).
func mergeSpans(ms []match) []Span {
	var out []Span
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, m.End)
			continue
		}
		out = append(out, m.Span)
	}
	return out
}

// highlight fills in the spans and the snippet of hit, a match of doc.
func (h *highlighter) highlight(hit *Hit, doc *Document) {
	var body []match
	for f := range hit.Spans {
		ms := h.matches(doc.Fields[f])
		hit.Spans[f] = mergeSpans(ms)
		if Field(f) == Body {
			body = ms
		}
	}
	hit.Snippet = snippet(doc.Fields[Body], body, hit.Spans[Body])
}
