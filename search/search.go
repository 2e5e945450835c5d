package search

import (
	"slices"
)

// Result is the answer to a query.
type Result struct {
	// Query is the parsed query, the terms after analysis, so that the UI
	// can show what was searched for.
	Query Query
	// Hits are ranked by score, highest first, ties in document order. For a
	// query without terms (empty, whitespace or stop words only) they are all
	// documents in document order, with score 0 and no spans; likewise for a
	// query of exclusions only, less the excluded documents.
	Hits []Hit
	// Total is the number of matching documents; it exceeds len(Hits) when
	// the hits were limited.
	Total int
	// Suggestions are "Meinten Sie …?" corrections, set when the query finds
	// nothing or only typo matches: at most three whole queries in which
	// each word that matched nothing or only through a typo is replaced by
	// its closest vocabulary word, spelt as most often in the articles
	// ("Mircosoft Oracel" → "Microsoft Oracle"). The first is the best.
	Suggestions []string

	// lazy highlights the hits on demand; nil unless the search was lazy.
	lazy *lazyHighlighter
}

// Highlight fills in the Spans and the Snippet of Hits[i] as a search
// without [Options].Lazy would have. It works from the hit's Doc, so the
// hits may be reordered (by date, say) or filtered first. It does nothing
// if i is out of range or the result is not lazy, whose hits are
// highlighted already. It may be called repeatedly, and concurrently for
// different hits.
func (r *Result) Highlight(i int) {
	if i < 0 || i >= len(r.Hits) {
		return
	}
	r.HighlightHit(&r.Hits[i])
}

// HighlightHit is [Result.Highlight] for a copy of one of r's hits, such
// as the hits a UI has filtered and sorted into a slice of its own. A hit
// whose Doc is not a document of the search is left alone.
func (r *Result) HighlightHit(h *Hit) {
	if r.lazy == nil || h == nil {
		return
	}
	r.lazy.highlight(h)
}

// Hit is one matching document.
type Hit struct {
	Doc int // index into the documents
	// Score is the relevance: BM25 summed over the query terms, placed in
	// bands so that hits matching every term as a word rank above hits
	// that need a compound part, and those above hits that need a typo
	// correction. Only the order matters.
	Score float64
	// Typo reports that some query term matched this document only through
	// typo-corrected words.
	Typo bool
	// Marks are the highlights, whose fields Spans and Snippet a Hit
	// promotes. Every hit of an eager search has them; a lazy search
	// leaves them nil until [Result.Highlight] fills them in. Apart, they
	// keep a Hit at 32 bytes: a broad query over 10,000 articles returns
	// 10,000 hits on every keystroke, and in the WASM the garbage they
	// made (144 bytes each, with the marks inline) brought on collections
	// of the whole heap that took more time than the search.
	*Marks
}

// Marks are the highlights of a hit.
type Marks struct {
	// Spans are the matched ranges of each field's original text, sorted
	// and non-overlapping, for highlighting.
	Spans   [NumFields][]Span
	Snippet Snippet // the best passage of the body
}

// tier is the kind of match of a document, from best to worst. Hits are
// ranked by tier first, then by score.
type tier uint8

const (
	tierWord     tier = iota // exact, stem, prefix or phrase matches only
	tierCompound             // some term matched only as a compound part
	tierTypo                 // some term matched only through a typo
	numTiers
)

// docScore is a document with the score of one or more query terms and the
// worst tier of their matches.
type docScore struct {
	score float64
	doc   int32
	tier  tier
}

// Search runs query against the index with [DefaultOptions] and returns the
// matching documents, ranked, with highlights and snippets.
//
// All query terms must match, each in some field. The last term also
// matches every word that starts with it while it is being typed, that is,
// when the query does not end in whitespace: "Ellis" finds "Ellison",
// "Ueber" and "Über" find "Übernahme". If that term is a stop word ("die",
// "über") it matches only as a prefix, and is ignored if no document would
// match with it. Words in double quotes ("…", „…“, “…”) must occur as a
// phrase; a word or phrase after a minus ("-Oracle", -"trusted tech") must
// not occur. Queries longer than [MaxQueryBytes] or with more than
// [MaxQueryTerms] terms are cut. See [Options] for compounds and typos.
//
// docs must be the documents the index was built from: the index does not
// keep the text, so Search re-analyses the fields of the hits to find the
// spans. Hits beyond the end of docs have no spans and an empty snippet.
func (ix *Index) Search(query string, docs []Document) Result {
	return ix.search(query, docs, DefaultOptions(), -1)
}

// SearchN is like [Index.Search] but returns only the n best hits, or all
// if n is negative. Highlighting dominates the cost of a search with many
// hits, so a UI that shows the first results only should ask for those;
// Result.Total still counts all matching documents.
func (ix *Index) SearchN(query string, docs []Document, n int) Result {
	return ix.search(query, docs, DefaultOptions(), n)
}

