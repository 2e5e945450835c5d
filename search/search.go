package search

import (
	"cmp"
	"slices"
)

// Result is the answer to a query.
type Result struct {
	// Query is the parsed query, the terms after analysis, so that the UI
	// can show what was searched for.
	Query Query
	// Hits are ranked by score, highest first, ties in document order. For a
	// query without terms (empty, whitespace or stop words only) they are all
	// documents in document order, with score 0 and no spans.
	Hits []Hit
	// Total is the number of matching documents; it exceeds len(Hits) when
	// SearchN cut the hits.
	Total int
}

// Hit is one matching document.
type Hit struct {
	Doc   int     // index into the documents
	Score float64 // BM25 relevance; only the order matters
	// Spans are the matched ranges of each field's original text, sorted
	// and non-overlapping, for highlighting.
	Spans   [NumFields][]Span
	Snippet Snippet // the best passage of the body
}

// docScore is a document with the score of one or more query terms.
type docScore struct {
	doc   int
	score float64
}

// Search runs query against the index and returns the matching documents,
// ranked, with highlights and snippets.
//
// All query terms must match, each in some field. The last term also
// matches every word that starts with it while it is being typed, that is,
// when the query does not end in whitespace: "Ellis" finds "Ellison",
// "Ueber" and "Über" find "Übernahme". If that term is a stop word ("die",
// "über") it matches only as a prefix, and is ignored if no document would
// match with it. Queries longer than [MaxQueryBytes] or with more than
// [MaxQueryTerms] terms are cut.
//
// docs must be the documents the index was built from: the index does not
// keep the text, so Search re-analyses the fields of the hits to find the
// spans. Hits beyond the end of docs have no spans and an empty snippet.
func (ix *Index) Search(query string, docs []Document) Result {
	return ix.SearchN(query, docs, -1)
}

// SearchN is like [Index.Search] but returns only the n best hits, or all
// if n is negative. Highlighting dominates the cost of a search with many
// hits, so a UI that shows the first results only should ask for those;
// Result.Total still counts all matching documents.
func (ix *Index) SearchN(query string, docs []Document, n int) Result {
	q, soft := parseQuery(query)
	s := searcher{ix: ix}
	lists := make([][]docScore, len(q.Terms))
	for i, qt := range q.Terms {
		lists[i] = s.match(qt)
	}
	found := intersect(lists)
	if soft >= 0 && len(found) == 0 {
		q.Terms = slices.Delete(q.Terms, soft, soft+1)
		lists = slices.Delete(lists, soft, soft+1)
		found = intersect(lists)
	}
	if len(q.Terms) == 0 {
		return ix.all(q, docs, n)
	}

	res := Result{Query: q}
	slices.SortStableFunc(found, func(a, b docScore) int {
		return cmp.Compare(b.score, a.score)
	})
	res.Total = len(found)
	found = found[:limit(len(found), n)]
	h := newHighlighter(ix, q)
	res.Hits = make([]Hit, len(found))
	for i, ds := range found {
		hit := &res.Hits[i]
		hit.Doc, hit.Score = ds.doc, ds.score
		if ds.doc < len(docs) {
			h.highlight(hit, &docs[ds.doc])
		}
	}
	return res
}

// all returns the result of a query without terms: the first n documents
// (all if n is negative) in document order, with teasers.
func (ix *Index) all(q Query, docs []Document, n int) Result {
	res := Result{Query: q, Total: ix.ndocs}
	res.Hits = make([]Hit, limit(ix.ndocs, n))
	for d := range res.Hits {
		res.Hits[d].Doc = d
		if d < len(docs) {
			res.Hits[d].Snippet = teaser(docs[d].Fields[Body])
		}
	}
	return res
}

// limit returns the number of hits to return out of total for SearchN's n.
func limit(total, n int) int {
	if n < 0 {
		return total
	}
	return min(total, n)
}

// searcher finds the documents matching query terms.
type searcher struct {
	ix   *Index
	best []float64 // per document, scratch for merging expansions
}

