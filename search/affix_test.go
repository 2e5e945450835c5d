package search

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// affixCompoundsByScan returns the terms of the surface forms of ix that
// begin or end with q as affixCompound defines it, by looking at every
// form: the reference for the suffix index.
func affixCompoundsByScan(ix *Index, q string) []int32 {
	var out []int32
	for i, w := range ix.surfs {
		if affixCompound(w, q) {
			out = append(out, ix.surfTerm[i])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestSuffixIndexFindsEveryAffixCompound(t *testing.T) {
	corpora := map[string][]Document{"corpus": corpus, "features": features, "bench": benchCorpus(200)}
	for name, docs := range corpora {
		t.Run(name, func(t *testing.T) {
			ix := Build(docs)
			found := 0
			// Every word of the small corpora, a sample of the large one.
			step := max(len(ix.surfs)/1500, 1)
			for k := 0; k < len(ix.surfs); k += step {
				q := ix.surfs[k]
				if utf8.RuneCountInString(q) < minPartRunes {
					continue
				}
				var got []int32
				lo, hi := ix.surfaceRange(q)
				for i := lo; i < hi; i++ {
					if affixCompound(ix.surfs[i], q) {
						got = append(got, ix.surfTerm[i])
					}
				}
				for _, i := range ix.suffixes.candidates(q) {
					if affixCompound(ix.surfs[i], q) {
						got = append(got, ix.surfTerm[i])
					}
				}
				slices.Sort(got)
				got = slices.Compact(got)
				want := affixCompoundsByScan(ix, q)
				require.Equal(t, want, got, "word %q", q)
				found += len(want)
			}
			assert.NotZero(t, found)
		})
	}
}

func TestAffixCompound(t *testing.T) {
	tests := []struct {
		w, q string
		want bool
	}{
		{"datenzentrum", "zentrum", true},
		{"datenschutzbedenken", "datenschutz", true},
		{"jugendschutz", "jugend", true},
		{"sicherheitsbedenken", "sicherheit", true}, // linking s
		{"datenschutz", "daten", true},
		{"datenbank", "daten", true},
		{"datenbau", "daten", false},   // rest too short
		{"schutz", "schutz", false},    // not longer
		{"tiktokfan", "tiktok", false}, // rest too short
		{"datensee", "daten", false},   // rest too short
		{"bytedance", "dance", false},  // never split
		{"ueberdaten", "daten", true},
		{"kurzwort", "wort", true},
		{"abcdefgh", "xyz", false},
	}
	for _, tt := range tests {
		t.Run(tt.w+"/"+tt.q, func(t *testing.T) {
			assert.Equal(t, tt.want, affixCompound(tt.w, tt.q))
		})
	}
}
