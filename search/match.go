package search

import (
	"slices"
	"unicode/utf8"
)

// searcher finds the documents matching the terms of one query.
type searcher struct {
	ix  *Index
	opt Options
	*workspace
}

// workspace is a search's per-document working memory. Searches take it
// from their index's pool and return it clean, so that a keystroke over
// 10,000 articles does not allocate (and make the garbage collector go
// over the heap for) a fresh 200 kB.
type workspace struct {
	best    []docScore // per document, scratch for merging expansions
	has     []bool     // per document, whether best holds a match
	bodyTF  []int32    // per document, scratch: the highest body frequency
	touched []int32    // the documents whose has is set
	rankBuf []docScore // for rank's radix sort
}

// workspace returns working memory for a search of ix: has and bodyTF
// all false and zero.
func (ix *Index) workspace() *workspace {
	if w, ok := ix.workspaces.Get().(*workspace); ok {
		return w
	}
	return &workspace{
		best:   make([]docScore, ix.ndocs),
		has:    make([]bool, ix.ndocs),
		bodyTF: make([]int32, ix.ndocs),
	}
}

// expansion is an index term that a query term matches.
type expansion struct {
	term   int
	weight float64 // score factor
	tier   tier
	// surf is the surface form typed, as an index into Index.surfs, or -1:
	// occurrences of exactly that form score fully, other forms of the
	// term stemOnlyWeight.
	surf int
	// prefixed marks a longer word that the prefix term matches; the
	// highlighter finds those by prefix.
	prefixed bool
}

// termMatch is how one query term matched.
type termMatch struct {
	docs []docScore  // sorted by document
	exps []expansion // the index terms it matched
	// parts are the terms of the query compound's parts, matched at
	// consecutive positions, or nil.
	parts []int
	typo  bool        // it matched only through typo corrections
	cands []typoMatch // typo candidates, if they were looked up
}

// match returns the documents that match qt, sorted by document, with the
// BM25 score of the term. A soft term (a stop word being typed) matches as
// a prefix only.
func (s *searcher) match(qt QueryTerm, soft bool) termMatch {
	ix := s.ix
	var m termMatch
	if qt.Prefix {
		m.exps = s.expand(qt)
	} else if t := ix.lookup(qt.Term); t >= 0 {
		m.exps = []expansion{{term: t, weight: 1, surf: ix.surface(qt.Surface)}}
	}
	if s.opt.Compounds && !soft {
		m.exps = s.addCompounds(m.exps)
		m.exps = s.addAffixCompounds(m.exps, qt)
		if !qt.Prefix {
			m.parts = ix.splitTerms(qt.Surface)
		}
	}
	m.docs = s.accumulate(m.exps)
	if len(m.parts) > 0 {
		pos := make([]int, len(m.parts))
		for i := range pos {
			pos[i] = i
		}
		adj := s.phraseTerms(m.parts, pos)
		m.docs = union(m.docs, scale(adj, adjacentWeight))
	}
	if len(m.docs) > 0 || !s.opt.Typos || soft {
		return m
	}
	m.cands = ix.typoMatches(qt.Surface)
	m.exps = typoExpansions(ix, m.cands)
	m.docs = s.accumulate(m.exps)
	m.typo = len(m.docs) > 0
	return m
}

