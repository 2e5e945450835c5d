package search

import (
	"sync"
	"testing"

	"chronik/search/german"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnalyzeRunsGermanPipeline(t *testing.T) {
	text := "Die Tiktok-Übernahme durch den US-Präsidenten"
	got := NewAnalyzer().Analyze(text)
	st := func(s string) string { return german.Stem(s, true) }
	want := []Token{
		{Term: st("tiktokuebernahme"), Surface: "tiktokuebernahme", Start: 4, End: 21, Pos: 1},
		{Term: st("tiktok"), Surface: "tiktok", Start: 4, End: 10, Pos: 1},
		{Term: st("uebernahme"), Surface: "uebernahme", Start: 11, End: 21, Pos: 2},
		{Term: st("uspraesidenten"), Surface: "uspraesidenten", Start: 32, End: 47, Pos: 5},
		{Term: st("us"), Surface: "us", Start: 32, End: 34, Pos: 5},
		{Term: st("praesidenten"), Surface: "praesidenten", Start: 35, End: 47, Pos: 6},
	}
	assert.Equal(t, want, got)
}

func TestAnalyzeMapsOffsetsToOriginalText(t *testing.T) {
	tests := []struct {
		text string
		want []string // text of each token's range
	}{
		{"U\u0308bernahme und Bu\u0308ro", []string{"U\u0308bernahme", "Bu\u0308ro"}},
		{"🦊 STRAẞE 🦊", []string{"STRAẞE"}},
		{"Wahl\u00ADkampf", []string{"Wahl\u00ADkampf"}},
		{"Nutzer*innen", []string{"Nutzer*innen", "Nutzer"}},
		{"x\u0308 a\u0308-b", []string{"x\u0308", "a\u0308-b", "a\u0308", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := []string{}
			for _, tk := range NewAnalyzer().Analyze(tt.text) {
				require.True(t, 0 <= tk.Start && tk.Start < tk.End && tk.End <= len(tt.text))
				got = append(got, tt.text[tk.Start:tk.End])
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAnalyzeFoldsUmlautSpellingsTogether(t *testing.T) {
	a := NewAnalyzer()
	pairs := [][2]string{
		{"Übernahme", "Uebernahme"},
		{"Präsident", "Praesident"},
		{"Straße", "Strasse"},
		{"STRAẞE", "strasse"},
		{"Ölpreis", "Oelpreis"},
		{"U\u0308bernahme", "Übernahme"},
	}
	for _, p := range pairs {
		x, y := a.Analyze(p[0]), a.Analyze(p[1])
		require.Len(t, x, 1, p[0])
		require.Len(t, y, 1, p[1])
		assert.Equal(t, x[0].Term, y[0].Term, "%s and %s", p[0], p[1])
		assert.Equal(t, x[0].Surface, y[0].Surface, "%s and %s", p[0], p[1])
	}
}

func TestAnalyzeDropsStopWordsButKeepsPositions(t *testing.T) {
	got := NewAnalyzer().Analyze("Der Präsident und die Nutzer")
	require.Len(t, got, 2)
	assert.Equal(t, 1, got[0].Pos)
	assert.Equal(t, 4, got[1].Pos)
}

func TestAnalyzerIsSafeForConcurrentUse(t *testing.T) {
	var a *Analyzer // the nil analyzer works too
	want := a.Analyze(corpus[0].Fields[Body])
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				assert.Equal(t, want, a.Analyze(corpus[0].Fields[Body]))
			}
		})
	}
	wg.Wait()
}

func TestFieldString(t *testing.T) {
	assert.Equal(t, "title", Title.String())
	assert.Equal(t, "kicker", Kicker.String())
	assert.Equal(t, "body", Body.String())
	assert.Equal(t, "Field(7)", Field(7).String())
}
