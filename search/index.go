package search

import (
	"slices"
	"sort"
	"strings"
)

// Index is an inverted index over the fields of a document set. It maps each
// stem term to the documents, fields and positions it occurs in, keeps the
// field lengths that BM25 needs, and has a sorted vocabulary of folded
// surface forms for prefix matching. It does not keep the text.
//
// An Index is immutable once built or decoded and safe for concurrent use.
type Index struct {
	ndocs int
	lens  [NumFields][]int32 // indexed words per field and document
	avg   [NumFields]float64 // average of lens per field, at least 1

	terms []string // stem terms, sorted
	df    []int32  // documents per term
	post  [][]byte // postings list per term, see postingIter

	surfs    []string // folded surface forms, sorted
	surfTerm []int32  // the term each surface form was stemmed to

	// Derived when the index is built or decoded: the surface forms of each
	// term, as indices into surfs, are termSurfs[termSurfAt[t]:termSurfAt[t+1]].
	termSurfAt []int32
	termSurfs  []int32
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
		a        = NewAnalyzer()
		opt      = analyzeOptions{stem: true, cache: make(map[string]string), scratch: &scratch{}}
		ix       = &Index{ndocs: len(docs)}
		lists    = make(map[string]*termList)
		surfaces = make(map[string]string) // surface form → term
		doc      = newDocTerms()
	)
	for f := range ix.lens {
		ix.lens[f] = make([]int32, len(docs))
	}
	for d := range docs {
		for f := range Field(NumFields) {
			ts := a.analyze(docs[d].Fields[f], opt)
			n := 0
			for _, t := range ts {
				if t.pos >= maxPosition {
					break
				}
				if t.kind != kindJoined {
					n++
				}
				doc.add(t.text, f, int32(t.pos))
				if _, ok := surfaces[t.surface]; !ok {
					// Token texts share buffers with the whole field.
					surfaces[strings.Clone(t.surface)] = strings.Clone(t.text)
				}
			}
			ix.lens[f][d] = int32(n)
		}
		for i, term := range doc.terms {
			l := lists[term]
			if l == nil {
				l = &termList{prev: -1}
				lists[term] = l
			}
			l.post = appendPosting(l.post, d, l.prev, &doc.pos[i])
			l.prev = d
			l.df++
		}
		doc.reset()
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
		ix.post[i] = slices.Clip(l.post)
	}

	ix.surfs = make([]string, 0, len(surfaces))
	for s := range surfaces {
		ix.surfs = append(ix.surfs, s)
	}
	slices.Sort(ix.surfs)
	ix.surfTerm = make([]int32, len(ix.surfs))
	for i, s := range ix.surfs {
		t, _ := slices.BinarySearch(ix.terms, surfaces[s])
		ix.surfTerm[i] = int32(t)
	}
	ix.derive()
	return ix
}

// termList accumulates the postings list of one term during Build.
type termList struct {
	post []byte
	prev int // last document added, -1 if none
	df   int
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