// addCompounds adds to exps the compounds that contain one of the full
// matches (weight 1) of exps as a part, with tierCompound, at most
// MaxPrefixExpansions of them, the most frequent first.
func (s *searcher) addCompounds(exps []expansion) []expansion {
	ix := s.ix
	var cs []int32
	for _, e := range exps {
		if e.weight == 1 && e.tier == tierWord {
			cs = append(cs, ix.compoundsOf(e.term)...)
		}
	}
	if len(cs) == 0 {
		return exps
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	cs = withoutTerms(cs, exps)
	if len(cs) > MaxPrefixExpansions {
		cs = ix.mostFrequent(cs, -1, MaxPrefixExpansions)
	}
	for _, c := range cs {
		exps = append(exps, expansion{term: int(c), weight: compoundWeight, tier: tierCompound, surf: -1})
	}
	return exps
}

// addAffixCompounds adds to exps the compounds of the vocabulary that begin
// or end with the query word itself, such as "Datenzentrum" for "Zentrum"
// or "Datenschutzbedenken" for "Datenschutz", with tierCompound. The
// build-time splitter only splits into parts that occur as words on their
// own; this finds the compounds whose other part never does ("Jugend" in
// "Jugendschutz"). The same length rules hold: the word is at least
// minPartRunes long, the compound minCompoundRunes, and the rest, less a
// linking element, minPartRunes. A word still being typed does this only
// when it is a word of the index or no word starts with it. At most
// MaxPrefixExpansions are added.
func (s *searcher) addAffixCompounds(exps []expansion, qt QueryTerm) []expansion {
	ix := s.ix
	q := qt.Surface
	if utf8.RuneCountInString(q) < minPartRunes {
		return exps
	}
	lo, hi := ix.surfaceRange(q)
	if qt.Prefix && lo < hi && ix.surfs[lo] != q {
		return exps // only the start of longer words: still being typed
	}
	// The words that begin with q are the range of it, those that end with
	// it among the suffix candidates.
	var cs []int32
	for i := lo; i < hi; i++ {
		if affixCompound(ix.surfs[i], q) {
			cs = append(cs, ix.surfTerm[i])
		}
	}
	for _, i := range ix.suffixes.candidates(q) {
		if affixCompound(ix.surfs[i], q) {
			cs = append(cs, ix.surfTerm[i])
		}
	}
	if len(cs) == 0 {
		return exps
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	cs = withoutTerms(cs, exps)
	if len(cs) > MaxPrefixExpansions {
		cs = ix.mostFrequent(cs, -1, MaxPrefixExpansions)
	}
	for _, c := range cs {
		exps = append(exps, expansion{term: int(c), weight: compoundWeight, tier: tierCompound, surf: -1})
	}
	return exps
}

// withoutTerms returns cs less the terms of exps, keeping the order of cs
// and reusing its memory.
func withoutTerms(cs []int32, exps []expansion) []int32 {
	have := make([]int32, len(exps))
	for i, e := range exps {
		have[i] = int32(e.term)
	}
	slices.Sort(have)
	return slices.DeleteFunc(cs, func(c int32) bool {
		_, ok := slices.BinarySearch(have, c)
		return ok
	})
}

// accumulate returns the documents that match any of exps, sorted by
// document, each with its best match, scored with BM25. The IDF is that of
// all the documents together: as a whole, the query term is as specific as
// the number of documents it matches, so that a rare longer word does not
// outrank the word typed in full.
func (s *searcher) accumulate(exps []expansion) []docScore {
	ix := s.ix
	switch len(exps) {
	case 0:
		return nil
	case 1:
		l := s.postings(exps[0])
		return scale(l, ix.idf(len(l)))
	}
	best, has := s.best, s.has
	touched := s.touched[:0]
	defer func() { s.touched = touched[:0] }()
	// add merges ds into the best matches.
	add := func(ds docScore) {
		d := ds.doc
		if !has[d] {
			has[d] = true
			best[d] = ds
			touched = append(touched, d)
			return
		}
		best[d] = better(best[d], ds)
	}
	// The expansions of equal weight and tier without a surface form to
	// weigh, such as the words a prefix expands to, are merged in one go:
	// the score of a document in whose body only the term occurs grows
	// with the frequency, so the highest frequency of the group gives the
	// best match, and only it needs scoring.
	var (
		done   = make([]bool, len(exps))
		group  []int32 // documents of the group with a body frequency
		bodyTF = s.bodyTF
		batch  docBatch
	)
	for i, e := range exps {
		if done[i] {
			continue
		}
		if ts := s.scorer(e); ts.e.surf >= 0 {
			for ts.next() {
				add(ts.ds)
			}
			continue
		}
		for j := i; j < len(exps); j++ {
			g := exps[j]
			if done[j] || g.weight != e.weight || g.tier != e.tier {
				continue
			}
			ts := s.scorer(g)
			if ts.e.surf >= 0 {
				continue
			}
			done[j] = true
			for ts.it.fill(&batch); batch.n > 0; ts.it.fill(&batch) {
				for k, d := range batch.doc[:batch.n] {
					tf := &batch.tf[k]
					if tf[Title] > 0 || tf[Kicker] > 0 {
						var x [NumFields]float64
						for f, n := range tf {
							x[f] = float64(n)
						}
						add(docScore{ix.score(e.weight, int(d), &x), d, e.tier})
						continue
					}
					v := bodyTF[d]
					if v == 0 {
						group = append(group, d)
					}
					if tf[Body] > v {
						bodyTF[d] = tf[Body]
					}
				}
			}
		}
		for _, d := range group {
			add(docScore{ix.bodyScore(e.weight, int(d), float64(bodyTF[d])), d, e.tier})
			bodyTF[d] = 0
		}
		group = group[:0]
	}
	out := make([]docScore, 0, len(touched))
	if len(touched) > ix.ndocs/16 {
		// Dense: a pass over all documents beats sorting.
		for d, ok := range has {
			if ok {
				out = append(out, best[d])
				has[d] = false
			}
		}
	} else {
		slices.Sort(touched)
		for _, d := range touched {
			out = append(out, best[d])
			has[d] = false
		}
	}
	return scale(out, ix.idf(len(out)))
}

// postings returns the documents of e.term with their BM25 term frequency
// score times e.weight, and e.tier; the caller multiplies in the IDF.
func (s *searcher) postings(e expansion) []docScore {
	out := make([]docScore, 0, s.ix.df[e.term])
	ts := s.scorer(e)
	for ts.next() {
		out = append(out, ts.ds)
	}
	return out
}

// termScorer iterates over the documents of the term of an expansion, in
// order, with the BM25 term frequency score times the expansion's weight,
// and its tier. If the expansion has a surface form and the term has
// others, occurrences of the others count stemOnlyWeight.
type termScorer struct {
	ix    *Index
	e     expansion
	it    docIter  // the documents of the postings list of e.term
	exact docIter  // the occurrences of e.surf, if e.surf >= 0
	more  bool     // whether exact is at a document
	ds    docScore // the current document
}

// scorer returns a termScorer for e.
func (s *searcher) scorer(e expansion) termScorer {
	ix := s.ix
	if e.surf >= 0 && ix.surfPost[e.surf] == nil {
		e.surf = -1 // the only form of the term
	}
	ts := termScorer{ix: ix, e: e, it: newPostingIter(ix.post[e.term], ix.ndocs, skipPositions).docIter}
	if e.surf >= 0 {
		ts.exact = newCountIter(ix.surfPost[e.surf], ix.ndocs)
		ts.more = ts.exact.next()
	}
	return ts
}

// next advances to the next document, in ts.ds, and reports whether there
// is one.
func (ts *termScorer) next() bool {
	if !ts.it.next() {
		return false
	}
	ts.ds = ts.score()
	return true
}

// score returns the score of the current document.
func (ts *termScorer) score() docScore {
	it := &ts.it
	// With a surface form, the occurrences of the others count
	// stemOnlyWeight: x of n are exact, where x are those in exact.
	weigh := ts.e.surf >= 0
	var exact [NumFields]int
	if weigh {
		for ts.more && ts.exact.doc < it.doc {
			ts.more = ts.exact.next()
		}
		if ts.more && ts.exact.doc == it.doc {
			exact = ts.exact.tf
		}
	}
	if it.bodyOnly {
		n := it.tf[Body]
		x := float64(n)
		if weigh {
			k := min(exact[Body], n)
			x = float64(k) + stemOnlyWeight*float64(n-k)
		}
		return docScore{ts.ix.bodyScore(ts.e.weight, it.doc, x), int32(it.doc), ts.e.tier}
	}
	var tf [NumFields]float64
	for f, n := range it.tf {
		tf[f] = float64(n)
		if weigh {
			k := min(exact[f], n)
			tf[f] = float64(k) + stemOnlyWeight*float64(n-k)
		}
	}
	return docScore{ts.ix.score(ts.e.weight, it.doc, &tf), int32(it.doc), ts.e.tier}
}

// scale multiplies the scores of l by f and returns l.
func scale(l []docScore, f float64) []docScore {
	for i := range l {
		l[i].score *= f
	}
	return l
}

// expand returns the terms that the prefix term qt matches: the stem term of
// Surface if Surface is a word of the index, with weight 1, and the terms of
// the words that start with Surface, with prefixWeight. At most
// MaxPrefixExpansions terms are returned, the most frequent ones.
func (s *searcher) expand(qt QueryTerm) []expansion {
	ix := s.ix
	lo, hi := ix.surfaceRange(qt.Surface)
	if lo == hi {
		// No word starts with what was typed, so it is a complete word
		// in a form the articles do not use ("Gesprächen"): match its stem.
		if t := ix.lookup(qt.Term); t >= 0 {
			return []expansion{{term: t, weight: 1, surf: -1}}
		}
		return nil
	}
	exact, surf := int32(-1), -1
	if ix.surfs[lo] == qt.Surface {
		exact, surf = ix.surfTerm[lo], lo
	}
	terms := slices.Clone(ix.surfTerm[lo:hi])
	slices.Sort(terms)
	terms = slices.Compact(terms)
	if len(terms) > MaxPrefixExpansions {
		terms = ix.mostFrequent(terms, exact, MaxPrefixExpansions)
	}
	out := make([]expansion, len(terms))
	for i, t := range terms {
		out[i] = expansion{term: int(t), weight: prefixWeight, surf: -1, prefixed: true}
		if t == exact {
			out[i] = expansion{term: int(t), weight: 1, surf: surf}
		}
	}
	return out
}

// mostFrequent returns the n terms with the highest document frequency,
// ties to the lower term number, and always exact if it is among terms. It
// reorders terms.
func (ix *Index) mostFrequent(terms []int32, exact int32, n int) []int32 {
	// before reports whether a ranks before b.
	before := func(a, b int32) bool {
		switch {
		case a == exact:
			return true
		case b == exact:
			return false
		case ix.df[a] != ix.df[b]:
			return ix.df[a] > ix.df[b]
		}
		return a < b
	}
	// Keep the best n in terms[:n] as a heap with the worst at the root.
	h := terms[:n]
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i, before)
	}
	for _, t := range terms[n:] {
		if before(t, h[0]) {
			h[0] = t
			siftDown(h, 0, before)
		}
	}
	// Heapsort what is left: the root ranks last, so it goes to the end.
	// (Not slices.SortFunc, whose int32 instance would add some 15 KB to
	// the WASM for a list this short.)
	for end := len(h) - 1; end > 0; end-- {
		h[0], h[end] = h[end], h[0]
		siftDown(h[:end], 0, before)
	}
	return h
}

