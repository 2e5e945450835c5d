package search

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHighlightSpansSurviveMultibyteText(t *testing.T) {
	docs := []Document{
		doc("🦊 Die Übernahme 👩‍👩‍👧 durch 微软 🇩🇪",
			"Straße",
			"Ü\u0308ber die U\u0308bernahme (decomposed) sprach der Präsident – 🎉 – in der STRAẞE, 微软 schweigt. Straße!"),
	}
	ix := Build(docs)
	tests := []struct {
		query string
		field Field
		want  []string
	}{
		{"Übernahme ", Title, []string{"Übernahme"}},
		{"Übernahme ", Body, []string{"U\u0308bernahme"}},
		{"Uebernahme ", Body, []string{"U\u0308bernahme"}},
		{"微软 ", Title, []string{"微软"}},
		{"微软 ", Body, []string{"微软"}},
		{"Strasse ", Kicker, []string{"Straße"}},
		{"Strasse ", Body, []string{"STRAẞE", "Straße"}},
		{"Stra", Body, []string{"STRAẞE", "Straße"}},
		{"straß", Body, []string{"STRAẞE", "Straße"}},
		{"Präsident ", Body, []string{"Präsident"}},
	}
	for _, tt := range tests {
		t.Run(tt.query+tt.field.String(), func(t *testing.T) {
			res := ix.Search(tt.query, docs)
			require.Len(t, res.Hits, 1)
			h := res.Hits[0]
			requireValidHit(t, docs, h)
			assert.Equal(t, tt.want, spanTexts(docs[0].Fields[tt.field], h.Spans[tt.field]))
		})
	}
}

func TestHighlightCoversCompoundsAndParts(t *testing.T) {
	docs := []Document{doc("Wahlkampf-Veranstaltung mit dem US-Präsidenten",
		"Nutzer*innen und NutzerInnen",
		"Eine Wahlkampfveranstaltung in Tulsa.")}
	ix := Build(docs)
	tests := []struct {
		query string
		field Field
		want  []string
	}{
		{"Wahlkampf-Veranstaltung ", Title, []string{"Wahlkampf-Veranstaltung"}},
		{"Wahlkampf-Veranstaltung ", Body, []string{"Wahlkampfveranstaltung"}},
		{"Veranstaltung ", Title, []string{"Veranstaltung"}},
		{"Wahlkampf Veranstaltung ", Title, []string{"Wahlkampf", "Veranstaltung"}},
		{"Wahl", Title, []string{"Wahlkampf"}}, // the part, not the whole compound
		{"Wahlkampfv", Title, []string{"Wahlkampf-Veranstaltung"}},
		{"Präsidenten ", Title, []string{"Präsidenten"}},
		{"US-Präsident ", Title, []string{"US-Präsidenten"}},
		{"Nutzer ", Kicker, []string{"Nutzer*innen", "NutzerInnen"}},
		{"Nutzerinnen ", Kicker, []string{"Nutzer*innen", "NutzerInnen"}},
	}
	for _, tt := range tests {
		t.Run(tt.query+tt.field.String(), func(t *testing.T) {
			res := ix.Search(tt.query, docs)
			require.Len(t, res.Hits, 1)
			requireValidHit(t, docs, res.Hits[0])
			assert.Equal(t, tt.want, spanTexts(docs[0].Fields[tt.field], res.Hits[0].Spans[tt.field]))
		})
	}
}

func TestHighlightIgnoresStopWordsAndNonMatches(t *testing.T) {
	docs := []Document{doc("Die Übernahme", "", "Der Dienst und die Übernahme über den Dienstag.")}
	res := Build(docs).Search("Übernahme die", docs)
	require.Len(t, res.Hits, 1)
	// "die" starts "Dienst" and "Dienstag" here, but is a stop word itself.
	assert.Equal(t, []string{"Dienst", "Übernahme", "Dienstag"}, spanTexts(docs[0].Fields[Body], res.Hits[0].Spans[Body]))
	assert.Equal(t, []string{"Übernahme"}, spanTexts(docs[0].Fields[Title], res.Hits[0].Spans[Title]))
}

func TestMergeSpans(t *testing.T) {
	tests := []struct {
		name string
		in   []match
		want []Span
	}{
		{"none", nil, nil},
		{"disjoint", []match{{Span{0, 3}, 0}, {Span{5, 8}, 0}}, []Span{{0, 3}, {5, 8}}},
		{"nested", []match{{Span{0, 10}, 0}, {Span{0, 3}, 0}, {Span{4, 10}, 1}}, []Span{{0, 10}}},
		{"touching", []match{{Span{0, 6}, 0}, {Span{6, 11}, 0}}, []Span{{0, 11}}},
		{"overlapping", []match{{Span{0, 6}, 0}, {Span{4, 11}, 0}}, []Span{{0, 11}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, mergeSpans(tt.in))
		})
	}
}
