package search

import (
	"cmp"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// MaxTypoExpansions is the most index terms a query term expands to through
// typo corrections: the vocabulary words of the smallest edit distance,
// then of the most documents.
const MaxTypoExpansions = 8

// maxTypoRunes is the longest query word, in runes, that typo tolerance
// applies to; longer words are not words anyone mistypes, and the cost of
// comparing grows with the square of the length.
const maxTypoRunes = 40

// maxTypos returns the number of typos tolerated in a word of n runes: none
// under 4 runes, 1 from 4, 2 from 8.
func maxTypos(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// typoIndex lets typo corrections be found without comparing the query with
// every word: surface forms are bucketed by length and have a bit set of
// their runes, which rules out most words cheaply.
type typoIndex struct {
	byLen [][]int32 // surface forms by length in runes, up to maxTypoRunes+2
	mask  []uint64  // rune set of each surface form
}

// newTypoIndex returns the typo index of the surface forms surfs.
func newTypoIndex(surfs []string) typoIndex {
	ti := typoIndex{byLen: make([][]int32, maxTypoRunes+3), mask: make([]uint64, len(surfs))}
	for i, s := range surfs {
		n := utf8.RuneCountInString(s)
		if n < len(ti.byLen) {
			ti.byLen[n] = append(ti.byLen[n], int32(i))
		}
		ti.mask[i] = runeMask(s)
	}
	return ti
}

// runeMask returns a bit set of the runes of s: a bit per ASCII letter and
// digit, and hashed bits for other runes.
func runeMask(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= 1 << runeBit(r)
	}
	return m
}

// runeBit returns the bit of r in a rune mask.
func runeBit(r rune) uint {
	switch {
	case 'a' <= r && r <= 'z':
		return uint(r - 'a')
	case '0' <= r && r <= '9':
		return 26 + uint(r-'0')
	}
	return 36 + uint(r)%28
}

// typoMatch is a vocabulary word within the tolerated edit distance of a
// query word.
type typoMatch struct {
	surf int // index into Index.surfs
	dist int
}

// typoMatches returns the surface forms within maxTypos edits of the folded
// word s, other than s itself, closest first, then those of the most
// documents, at most 4×MaxTypoExpansions of them. Edits are insertions,
// deletions, substitutions and transpositions of adjacent runes (optimal
// string alignment distance).
func (ix *Index) typoMatches(s string) []typoMatch {
	q := []rune(s)
	k := maxTypos(len(q))
	if k == 0 || len(q) > maxTypoRunes {
		return nil
	}
	qm := runeMask(s)
	var (
		out []typoMatch
		buf []rune
		d   osa
	)
	for n := len(q) - k; n <= len(q)+k; n++ {
		if n < 0 || n >= len(ix.typo.byLen) {
			continue
		}
		for _, i := range ix.typo.byLen[n] {
			m := ix.typo.mask[i]
			if bits.OnesCount64(qm&^m) > k || bits.OnesCount64(m&^qm) > k {
				continue
			}
			buf = buf[:0]
			for _, r := range ix.surfs[i] {
				buf = append(buf, r)
			}
			if dist := d.distance(q, buf, k); dist > 0 && dist <= k {
				out = ix.keepBest(out, typoMatch{int(i), dist}, 4*MaxTypoExpansions)
			}
		}
	}
	return out
}

// keepBest inserts m into best, sorted closest first, then of the most
// documents, then by surface form, and keeps at most n. Keeping the best
// few as they come costs less than sorting every match, and spares the
// WASM a sort instance of its own.
func (ix *Index) keepBest(best []typoMatch, m typoMatch, n int) []typoMatch {
	before := func(a, b typoMatch) bool {
		return cmp.Or(cmp.Compare(a.dist, b.dist),
			cmp.Compare(ix.surfDF[b.surf], ix.surfDF[a.surf]),
			cmp.Compare(a.surf, b.surf)) < 0
	}
	if len(best) == n && !before(m, best[n-1]) {
		return best
	}
	if len(best) < n {
		best = append(best, m)
	}
	i := len(best) - 1
	for ; i > 0 && before(m, best[i-1]); i-- {
		best[i] = best[i-1]
	}
	best[i] = m
	return best
}

// typoExpansions returns the terms of the typo matches ms, in their order,
// at most MaxTypoExpansions distinct ones, with typoWeight and tierTypo.
func typoExpansions(ix *Index, ms []typoMatch) []expansion {
	var out []expansion
	for _, m := range ms {
		t := int(ix.surfTerm[m.surf])
		if slices.ContainsFunc(out, func(e expansion) bool { return e.term == t }) {
			continue
		}
		if len(out) == MaxTypoExpansions {
			break
		}
		out = append(out, expansion{term: t, weight: typoWeight, tier: tierTypo, surf: m.surf})
	}
	return out
}

// osa computes optimal string alignment distances, reusing its rows.
type osa struct {
	prev2, prev, cur []int
}

// distance returns the optimal string alignment distance of a and b, or
// k+1 if it exceeds k.
func (d *osa) distance(a, b []rune, k int) int {
	if abs(len(a)-len(b)) > k {
		return k + 1
	}
	n := len(b) + 1
	d.prev2 = grow(d.prev2, n)
	d.prev = grow(d.prev, n)
	d.cur = grow(d.cur, n)
	for j := range d.prev {
		d.prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		d.cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(d.prev[j]+1, d.cur[j-1]+1, d.prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, d.prev2[j-2]+1)
			}
			d.cur[j] = v
			low = min(low, v)
		}
		if low > k {
			return k + 1
		}
		d.prev2, d.prev, d.cur = d.prev, d.cur, d.prev2
	}
	return min(d.prev[len(b)], k+1)
}

// grow returns s with length n, reusing its memory if it can.
func grow(s []int, n int) []int {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]int, n)
}

// abs returns the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
