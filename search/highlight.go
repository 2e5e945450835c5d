package search

import (
	"cmp"
	"strings"
	"sync"
)

// highlighter finds the words of a document that match a query. Rather than
// stemming the document again, it compares folded surface forms: the index
// vocabulary tells which surface forms were stemmed to each term that a
// query term matched, whether as a word, a compound containing it (the
// whole compound is highlighted) or a typo correction. Phrases, and the
// parts of a query compound written apart, are highlighted from the start
// of their first word to the end of their last, stop words included.
type highlighter struct {
	a        *Analyzer
	surfaces map[string]hlTerm // folded surface form → query term it matches
	prefix   string            // surface prefix of the prefix term, or ""
	prefixQT int               // index of the prefix term
	phrases  []hlPhrase
	// starts are the starts of the surface forms that match: a word that
	// starts otherwise need not be analysed further.
	starts  *startSet
	scratch scratch // reused across the documents
}

// hlTerm tells which query term a surface form matches and whether only as
// a compound containing the term.
type hlTerm struct {
	qt       int
	compound bool
}

// hlPhrase is a phrase to highlight: the surface forms each of its terms
// matches, their relative positions, and the query term number that the
// snippet counts its matches under.
type hlPhrase struct {
	forms []map[string]bool
	pos   []int
	qt    int
}

// newHighlighter returns a highlighter for the parsed query p whose terms
// matched as ms in ix.
func newHighlighter(ix *Index, p *parsed, ms []termMatch) *highlighter {
	h := &highlighter{a: NewAnalyzer(), surfaces: make(map[string]hlTerm)}
	add := func(t, qt int, compound bool) {
		for _, s := range ix.termSurfs[ix.termSurfAt[t]:ix.termSurfAt[t+1]] {
			if old, ok := h.surfaces[ix.surfs[s]]; !ok || old.compound && !compound {
				h.surfaces[ix.surfs[s]] = hlTerm{qt, compound}
			}
		}
	}
	forms := func(t int) map[string]bool {
		m := make(map[string]bool)
		for _, s := range ix.termSurfs[ix.termSurfAt[t]:ix.termSurfAt[t+1]] {
			m[ix.surfs[s]] = true
		}
		return m
	}
	for i, qt := range p.Terms {
		if qt.Prefix {
			h.prefix, h.prefixQT = qt.Surface, i
		}
		for _, e := range ms[i].exps {
			if !e.prefixed {
				add(e.term, i, e.tier == tierCompound)
			}
		}
		if parts := ms[i].parts; len(parts) > 0 {
			ph := hlPhrase{qt: i}
			for j, t := range parts {
				ph.forms = append(ph.forms, forms(t))
				ph.pos = append(ph.pos, j)
			}
			h.phrases = append(h.phrases, ph)
		}
	}
	for k, phr := range p.Phrases {
		ph := hlPhrase{qt: len(p.Terms) + k, pos: phr.Pos}
		for _, qt := range phr.Terms {
			t := ix.lookup(qt.Term)
			if t < 0 {
				ph.forms = nil
				break
			}
			ph.forms = append(ph.forms, forms(t))
		}
		if ph.forms != nil {
			h.phrases = append(h.phrases, ph)
		}
	}
	h.starts = new(startSet)
	addStart := func(s string) {
		if s != "" {
			h.starts.add(s)
		}
	}
	for s := range h.surfaces {
		addStart(s)
	}
	switch len(h.prefix) {
	case 0:
	case 1:
		h.starts.addByte(h.prefix[0])
	default:
		addStart(h.prefix)
	}
	for _, ph := range h.phrases {
		for _, m := range ph.forms {
			for s := range m {
				addStart(s)
			}
		}
	}
	return h
}

// match is a highlighted word or phrase: its range in the text and the
// query term it matches.
type match struct {
	Span
	term int
}

// matches returns the words of text that match the query, in text order.
// When a compound matches only by prefix or as a compound containing a
// query term, and one of its parts matches too, just the part is
// highlighted.
func (h *highlighter) matches(text string) []match {
	if text == "" {
		return nil
	}
	ts := h.a.analyze(text, analyzeOptions{scratch: &h.scratch, surfaces: true, starts: h.starts})
	var ms []match
	for i, t := range ts {
		qt, weak, ok := h.test(t.surface)
		if !ok {
			continue
		}
		if t.kind == kindJoined && weak {
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
	for _, ph := range h.phrases {
		ms = ph.appendMatches(ms, ts)
	}
	// The words' matches are in text order already; the phrases' come last.
	insertionSort(ms, func(a, b match) bool {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End)) < 0
	})
	return ms
}

// appendMatches appends the occurrences of ph in the tokens ts, which are
// in position order, to ms.
func (ph *hlPhrase) appendMatches(ms []match, ts []token) []match {
	for i, t := range ts {
		if !ph.forms[0][t.surface] {
			continue
		}
		end, ok := t.end, true
		for j := 1; j < len(ph.forms) && ok; j++ {
			want := t.pos + ph.pos[j] - ph.pos[0]
			ok = false
			for _, u := range ts[i+1:] {
				if u.pos > want {
					break
				}
				if u.pos == want && ph.forms[j][u.surface] {
					end, ok = max(end, u.end), true
					break
				}
			}
		}
		if ok {
			ms = append(ms, match{Span{t.start, end}, ph.qt})
		}
	}
	return ms
}

// test reports whether the folded surface form s matches a query term,
// which one, and whether only weakly: as a prefix or as a compound that
// contains the term.
func (h *highlighter) test(s string) (qt int, weak, ok bool) {
	if m, ok := h.surfaces[s]; ok {
		return m.qt, m.compound, true
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
	hit.Marks = &Marks{}
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

// lazyHighlighter highlights the hits of one result on demand, for
// [Result.Highlight] and for an eager search. It makes the highlighter at
// the first hit, so that a result none of whose hits is shown does not pay
// for it.
type lazyHighlighter struct {
	docs []Document
	// ix, p and ms are what the highlighter is made of: the index, the
	// parsed query and how its terms matched. p is nil for a query without
	// terms, whose hits get teasers.
	ix *Index
	p  *parsed
	ms []termMatch

	mu sync.Mutex   // guards h and its scratch buffers
	h  *highlighter // nil until the first hit is highlighted
}

// newLazyHighlighter returns a lazyHighlighter for the parsed query p whose
// terms matched as ms in ix, over docs. It keeps of ms only what the
// highlighter needs, not the documents matched.
func newLazyHighlighter(ix *Index, docs []Document, p *parsed, ms []termMatch) *lazyHighlighter {
	keep := make([]termMatch, len(ms))
	for i, m := range ms {
		keep[i] = termMatch{exps: m.exps, parts: m.parts}
	}
	return &lazyHighlighter{docs: docs, ix: ix, p: p, ms: keep}
}

// highlight fills in the spans and the snippet of hit, or only its teaser
// for a query without terms. A hit beyond the end of the documents is left
// alone.
func (l *lazyHighlighter) highlight(hit *Hit) {
	if hit.Doc < 0 || hit.Doc >= len(l.docs) {
		return
	}
	doc := &l.docs[hit.Doc]
	if l.p == nil {
		hit.Marks = &Marks{Snippet: teaser(doc.Fields[Body])}
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.h == nil {
		l.h = newHighlighter(l.ix, l.p, l.ms)
	}
	l.h.highlight(hit, doc)
}
