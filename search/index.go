package search

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Index is an inverted index over the fields of a document set. It maps each
// stem term to the documents, fields and positions it occurs in, keeps the
// field lengths that BM25 needs, and has a sorted vocabulary of folded
// surface forms for prefix matching, typo correction and compound
// splitting, with the occurrence counts of each form, its display spelling
// and the compound parts of each term. It does not keep the text.
//
// An Index is immutable once built or decoded and safe for concurrent use.
type Index struct {
	workspaces sync.Pool // of *workspace, see searcher

	ndocs int
	lens  [NumFields][]int32 // indexed words per field and document
	avg   [NumFields]float64 // average of lens per field, at least 1

	terms []string // stem terms, sorted
	df    []int32  // documents per term
	post  [][]byte // postings list per term, see postingIter

	surfs    []string // folded surface forms, sorted
	surfTerm []int32  // the term each surface form was stemmed to
	surfPost [][]byte // counts list per surface form, see countIter; nil for the only form of a term
	disp     []string // display spelling per surface form if spelt out, see display
	dispKind []uint8  // how the display spelling derives from the form, see display
	surfDF   []int32  // documents per surface form
	surfCF   []int32  // occurrences per surface form, at most maxPosition

	// comp are the terms that are compounds, sorted, and compParts[i] the
	// terms of the parts of comp[i], sorted.
	comp      []int32
	compParts [][]int32

	// Derived when the index is built or decoded: the surface forms of each
	// term, as indices into surfs, are termSurfs[termSurfAt[t]:termSurfAt[t+1]];
	// the compounds that contain term t as a part are
	// partOf[partOfAt[t]:partOfAt[t+1]].
	knorm      [NumFields][]float64 // per field and document, see lengthNorm
	termSurfAt []int32
	termSurfs  []int32
	partOfAt   []int32
	partOf     []int32
	typo       typoIndex
	suffixes   suffixIndex
}

// Len returns the number of documents in the index.
func (ix *Index) Len() int {
	return ix.ndocs
}

// Build analyses docs with the default analyzer and returns their index.
// Document numbers are positions in docs. Building is deterministic: the same
// documents always give the same index.
func Build(docs []Document) *Index {
	var (
		a         = NewAnalyzer()
		opt       = analyzeOptions{stem: true, cache: make(map[string]string), scratch: &scratch{}}
		ix        = &Index{ndocs: len(docs)}
		lists     = make(map[string]*postingsWriter)
		surfaces  = make(map[string]*countsWriter)
		spellings = make(map[spelling]int32)
		doc       = newDocTerms()
		counts    = newDocCounts()
	)
	for f := range ix.lens {
		ix.lens[f] = make([]int32, len(docs))
	}
	for d := range docs {
		for f := range Field(NumFields) {
			text := docs[d].Fields[f]
			ts := a.analyze(text, opt)
			n := 0
			for _, t := range ts {
				if t.pos >= maxPosition {
					break
				}
				if t.kind != kindJoined {
					n++
				}
				doc.add(t.text, f, int32(t.pos))
				counts.add(t.surface, t.text, f)
				sp := spelling{t.surface, text[t.start:t.end]}
				if _, ok := spellings[sp]; !ok {
					// Token texts share buffers with the whole field.
					sp = spelling{strings.Clone(sp.surface), strings.Clone(sp.orig)}
				}
				spellings[sp]++
			}
			ix.lens[f][d] = int32(n)
		}
		for i, term := range doc.terms {
			l := lists[term]
			if l == nil {
				l = &postingsWriter{prev: -1}
				lists[term] = l
			}
			l.add(d, &doc.pos[i])
		}
		for i, s := range counts.surfs {
			l := surfaces[s]
			if l == nil {
				l = &countsWriter{term: counts.terms[i], prev: -1}
				surfaces[s] = l
			}
			l.add(d, &counts.tf[i])
		}
		doc.reset()
		counts.reset()
	}

	ix.terms = make([]string, 0, len(lists))
	for term := range lists {
		ix.terms = append(ix.terms, term)
	}
	slices.Sort(ix.terms)
	ix.df = make([]int32, len(ix.terms))
	ix.post = make([][]byte, len(ix.terms))
	for i, term := range ix.terms {
		l := lists[term]
		ix.df[i] = int32(l.df)
		ix.post[i] = l.list()
	}

	ix.surfs = make([]string, 0, len(surfaces))
	for s := range surfaces {
		ix.surfs = append(ix.surfs, s)
	}
	slices.Sort(ix.surfs)
	ix.surfTerm = make([]int32, len(ix.surfs))
	ix.surfPost = make([][]byte, len(ix.surfs))
	ix.surfDF = make([]int32, len(ix.surfs))
	ix.surfCF = make([]int32, len(ix.surfs))
	for i, s := range ix.surfs {
		l := surfaces[s]
		t, _ := slices.BinarySearch(ix.terms, l.term)
		ix.surfTerm[i] = int32(t)
		ix.surfPost[i] = slices.Clip(l.list)
		ix.surfDF[i] = int32(l.df)
		ix.surfCF[i] = int32(l.cf)
	}
	// The counts of a term's only surface form are those of the term.
	forms := make([]int, len(ix.terms))
	for _, t := range ix.surfTerm {
		forms[t]++
	}
	for i, t := range ix.surfTerm {
		if forms[t] == 1 {
			ix.surfPost[i] = nil
		}
	}
	ix.disp = displayForms(ix.surfs, spellings)
	ix.dispKind = make([]uint8, len(ix.surfs))
	for i, d := range ix.disp {
		ix.dispKind[i] = uint8(displayKind(ix.surfs[i], d))
		if ix.dispKind[i] != dispOwn {
			ix.disp[i] = ""
		}
	}
	ix.comp, ix.compParts = ix.compounds()
	ix.derive()
	return ix
}

