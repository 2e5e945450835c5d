package search

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// tok is a compact description of a token for tokenizer tests.
type tok struct {
	text       string
	start, end int
	pos        int
	join       joinKind
	suffix     bool
}

func tokens(ts []token) []tok {
	out := []tok{}
	for _, t := range ts {
		out = append(out, tok{t.text, t.start, t.end, t.pos, t.join, t.suffix})
	}
	return out
}

func TestTokenizeSplitsWords(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"", []tok{}},
		{" ,.!", []tok{}},
		{"Die Übernahme.", []tok{{"Die", 0, 3, 0, joinNone, false}, {"Übernahme", 4, 14, 1, joinNone, false}}},
		{"2020: G20", []tok{{"2020", 0, 4, 0, joinNone, false}, {"G20", 6, 9, 1, joinNone, false}}},
		{"🦊Fuchs🦊", []tok{{"Fuchs", 4, 9, 0, joinNone, false}}},
		{"微软 Ölpreis", []tok{{"微软", 0, 6, 0, joinNone, false}, {"Ölpreis", 7, 15, 1, joinNone, false}}},
		{"e\u0301t\u0301", []tok{{"e\u0301t\u0301", 0, 6, 0, joinNone, false}}},
		{"Wahl\u00ADkampf", []tok{{"Wahlkampf", 0, 11, 0, joinNone, false}}},
		{"Wahl\u00AD kampf", []tok{{"Wahl", 0, 4, 0, joinNone, false}, {"kampf", 7, 12, 1, joinNone, false}}},
		{"geht's", []tok{{"geht", 0, 4, 0, joinNone, false}, {"s", 5, 6, 1, joinNone, false}}},
		{"Sicherheits- und Datenschutz", []tok{
			{"Sicherheits", 0, 11, 0, joinNone, false}, {"und", 13, 16, 1, joinNone, false}, {"Datenschutz", 17, 28, 2, joinNone, false}}},
		{"Berlin–Hamburg", []tok{{"Berlin", 0, 6, 0, joinNone, false}, {"Hamburg", 9, 16, 1, joinNone, false}}},
		{"und/oder 10:30", []tok{
			{"und", 0, 3, 0, joinNone, false}, {"oder", 4, 8, 1, joinNone, false},
			{"10", 9, 11, 2, joinNone, false}, {"30", 12, 14, 3, joinNone, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tokens(tokenize(tt.in)))
		})
	}
}

func TestTokenizeMarksCompounds(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"Wahlkampf-Veranstaltung", []tok{
			{"Wahlkampf", 0, 9, 0, joinNone, false}, {"Veranstaltung", 10, 23, 1, joinHyphen, false}}},
		{"US-Präsident Trump", []tok{
			{"US", 0, 2, 0, joinNone, false}, {"Präsident", 3, 13, 1, joinHyphen, false}, {"Trump", 14, 19, 2, joinNone, false}}},
		{"Rund-um-die-Uhr", []tok{
			{"Rund", 0, 4, 0, joinNone, false}, {"um", 5, 7, 1, joinHyphen, false},
			{"die", 8, 11, 2, joinHyphen, false}, {"Uhr", 12, 15, 3, joinHyphen, false}}},
		{"US\u2011Wahl", []tok{{"US", 0, 2, 0, joinNone, false}, {"Wahl", 5, 9, 1, joinHyphen, false}}},
		{"-US- Wahl-", []tok{{"US", 1, 3, 0, joinNone, false}, {"Wahl", 5, 9, 1, joinNone, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tokens(tokenize(tt.in)))
		})
	}
}

func TestTokenizeMarksGenderForms(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"Nutzer*innen", []tok{{"Nutzer", 0, 6, 0, joinNone, false}, {"innen", 7, 12, 0, joinGender, true}}},
		{"Nutzer:innen", []tok{{"Nutzer", 0, 6, 0, joinNone, false}, {"innen", 7, 12, 0, joinGender, true}}},
		{"Nutzer_innen", []tok{{"Nutzer", 0, 6, 0, joinNone, false}, {"innen", 7, 12, 0, joinGender, true}}},
		{"Nutzer/in", []tok{{"Nutzer", 0, 6, 0, joinNone, false}, {"in", 7, 9, 0, joinGender, true}}},
		{"Nutzer·innen", []tok{{"Nutzer", 0, 6, 0, joinNone, false}, {"innen", 8, 13, 0, joinGender, true}}},
		{"NutzerInnen sind", []tok{
			{"Nutzer", 0, 6, 0, joinNone, false}, {"Innen", 6, 11, 0, joinGender, true}, {"sind", 12, 16, 1, joinNone, false}}},
		{"Tiktok-Nutzer*innendaten", []tok{
			{"Tiktok", 0, 6, 0, joinNone, false}, {"Nutzer", 7, 13, 1, joinHyphen, false}, {"innendaten", 14, 24, 2, joinGender, false}}},
		{"LinkedIn Innen", []tok{{"LinkedIn", 0, 8, 0, joinNone, false}, {"Innen", 9, 14, 1, joinNone, false}}},
		{"Achtung:Alle", []tok{{"Achtung", 0, 7, 0, joinNone, false}, {"Alle", 8, 12, 1, joinNone, false}}},
		{"Nutzer*", []tok{{"Nutzer", 0, 6, 0, joinNone, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tokens(tokenize(tt.in)))
		})
	}
}

func TestTokenizeBoundsCompoundLength(t *testing.T) {
	ts := tokenize(strings.Repeat("a-", 20) + "a")
	assert.Len(t, ts, 21)
	parts := 0
	for i, tk := range ts {
		if tk.join == joinNone {
			parts = 0
		}
		parts++
		assert.LessOrEqual(t, parts, maxCompoundParts, "token %d", i)
		assert.Equal(t, i, tk.pos)
	}
}