// SearchOptions is like [Index.Search] with the features selected by opt,
// returning at most opt.Limit hits if it is positive.
func (ix *Index) SearchOptions(query string, docs []Document, opt Options) Result {
	n := opt.Limit
	if n <= 0 {
		n = -1
	}
	return ix.search(query, docs, opt, n)
}

// search runs query with opt and returns the n best hits, all if n < 0.
func (ix *Index) search(query string, docs []Document, opt Options, n int) Result {
	p := parseQuery(query)
	s := searcher{ix: ix, opt: opt, workspace: ix.workspace()}
	defer ix.workspaces.Put(s.workspace)
	ms := make([]termMatch, len(p.Terms))
	lists := make([][]docScore, 0, len(p.Terms)+len(p.Phrases))
	for i, qt := range p.Terms {
		ms[i] = s.match(qt, i == p.soft)
		lists = append(lists, ms[i].docs)
	}
	for _, ph := range p.Phrases {
		lists = append(lists, s.phrase(ph))
	}
	found := intersect(lists)
	if p.soft >= 0 && len(found) == 0 {
		p.Terms = slices.Delete(p.Terms, p.soft, p.soft+1)
		p.spans = slices.Delete(p.spans, p.soft, p.soft+1)
		ms = slices.Delete(ms, p.soft, p.soft+1)
		lists = slices.Delete(lists, p.soft, p.soft+1)
		p.soft = -1
		found = intersect(lists)
	}
	if len(p.Terms) == 0 && len(p.Phrases) == 0 {
		res := ix.all(p.Query, docs, s.excluded(p.Exclude), n, opt.Lazy)
		if opt.Lazy {
			res.lazy = &lazyHighlighter{docs: docs}
		}
		return res
	}
	found = s.without(found, p.Exclude)

	res := Result{Query: p.Query}
	if cap(s.rankBuf) < len(found) {
		s.rankBuf = make([]docScore, len(found))
	}
	rank(found, s.rankBuf)
	res.Total = len(found)
	if len(found) == 0 || found[0].tier == tierTypo {
		res.Suggestions = s.suggest(&p, ms)
	}
	found = found[:limit(len(found), n)]
	res.Hits = make([]Hit, len(found))
	for i, ds := range found {
		hit := &res.Hits[i]
		hit.Doc, hit.Score, hit.Typo = int(ds.doc), bandScore(ds), ds.tier == tierTypo
	}
	lh := newLazyHighlighter(ix, docs, &p, ms)
	if opt.Lazy {
		res.lazy = lh
		return res
	}
	for i := range res.Hits {
		lh.highlight(&res.Hits[i])
		if res.Hits[i].Marks == nil { // a hit beyond docs
			res.Hits[i].Marks = &Marks{}
		}
	}
	return res
}

// bandScore maps the BM25 score of ds into the band of its tier, so that
// Hit.Score orders hits as they are ranked: tier first, then BM25.
func bandScore(ds docScore) float64 {
	return float64(numTiers-1-ds.tier) + ds.score/(ds.score+1)
}

// all returns the result of a query without terms: the first n documents
// (all if n is negative) in document order, with teasers unless lazy, except
// those that are excluded (nil if none).
func (ix *Index) all(q Query, docs []Document, excluded []bool, n int, lazy bool) Result {
	res := Result{Query: q, Hits: make([]Hit, 0, limit(ix.ndocs, n))}
	for d := range ix.ndocs {
		if excluded != nil && excluded[d] {
			continue
		}
		res.Total++
		if n >= 0 && len(res.Hits) >= n {
			continue
		}
		hit := Hit{Doc: d}
		if !lazy {
			hit.Marks = &Marks{}
			if d < len(docs) {
				hit.Snippet = teaser(docs[d].Fields[Body])
			}
		}
		res.Hits = append(res.Hits, hit)
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

// intersect returns the documents that are in all lists, each sorted by
// document, with their scores summed and the worst of their tiers.
func intersect(lists [][]docScore) []docScore {
	if len(lists) == 0 {
		return nil
	}
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	insertionSort(order, func(a, b int) bool { return len(lists[a]) < len(lists[b]) })
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
				ds.tier = max(ds.tier, l[j].tier)
				out = append(out, ds)
			}
		}
		acc = out
	}
	return acc
}

// union returns the documents of a and b, each sorted by document; a
// document in both keeps the better match: the lower tier, then the higher
// score.
func union(a, b []docScore) []docScore {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]docScore, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].doc < a[i].doc:
			out = append(out, b[j])
			j++
		default:
			out = append(out, better(a[i], b[j]))
			i++
			j++
		}
	}
	return out
}

// better returns the better of two matches of one document: the lower
// tier, then the higher score.
func better(x, y docScore) docScore {
	if x.tier != y.tier {
		if x.tier < y.tier {
			return x
		}
		return y
	}
	if y.score > x.score {
		return y
	}
	return x
}
