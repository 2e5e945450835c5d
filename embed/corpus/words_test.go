package corpus

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScanWordsFindsWordsAndSentenceStarts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []word
	}{
		{"empty", "", nil},
		{"sentence", "Die Daten bleiben.", []word{
			{"Die", true, ""}, {"Daten", false, "Die"}, {"bleiben", false, "Daten"}}},
		{"hyphenated compound", "der US-Präsident", []word{
			{"der", true, ""}, {"US-Präsident", false, "der"}}},
		{"dangling hyphens", "-Daten- und -", []word{
			{"Daten", true, ""}, {"und", false, "Daten"}}},
		{"digits separate", "am 15. September", []word{
			{"am", true, ""}, {"September", true, ""}}},
		{"sentence ends", "Ja! Nein? So: gut, also", []word{
			{"Ja", true, ""}, {"Nein", true, ""}, {"So", true, ""}, {"gut", true, ""}, {"also", false, "gut"}}},
		{"quotes", "„Übernahme“ sagte", []word{
			{"Übernahme", true, ""}, {"sagte", false, "Übernahme"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []word
			scanWords(tt.text, func(w word) { got = append(got, w) })
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestWordsAreLowerCase(t *testing.T) {
	assert.Equal(t, []string{"microsoft", "übernimmt", "tiktok-geschäft"}, words("Microsoft übernimmt TikTok-Geschäft."))
}

func TestSlugMakesIDWords(t *testing.T) {
	tests := []struct {
		name string
		ws   []string
		max  int
		want string
	}{
		{"umlauts and ß", []string{"Übernahme", "größer", "Straße"}, 60, "uebernahme-groesser-strasse"},
		{"hyphen inside a word", []string{"US-Präsident"}, 60, "us-praesident"},
		{"whole words only", []string{"Microsoft", "bestätigt", "Gespräche"}, 20, "microsoft-bestaetigt"},
		{"first word too long", []string{"Datenschutzbehörde"}, 5, ""},
		{"punctuation dropped", []string{"Daten,", "„Schutz“"}, 60, "daten-schutz"},
		{"nothing left", []string{"—"}, 60, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, slug(tt.ws, tt.max))
		})
	}
}

func TestIsNounSpelling(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Behörde", true},
		{"Daten", true},
		{"Tag", false}, // too short for a compound part
		{"daten", false},
		{"USA", false},
		{"TikTok", false},
		{"US-Präsident", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			assert.Equal(t, tt.want, isNounSpelling(tt.word))
		})
	}
}

func TestLinkerFollowsTheModifiersEnding(t *testing.T) {
	tests := []struct {
		word string
		want []string // the linking elements that may follow
	}{
		{"Sicherheit", []string{"s"}},
		{"Übernahme", []string{"n", ""}},
		{"Daten", []string{""}},
		{"Partner", []string{""}},
		{"Geschäft", []string{"", "s", "es", "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			got := map[string]bool{}
			for range 200 {
				got[linker(rng, tt.word)] = true
			}
			assert.ElementsMatch(t, tt.want, keys(got))
		})
	}
}

// keys returns the keys of m.
func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