// match returns the documents that match qt, sorted by document, with the
// BM25 score of the term.
func (s *searcher) match(qt QueryTerm) []docScore {
	ix := s.ix
	if !qt.Prefix {
		t := ix.lookup(qt.Term)
		if t < 0 {
			return nil
		}
		return scale(s.postings(t, 1), ix.idf(int(ix.df[t])))
	}
	terms := s.expand(qt)
	switch len(terms) {
	case 0:
		return nil
	case 1:
		l := s.postings(terms[0].term, terms[0].weight)
		return scale(l, ix.idf(len(l)))
	}
	// Several terms: keep each document's best score. The prefix term as a
	// whole is as specific as the number of documents it matches: a rare
	// longer word must not outrank the word typed in full.
	if s.best == nil {
		s.best = make([]float64, ix.ndocs)
	}
	var touched []docScore
	for _, e := range terms {
		it := newPostingIter(ix.post[e.term], ix.ndocs, skipPositions)
		for it.next() {
			d := it.doc
			if s.best[d] == 0 {
				touched = append(touched, docScore{doc: d})
			}
			s.best[d] = max(s.best[d], ix.score(e.weight, d, &it.tf))
		}
	}
	for i := range touched {
		d := touched[i].doc
		touched[i].score = s.best[d]
		s.best[d] = 0
	}
	slices.SortFunc(touched, func(a, b docScore) int { return cmp.Compare(a.doc, b.doc) })
	return scale(touched, ix.idf(len(touched)))
}

// scale multiplies the scores of l by f and returns l.
func scale(l []docScore, f float64) []docScore {
	for i := range l {
		l[i].score *= f
	}
	return l
}

// expansion is a term that a prefix term matches, with a score weight.
type expansion struct {
	term   int
	weight float64
}

// expand returns the terms that the prefix term qt matches: the stem term of
// Surface if Surface is a word of the index, with weight 1, and the terms of
// the words that start with Surface, with prefixWeight. At most
// MaxPrefixExpansions terms are returned, the most frequent ones.
func (s *searcher) expand(qt QueryTerm) []expansion {
	ix := s.ix
	lo, hi := ix.surfaceRange(qt.Surface)
	if lo == hi {
		return nil
	}
	exact := int32(-1)
	if ix.surfs[lo] == qt.Surface {
		exact = ix.surfTerm[lo]
	}
	terms := slices.Clone(ix.surfTerm[lo:hi])
	slices.Sort(terms)
	terms = slices.Compact(terms)
	if len(terms) > MaxPrefixExpansions {
		terms = ix.mostFrequent(terms, exact, MaxPrefixExpansions)
	}
	out := make([]expansion, len(terms))
	for i, t := range terms {
		out[i] = expansion{term: int(t), weight: prefixWeight}
		if t == exact {
			out[i].weight = 1
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
	slices.SortFunc(h, func(a, b int32) int {
		if before(a, b) {
			return -1
		}
		return 1
	})
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

// postings returns the documents of term t with their BM25 term frequency
// score times weight; the caller multiplies in the IDF.
func (s *searcher) postings(t int, weight float64) []docScore {
	ix := s.ix
	out := make([]docScore, 0, ix.df[t])
	it := newPostingIter(ix.post[t], ix.ndocs, skipPositions)
	for it.next() {
		out = append(out, docScore{it.doc, ix.score(weight, it.doc, &it.tf)})
	}
	return out
}

// intersect returns the documents that are in all lists, each sorted by
// document, with their scores summed.
func intersect(lists [][]docScore) []docScore {
	if len(lists) == 0 {
		return nil
	}
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(len(lists[a]), len(lists[b])) })
	acc := slices.Clone(lists[order[0]])
	for _, i := range order[1:] {
		l := lists[i]
		out, j := acc[:0], 0
		for _, ds := range acc {
			for j < len(l) && l[j].doc < ds.doc {
				j++
			}
			if j < len(l) && l[j].doc == ds.doc {
				ds.score += l[j].score
				out = append(out, ds)
			}
		}
		acc = out
	}
	return acc
}