// docCounts collects the occurrence counts of each surface form in one
// document during Build.
type docCounts struct {
	index map[string]int // surface form → index into surfs, terms and tf
	surfs []string
	terms []string
	tf    [][NumFields]int32
}

func newDocCounts() *docCounts {
	return &docCounts{index: make(map[string]int)}
}

// add counts an occurrence of the surface form s of term in field f.
func (c *docCounts) add(s, term string, f Field) {
	i, ok := c.index[s]
	if !ok {
		s = strings.Clone(s)
		i = len(c.surfs)
		c.index[s] = i
		c.surfs = append(c.surfs, s)
		c.terms = append(c.terms, strings.Clone(term))
		c.tf = append(c.tf, [NumFields]int32{})
	}
	c.tf[i][f]++
}

// reset empties c for the next document, keeping its memory.
func (c *docCounts) reset() {
	clear(c.index)
	c.surfs = c.surfs[:0]
	c.terms = c.terms[:0]
	c.tf = c.tf[:0]
}

// docTerms collects the positions of each term in one document during Build.
type docTerms struct {
	index map[string]int // term → index into terms and pos
	terms []string
	pos   [][NumFields][]int32
}

func newDocTerms() *docTerms {
	return &docTerms{index: make(map[string]int)}
}

// add records an occurrence of term in field f at position p. A term that
// occurs twice at the same position (a compound and one of its parts that
// stem alike) is recorded once.
func (d *docTerms) add(term string, f Field, p int32) {
	i, ok := d.index[term]
	if !ok {
		term = strings.Clone(term) // it may share a buffer with the field
		i = len(d.terms)
		d.index[term] = i
		d.terms = append(d.terms, term)
		if i < cap(d.pos) {
			d.pos = d.pos[:i+1]
			for f := range d.pos[i] {
				d.pos[i][f] = d.pos[i][f][:0]
			}
		} else {
			d.pos = append(d.pos, [NumFields][]int32{})
		}
	}
	ps := d.pos[i][f]
	if n := len(ps); n > 0 && ps[n-1] >= p {
		// Tokens arrive in position order; compounds repeat a position.
		if ps[n-1] == p {
			return
		}
		j, found := slices.BinarySearch(ps, p)
		if found {
			return
		}
		d.pos[i][f] = slices.Insert(ps, j, p)
		return
	}
	d.pos[i][f] = append(ps, p)
}

// reset empties d for the next document, keeping its memory.
func (d *docTerms) reset() {
	clear(d.index)
	d.terms = d.terms[:0]
	d.pos = d.pos[:0]
}

// derive computes the data that is not stored in the encoding: average field
// lengths and the surface forms of each term.
func (ix *Index) derive() {
	for f := range ix.lens {
		sum := 0.0
		for _, n := range ix.lens[f] {
			sum += float64(n)
		}
		ix.avg[f] = 1
		if ix.ndocs > 0 && sum > 0 {
			ix.avg[f] = sum / float64(ix.ndocs)
		}
		ix.knorm[f] = make([]float64, ix.ndocs)
		for d, n := range ix.lens[f] {
			ix.knorm[f][d] = lengthNorm(n, ix.avg[f])
		}
	}
	ix.termSurfAt = make([]int32, len(ix.terms)+1)
	for _, t := range ix.surfTerm {
		ix.termSurfAt[t+1]++
	}
	for t := range ix.terms {
		ix.termSurfAt[t+1] += ix.termSurfAt[t]
	}
	ix.termSurfs = make([]int32, len(ix.surfs))
	next := slices.Clone(ix.termSurfAt[:len(ix.terms)])
	for s, t := range ix.surfTerm {
		ix.termSurfs[next[t]] = int32(s)
		next[t]++
	}

	ix.partOfAt = make([]int32, len(ix.terms)+1)
	n := 0
	for _, ps := range ix.compParts {
		for _, p := range ps {
			ix.partOfAt[p+1]++
		}
		n += len(ps)
	}
	for t := range ix.terms {
		ix.partOfAt[t+1] += ix.partOfAt[t]
	}
	ix.partOf = make([]int32, n)
	next = slices.Clone(ix.partOfAt[:len(ix.terms)])
	for i, ps := range ix.compParts {
		for _, p := range ps {
			ix.partOf[next[p]] = ix.comp[i]
			next[p]++
		}
	}
	ix.typo = newTypoIndex(ix.surfs)
	ix.suffixes = newSuffixIndex(ix.surfs)
}

// compoundsOf returns the compound terms that contain term t as a part,
// sorted.
func (ix *Index) compoundsOf(t int) []int32 {
	return ix.partOf[ix.partOfAt[t]:ix.partOfAt[t+1]]
}

// surface returns the index of the folded surface form s in ix.surfs, or -1.
func (ix *Index) surface(s string) int {
	i, ok := slices.BinarySearch(ix.surfs, s)
	if !ok {
		return -1
	}
	return i
}

// lookup returns the number of term, or -1 if the index does not have it.
func (ix *Index) lookup(term string) int {
	i, ok := slices.BinarySearch(ix.terms, term)
	if !ok {
		return -1
	}
	return i
}

// surfaceRange returns the range [lo, hi) of ix.surfs that start with prefix.
func (ix *Index) surfaceRange(prefix string) (lo, hi int) {
	lo, _ = slices.BinarySearch(ix.surfs, prefix)
	// The forms with the prefix are a contiguous run starting at lo.
	n := sort.Search(len(ix.surfs)-lo, func(i int) bool {
		return !strings.HasPrefix(ix.surfs[lo+i], prefix)
	})
	return lo, lo + n
}