// siftDown restores the heap property of h below i, for a heap whose root
// is the element that ranks last by before.
func siftDown(h []int32, i int, before func(a, b int32) bool) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && before(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && before(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// excluded returns, per document, whether it matches one of the excluded
// words or phrases, or nil if there are none. Exclusion matches words and
// their stems, not compounds containing them nor typos.
func (s *searcher) excluded(ex []Phrase) []bool {
	if len(ex) == 0 {
		return nil
	}
	out := make([]bool, s.ix.ndocs)
	for _, ph := range ex {
		if len(ph.Terms) == 1 {
			// A word: its documents, without positions or scores.
			if t := s.ix.lookup(ph.Terms[0].Term); t >= 0 {
				it := newPostingIter(s.ix.post[t], s.ix.ndocs, skipPositions)
				for it.next() {
					out[it.doc] = true
				}
			}
			continue
		}
		for _, ds := range s.phrase(ph) {
			out[ds.doc] = true
		}
	}
	return out
}

// without returns found less the documents that match an excluded word or
// phrase.
func (s *searcher) without(found []docScore, ex []Phrase) []docScore {
	x := s.excluded(ex)
	if x == nil {
		return found
	}
	return slices.DeleteFunc(found, func(ds docScore) bool { return x[ds.doc] })
}
