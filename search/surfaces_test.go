package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireSameSurfaces checks that the surfaces option of the analyzer gives
// the tokens of the pipeline without stemming and stop words, with one
// scratch reused as the highlighter reuses it.
func requireSameSurfaces(t testing.TB, sc *scratch, text string) {
	t.Helper()
	a := NewAnalyzer()
	want := slices.Clone(a.analyze(text, analyzeOptions{}))
	got := a.analyze(text, analyzeOptions{scratch: sc, surfaces: true})
	if len(want) == 0 {
		require.Empty(t, got, "text %q", text)
		return
	}
	require.Equal(t, want, got, "text %q", text)
}

func TestSurfacesOptionMatchesPipeline(t *testing.T) {
	texts := []string{
		"", " ", "der die das", "Die Tiktok-Übernahme durch den US-Präsidenten",
		"Nutzer*innen NutzerInnen Nutzer:innen Nutzer_innen Nutzer/in", "U\u0308bernahme Bu\u0308ro",
		"STRAẞE Straße STRASSE", "ÄÖÜ äöü ÜBER über Über-Ich", "🦊 微软 Ελληνικά", "\xff\u0308 a\xc3 \xc3\xa4",
		"a-b-c-d-e-f-g-h-i-j-k", "Wahl\u00ADkampf Wahl\u200Bkampf", "Der-Die-Das die-Übernahme Über-der-Brücke",
		"LinkedIn iPhone eBay", "US-Präsident Donald Trump setzt eine Frist bis Mitte September.",
		strings.Repeat("Datenschutz-Grundverordnung ", 20),
	}
	for _, d := range slices.Concat(corpus, features, benchCorpus(50)) {
		texts = append(texts, d.Fields[:]...)
	}
	sc := &scratch{}
	for _, text := range texts {
		requireSameSurfaces(t, sc, text)
	}
}

// requireFoldedStarts checks foldedStart against the surface forms of the
// words of text.
func requireFoldedStarts(t testing.TB, text string) {
	t.Helper()
	for _, tk := range tokenize(text) {
		surf := string(appendFold(nil, appendLower(nil, tk.text)))
		var want1 byte
		if len(surf) > 1 {
			want1 = surf[1]
		}
		b0, b1 := foldedStart(tk.text)
		require.Equal(t, [2]byte{surf[0], want1}, [2]byte{b0, b1}, "word %q", tk.text)
	}
}

func TestFoldedStart(t *testing.T) {
	texts := []string{
		"a A ab AB aB Ab Ä Ää ÄÖ Über über ueber ẞ ß ßa É é Éa ñ Ñu 1 12 1a",
		"Ωmega ωμέγα 微软 Ölpreis ÖL STRAẞE x\u0308 \u0308x a\u00ADb",
	}
	for _, d := range slices.Concat(corpus, features) {
		texts = append(texts, d.Fields[:]...)
	}
	for _, text := range texts {
		requireFoldedStarts(t, text)
	}
	var ss startSet
	ss.add("ueber")
	ss.addByte('w')
	ss.add("x")
	for w, want := range map[string]bool{"Über": true, "UEBEL": true, "ub": false, "W": true, "wz": true, "Wä": true, "x": true, "xy": false, "v": false} {
		assert.Equal(t, want, ss.has(w), w)
	}
}
