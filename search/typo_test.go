package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeepBestKeepsWhatASortThenCutWouldKeep(t *testing.T) {
	ix := &Index{surfDF: make([]int32, 50)}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range ix.surfDF {
		ix.surfDF[i] = int32(r.IntN(4))
	}
	for _, n := range []int{1, 3, 32} {
		for trial := range 200 {
			var all, best []typoMatch
			for range trial % 60 {
				m := typoMatch{surf: r.IntN(len(ix.surfDF)), dist: 1 + r.IntN(2)}
				if slices.Contains(all, m) {
					continue
				}
				all = append(all, m)
				best = ix.keepBest(best, m, n)
			}
			slices.SortFunc(all, func(a, b typoMatch) int {
				return cmp.Or(cmp.Compare(a.dist, b.dist),
					cmp.Compare(ix.surfDF[b.surf], ix.surfDF[a.surf]),
					cmp.Compare(a.surf, b.surf))
			})
			assert.Equal(t, all[:min(n, len(all))], best, "n=%d trial=%d", n, trial)
		}
	}
}
