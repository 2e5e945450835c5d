package search

import (
	"cmp"
	"math"
)

// radixRankMin is the number of hits from which rank sorts by radix rather
// than by comparison.
const radixRankMin = 256

// rank sorts found, which is in document order, by tier, then by score,
// highest first, keeping document order among equal hits.
//
// buf is working memory of any size, used when it holds len(found).
func rank(found, buf []docScore) {
	n := len(found)
	if n < radixRankMin {
		insertionSort(found, func(a, b docScore) bool {
			return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(b.score, a.score)) < 0
		})
		return
	}
	// A least significant digit radix sort is stable: sort by the bytes of
	// the score, then by tier. Scores are positive, and the bits of
	// positive floats order like the floats; inverted, highest first.
	const digits = 9 // 8 bytes of score, then the tier
	digit := func(ds docScore, d int) byte {
		if d == digits-1 {
			return byte(ds.tier)
		}
		return byte(^math.Float64bits(ds.score) >> (8 * d))
	}
	var count [digits][256]int
	for _, ds := range found {
		k := ^math.Float64bits(ds.score)
		for d := range digits - 1 {
			count[d][byte(k>>(8*d))]++
		}
		count[digits-1][ds.tier]++
	}
	if cap(buf) < n {
		buf = make([]docScore, n)
	}
	src, dst := found, buf[:n]
	for d := range digits {
		c := &count[d]
		if c[digit(src[0], d)] == n {
			continue // all alike in this digit
		}
		sum := 0
		for b, k := range c {
			c[b], sum = sum, sum+k
		}
		for _, ds := range src {
			b := digit(ds, d)
			dst[c[b]] = ds
			c[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &found[0] {
		copy(found, src)
	}
}
