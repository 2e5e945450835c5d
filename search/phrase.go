package search

import "slices"

// phrase returns the documents in which the terms of ph occur at their
// relative positions in one field, sorted by document, scored with BM25
// for the phrase frequency, counted once per term. A phrase with a term
// missing from the index matches nothing.
func (s *searcher) phrase(ph Phrase) []docScore {
	terms := make([]int, len(ph.Terms))
	for i, qt := range ph.Terms {
		if terms[i] = s.ix.lookup(qt.Term); terms[i] < 0 {
			return nil
		}
	}
	return s.phraseTerms(terms, ph.Pos)
}

// phraseTerms returns the documents in which term terms[i] occurs at
// position p+pos[i] of one field for some p, sorted by document and scored
// with BM25. The terms and positions must be of equal length.
func (s *searcher) phraseTerms(terms []int, pos []int) []docScore {
	ix := s.ix
	if len(terms) == 0 {
		return nil
	}
	its := make([]postingIter, len(terms))
	for i, t := range terms {
		its[i] = newPostingIter(ix.post[t], ix.ndocs, readPositions)
		if !its[i].next() {
			return nil
		}
	}
	var out []docScore
	for {
		// Advance every list to the largest current document.
		d, same := its[0].doc, true
		for i := range its {
			if its[i].doc != d {
				same = false
			}
			d = max(d, its[i].doc)
		}
		if !same {
			for i := range its {
				for its[i].doc < d {
					if !its[i].next() {
						return scale(out, ix.idf(len(out))*float64(len(terms)))
					}
				}
			}
			continue
		}
		for i := range its {
			if !its[i].positions() {
				return scale(out, ix.idf(len(out))*float64(len(terms)))
			}
		}
		var tf [NumFields]float64
		found := false
		for f := range tf {
			if n := phraseCount(its, pos, Field(f)); n > 0 {
				tf[f], found = float64(n), true
			}
		}
		if found {
			out = append(out, docScore{doc: int32(d), score: ix.score(1, d, &tf)})
		}
		if !its[0].next() {
			return scale(out, ix.idf(len(out))*float64(len(terms)))
		}
	}
}

// phraseCount returns how often the terms of its, all at the same
// document, occur at their relative positions pos in field f.
func phraseCount(its []postingIter, pos []int, f Field) int {
	n := 0
	for _, p := range its[0].pos[f] {
		ok := true
		for i := 1; i < len(its) && ok; i++ {
			_, ok = slices.BinarySearch(its[i].pos[f], p+int32(pos[i]-pos[0]))
		}
		if ok {
			n++
		}
	}
	return n
}
