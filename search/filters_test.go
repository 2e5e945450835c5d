package search

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// texts returns the text of each token.
func texts(ts []token) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.text)
	}
	return out
}

// words returns tokens with the given texts, as a tokenizer would.
func words(ws ...string) []token {
	ts := make([]token, len(ws))
	for i, w := range ws {
		ts[i] = token{text: w, pos: i}
	}
	return ts
}

func TestLowercaseFilter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"übernahme", "übernahme"},
		{"ÜBERNAHME", "übernahme"},
		{"STRAẞE", "straße"},
		{"US", "us"},
		{"ΣΟΦΙΑ", "σοφια"},
		{"微软", "微软"},
		{"É\u0301", "é\u0301"},
	}
	for _, tt := range tests {
		assert.Equal(t, []string{tt.want}, texts(lowercaseFilter(words(tt.in))), tt.in)
	}
}

func TestLowerDoesNotAllocateForLowerCaseASCII(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = lower("tiktok") }))
}

func TestCompoundFilterAddsJoinedWord(t *testing.T) {
	a := NewAnalyzer()
	_ = a
	tests := []struct {
		in   string
		want []string
		kind []tokenKind
		pos  []int
		span [][2]int
	}{
		{"Wahlkampf-Veranstaltung heute",
			[]string{"WahlkampfVeranstaltung", "Wahlkampf", "Veranstaltung", "heute"},
			[]tokenKind{kindJoined, kindPart, kindPart, kindWord},
			[]int{0, 0, 1, 2},
			[][2]int{{0, 23}, {0, 9}, {10, 23}, {24, 29}}},
		{"Nutzer*innen",
			[]string{"Nutzerinnen", "Nutzer"},
			[]tokenKind{kindJoined, kindPart},
			[]int{0, 0},
			[][2]int{{0, 12}, {0, 6}}},
		{"NutzerInnen",
			[]string{"NutzerInnen", "Nutzer"},
			[]tokenKind{kindJoined, kindPart},
			[]int{0, 0},
			[][2]int{{0, 11}, {0, 6}}},
		{"ohne",
			[]string{"ohne"},
			[]tokenKind{kindWord},
			[]int{0},
			[][2]int{{0, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ts := compoundFilter(tokenize(tt.in))
			assert.Equal(t, tt.want, texts(ts))
			for i, tk := range ts {
				assert.Equal(t, tt.kind[i], tk.kind, "kind of %q", tk.text)
				assert.Equal(t, tt.pos[i], tk.pos, "position of %q", tk.text)
				assert.Equal(t, tt.span[i], [2]int{tk.start, tk.end}, "span of %q", tk.text)
			}
		})
	}
}

func TestStopFilterRemovesStopWordsBySurface(t *testing.T) {
	in := words("der", "über", "übernahme", "und", "die", "dienst", "in")
	assert.Equal(t, []string{"übernahme", "dienst"}, texts(stopFilter(in, true)))

	marked := stopFilter(words("über", "übernahme"), false)
	assert.Equal(t, []string{"über", "übernahme"}, texts(marked))
	assert.True(t, marked[0].stop)
	assert.False(t, marked[1].stop)
}

func TestFoldTransliteratesUmlautsAndSharpS(t *testing.T) {
	tests := []struct{ in, want string }{
		{"übernahme", "uebernahme"},
		{"präsident", "praesident"},
		{"straße", "strasse"},
		{"öl", "oel"},
		{"äöüß", "aeoeuess"},
		{"uebernahme", "uebernahme"},
		{"café", "café"},
		{"ÿ", "ÿ"},
		{"\xc3", "\xc3"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fold(tt.in), tt.in)
	}
	ts := foldFilter(words("übernahme"))
	assert.Equal(t, "uebernahme", ts[0].surface)
	assert.Equal(t, "uebernahme", ts[0].text)
}

func TestStemFilterMakesSpellingsMeet(t *testing.T) {
	groups := [][]string{
		{"uebernahme", "uebernahmen"},
		{"praesident", "praesidenten"},
		{"strasse", "strassen"},
		{"nutzer", "nutzern", "nutzerinnen"},
	}
	for _, g := range groups {
		ts := stemFilter(words(g...), nil)
		for _, tk := range ts[1:] {
			assert.Equal(t, ts[0].text, tk.text, "%v", g)
		}
	}
}

func TestStemFilterCachesStems(t *testing.T) {
	cache := map[string]string{}
	ts := stemFilter(words("uebernahmen", "uebernahmen"), cache)
	assert.Equal(t, map[string]string{"uebernahmen": ts[0].text}, cache)
	cache["tiktok"] = "cached"
	assert.Equal(t, []string{"cached"}, texts(stemFilter(words("tiktok"), cache)))
}
