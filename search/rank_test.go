package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRankSortsLikeStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 10, radixRankMin - 1, radixRankMin, 1000, 5000} {
		for _, distinct := range []int{1, 3, 50, 1 << 30} {
			t.Run(strconv.Itoa(n)+"/"+strconv.Itoa(distinct), func(t *testing.T) {
				found := make([]docScore, n)
				for i := range found {
					// Few distinct scores make ties; tiny and huge ones
					// vary every byte of the bits.
					s := float64(r.IntN(distinct)+1) / 7
					if distinct > 1000 {
						s = r.ExpFloat64() * []float64{1e-9, 1, 1e9}[r.IntN(3)]
					}
					found[i] = docScore{doc: int32(i), score: s, tier: tier(r.IntN(int(numTiers)))}
				}
				want := slices.Clone(found)
				slices.SortStableFunc(want, func(a, b docScore) int {
					return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(b.score, a.score))
				})
				// No buffer, or a reused one holding old results.
				var buf []docScore
				if distinct >= 50 {
					buf = make([]docScore, n+7)
					for i := range buf {
						buf[i] = docScore{doc: -1, score: 1e300, tier: tierTypo}
					}
				}
				rank(found, buf)
				require.Equal(t, want, found)
			})
		}
	}
}
