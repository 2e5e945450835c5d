package search

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// features is a small German corpus for compounds, typos, phrases,
// exclusion and suggestions.
var features = []Document{
	0: doc("Datenschutz bei Tiktok", "Analyse",
		"Der Datenschutz der Nutzer steht in Frage. Datenschutz ist ein Thema."),
	1: doc("Mehr Schutz für Daten", "Recht",
		"Der Schutz der Privatsphäre ist wichtig. Daten sind wertvoll. Daten, Daten, Daten."),
	2: doc("Bedenken wegen Sicherheit", "Netz",
		"Es gibt Sicherheitsbedenken und Datenschutzbedenken. Die Sicherheit geht vor. Bedenken bleiben."),
	3: doc("Wahlkampf-Veranstaltung in Tulsa", "USA",
		"Die Wahlkampfveranstaltung war leer. Der Wahlkampf läuft."),
	4: doc("Bytedance verkauft nicht", "China",
		"Bytedance lehnt das Angebot ab."),
	5: doc("Musik", "Kultur",
		"Byte und Dance sind Wörter. Byte Byte Byte Dance Dance Dance."),
	6: doc("Microsoft will Tiktok kaufen", "Wirtschaft",
		"Microsoft bietet für Tiktok. Die Übernahme durch Microsoft ist offen."),
	7: doc("Oracle wird trusted tech partner", "Wirtschaft",
		"Oracle soll als trusted tech partner die Daten sichern, nicht Microsoft. Die Übernahmen scheitern."),
	8: doc("Partner gesucht", "Wirtschaft",
		"Trusted ist niemand. Ein Partner für Tech. Der Schutz ist weit weg von der Privatsphäre. Oracle schweigt."),
	9: doc("Wahlkampf Veranstaltung abgesagt", "USA",
		"Eine Veranstaltung im Wahlkampf fällt aus."),
}

// search runs query on features with opt.
func search(t *testing.T, query string, opt Options) Result {
	t.Helper()
	res := Build(features).SearchOptions(query, features, opt)
	for _, h := range res.Hits {
		requireValidHit(t, features, h)
	}
	return res
}

func TestCompoundsAreSplitIntoVocabularyParts(t *testing.T) {
	ix := Build(features)
	freq := func(s string) int {
		if i := ix.surface(s); i >= 0 {
			return int(ix.surfCF[i])
		}
		return 0
	}
	tests := []struct {
		word string
		want []string
	}{
		{"datenschutz", []string{"daten", "schutz"}},
		{"sicherheitsbedenken", []string{"sicherheit", "bedenken"}},
		{"wahlkampfveranstaltung", []string{"wahlkampf", "veranstaltung"}},
		{"datenschutzbedenken", []string{"daten", "schutz", "bedenken"}},
		{"bytedance", nil},     // on the never-split list
		{"microsoft", nil},     // likewise
		{"wertvoll", nil},      // no parts in the vocabulary
		{"schutz", nil},        // too short
		{"daten", nil},         // too short
		{"datenxschutz", nil},  // x is no linking element
		{"veranstaltung", nil}, // no parts
		// A word that is not in the vocabulary is split whenever its parts
		// are words: query compounds rely on it.
		{"tiktokmusik", []string{"tiktok", "musik"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			assert.Equal(t, tt.want, splitCompound(tt.word, freq))
		})
	}
}

func TestCompoundFindsEveryQualifyingPart(t *testing.T) {
	freq := map[string]int{"daten": 6, "schutz": 3, "bedenken": 2, "datenschutz": 3}
	best, all := splitParts("datenschutzbedenken", func(s string) int { return freq[s] })
	assert.Equal(t, []string{"daten", "schutz", "bedenken"}, best)
	assert.Subset(t, all, []string{"daten", "schutz", "bedenken", "datenschutz"})
	// A search for the middle compound finds it.
	docs := append(slices.Clone(features), doc("", "", "Datenschutz"))
	res := Build(docs).Search("Datenschutz ", docs)
	assert.ElementsMatch(t, []int{0, 2, 10}, hitDocs(res.Hits))
}

func TestCompoundIsNotSplitWhenMoreFrequentThanItsParts(t *testing.T) {
	freq := map[string]int{"datenschutz": 50, "daten": 10, "schutz": 20}
	assert.Nil(t, splitCompound("datenschutz", func(s string) int { return freq[s] }))
	freq["datenschutz"] = 5
	assert.Equal(t, []string{"daten", "schutz"}, splitCompound("datenschutz", func(s string) int { return freq[s] }))
}

func TestBytedanceIsNeverSplit(t *testing.T) {
	for _, w := range []string{"bytedance", "microsoft", "facebook", "instagram", "washington", "deutschland"} {
		assert.True(t, neverSplit(w), w)
	}
	// "Dance" is a word of the corpus, but Bytedance is a name.
	res := search(t, "Dance ", DefaultOptions())
	assert.Equal(t, []int{5}, hitDocs(res.Hits))
	res = search(t, "Byte ", DefaultOptions())
	assert.Equal(t, []int{5}, hitDocs(res.Hits))
}

func TestCompoundPartFindsCompoundBelowWholeWord(t *testing.T) {
	tests := []struct {
		query string
		whole []int // hits with the word itself, first
		parts []int // hits with compounds containing it, after
	}{
		{"Schutz ", []int{1, 8}, []int{0, 2}},
		{"Bedenken ", []int{2}, nil},
		{"Sicherheit ", []int{2, 7}, nil}, // Snowball stems "sichern" alike
		{"Veranstaltung ", []int{3, 9}, nil},
		{"Daten ", []int{1, 7}, []int{0, 2}},
		{"Schutz", []int{1, 8}, []int{0, 2}}, // as a prefix too
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, tt.query, DefaultOptions())
			got := hitDocs(res.Hits)
			require.Len(t, got, len(tt.whole)+len(tt.parts))
			assert.ElementsMatch(t, tt.whole, got[:len(tt.whole)])
			assert.ElementsMatch(t, tt.parts, got[len(tt.whole):])
			for i := 1; i < len(res.Hits); i++ {
				assert.Greater(t, res.Hits[i-1].Score, res.Hits[i].Score)
			}
		})
	}
}

func TestCompoundQueryFindsHyphenatedParts(t *testing.T) {
	tests := []struct {
		query string
		opt   Options
		want  []int
	}{
		{"Wahlkampfveranstaltung ", DefaultOptions(), []int{3, 9}},
		{"Wahlkampf-Veranstaltung ", DefaultOptions(), []int{3, 9}},
		{"wahlkampfveranstaltung ", Options{}, []int{3}}, // hyphenated, indexed joined
		{"Wahlkampfveranstaltungen ", DefaultOptions(), []int{3}},
		// "Daten" and "Schutz" are never adjacent; Datenschutzbedenken
		// contains the compound.
		{"Datenschutz ", DefaultOptions(), []int{0, 2}},
		{"Datenschutz ", Options{}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, tt.query, tt.opt)
			assert.Equal(t, tt.want, hitDocs(res.Hits))
		})
	}
}

func TestTypoFindsMicrosoftAndRanksBelowExact(t *testing.T) {
	tests := []struct {
		query string
		want  []int
		sugg  []string
	}{
		{"Mircosoft ", []int{6, 7}, []string{"Microsoft"}},
		{"Microsfot", []int{6, 7}, []string{"Microsoft"}}, // the prefix term too
		{"Oracel ", []int{7, 8}, []string{"Oracle"}},
		{"Übernhame ", []int{6, 7}, []string{"Übernahme"}},
		{"Tiktok Mircosoft ", []int{6}, []string{"Tiktok Microsoft"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, tt.query, DefaultOptions())
			assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
			assert.Equal(t, tt.sugg, res.Suggestions[:1])
			for _, h := range res.Hits {
				assert.True(t, h.Typo)
				assert.Less(t, h.Score, 1.0, "typo hits score in the lowest band")
			}
		})
	}
	// Exact matches need no corrections and pull in no similar words.
	res := search(t, "Oracle ", DefaultOptions())
	assert.ElementsMatch(t, []int{7, 8}, hitDocs(res.Hits))
	assert.Empty(t, res.Suggestions)
	for _, h := range res.Hits {
		assert.False(t, h.Typo)
		assert.Greater(t, h.Score, 2.0, "word hits score in the highest band")
	}
	// Short words are not corrected.
	assert.Empty(t, search(t, "Tex ", DefaultOptions()).Hits)
}

func TestTypoToleranceByLength(t *testing.T) {
	tests := []struct {
		n, want int
	}{{0, 0}, {3, 0}, {4, 1}, {7, 1}, {8, 2}, {20, 2}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, maxTypos(tt.n), "length %d", tt.n)
	}
	var d osa
	dist := func(a, b string) int { return d.distance([]rune(a), []rune(b), 2) }
	assert.Equal(t, 0, dist("microsoft", "microsoft"))
	assert.Equal(t, 1, dist("mircosoft", "microsoft")) // transposition
	assert.Equal(t, 1, dist("oracel", "oracle"))
	assert.Equal(t, 1, dist("ubernahme", "uebernahme"))
	assert.Equal(t, 2, dist("mcrosft", "microsoft"))
	assert.Equal(t, 3, dist("abcdef", "badcfe0"), "capped at k+1")
	assert.Equal(t, 3, dist("a", "abcdef"))
}

func TestTypoExpansionIsBounded(t *testing.T) {
	// Twenty words one typo from "wortz", the later ones in more documents.
	var docs []Document
	for i := range 20 {
		for range 1 + i/10 {
			docs = append(docs, doc("", "", fmt.Sprintf("wort%c", 'a'+i)))
		}
	}
	ix := Build(docs)
	res := ix.Search("wortz ", docs)
	require.NotEmpty(t, res.Hits)
	terms := map[string]bool{}
	for _, h := range res.Hits {
		terms[docs[h.Doc].Fields[Body]] = true
	}
	assert.Len(t, terms, MaxTypoExpansions)
	// The frequent words are preferred.
	for i := 10; i < 10+MaxTypoExpansions; i++ {
		assert.True(t, terms[fmt.Sprintf("wort%c", 'a'+i)], "wort%c", 'a'+i)
	}
	assert.Len(t, res.Suggestions, maxSuggestions)
}

func TestPhraseMatchesConsecutivePositionsOnly(t *testing.T) {
	tests := []struct {
		query string
		want  []int
	}{
		{`"trusted tech partner"`, []int{7}},
		{`"Trusted Tech Partner" `, []int{7}},
		{`"Schutz der Privatsphäre"`, []int{1}},
		{`„Schutz der Privatsphäre“`, []int{1}},
		{`“Schutz der Privatsphäre”`, []int{1}},
		{`"Schutz die Privatsphäre"`, []int{1}}, // stop words count, whichever
		{`"Schutz Privatsphäre"`, []int{}},      // one word apart
		{`"tech trusted"`, []int{}},             // order matters
		{`"partner"`, []int{7, 8}},              // one word: a term
		{`Daten "tech partner"`, []int{7}},
		{`"Wahlkampf-Veranstaltung in Tulsa"`, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			for _, opt := range []Options{{}, DefaultOptions()} {
				res := search(t, tt.query, opt)
				assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
			}
		})
	}
}

func TestUnbalancedQuoteEndsPhrase(t *testing.T) {
	for _, q := range []string{`"trusted tech partner`, `Oracle "tech partner`, `„trusted tech partner `} {
		res := search(t, q, DefaultOptions())
		assert.Equal(t, []int{7}, hitDocs(res.Hits), q)
		require.NotEmpty(t, res.Query.Phrases, q)
	}
}

func TestExclusion(t *testing.T) {
	tests := []struct {
		query string
		want  []int
	}{
		{"Microsoft ", []int{6, 7}},
		{"Microsoft -Oracle", []int{6}},
		{"Microsoft -Oracle ", []int{6}},
		{"-Oracle Microsoft", []int{6}},
		{`Oracle -"trusted tech partner"`, []int{8}},
		{`Oracle -"partner trusted"`, []int{7, 8}},
		{"Microsoft -Zebra", []int{6, 7}},
		{"Microsoft - Oracle ", []int{7}}, // a lone minus is no exclusion
		{"Microsoft --Oracle ", []int{6}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			for _, opt := range []Options{{}, DefaultOptions()} {
				res := search(t, tt.query, opt)
				assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
			}
		})
	}
}

func TestMinusInsideWordIsNoExclusion(t *testing.T) {
	p := parseQuery("US-Präsident Wahlkampf-Veranstaltung ")
	assert.Empty(t, p.Exclude)
	assert.Len(t, p.Terms, 2)
}

func TestOnlyExclusionsMeansEverythingExcept(t *testing.T) {
	res := search(t, "-Oracle -Microsoft", DefaultOptions())
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 9}, hitDocs(res.Hits))
	assert.Equal(t, 7, res.Total)
	for _, h := range res.Hits {
		assert.Zero(t, h.Score)
	}
	res = search(t, "-Oracle", Options{Limit: 2})
	assert.Equal(t, []int{0, 1}, hitDocs(res.Hits))
	assert.Equal(t, 8, res.Total)
}

func TestSuggestionsWhenNothingMatches(t *testing.T) {
	tests := []struct {
		query string
		opt   Options
		want  []string
	}{
		{"Mircosoft Oracel ", DefaultOptions(), []string{"Microsoft Oracle"}},
		{"Mircosoft ", Options{}, []string{"Microsoft"}}, // suggested though not searched
		{"Oracle Mircosoft -Tiktok", Options{}, []string{"Oracle Microsoft -Tiktok"}},
		{"Zebra ", DefaultOptions(), nil},           // nothing close
		{"Microsoft Tulsa ", DefaultOptions(), nil}, // words that do not meet
		{"Microsoft ", DefaultOptions(), nil},       // found
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, tt.query, tt.opt)
			if tt.want == nil {
				assert.Empty(t, res.Suggestions)
				return
			}
			require.NotEmpty(t, res.Suggestions)
			assert.LessOrEqual(t, len(res.Suggestions), maxSuggestions)
			assert.Equal(t, tt.want[0], res.Suggestions[0])
		})
	}
}

func TestExactSurfaceOutranksStemOnly(t *testing.T) {
	docs := []Document{
		doc("", "", "Die Übernahmen scheitern heute."),
		doc("", "", "Die Übernahme scheitert heute."),
	}
	ix := Build(docs)
	for _, tt := range []struct {
		query string
		want  []int
	}{
		{"Übernahme ", []int{1, 0}},
		{"Uebernahme ", []int{1, 0}},
		{"Übernahme", []int{1, 0}}, // as a prefix
		{"Übernahmen ", []int{0, 1}},
	} {
		res := ix.Search(tt.query, docs)
		assert.Equal(t, tt.want, hitDocs(res.Hits), tt.query)
		require.Len(t, res.Hits, 2)
		assert.Greater(t, res.Hits[0].Score, res.Hits[1].Score, tt.query)
	}
}

func TestBaselineOptionsDisableCompoundsAndTypos(t *testing.T) {
	tests := []struct {
		query       string
		base, extra []int
	}{
		{"Schutz ", []int{1, 8}, []int{0, 2}},
		{"Mircosoft ", []int{}, []int{6, 7}},
		{"Wahlkampfveranstaltung ", []int{3}, []int{9}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			assert.ElementsMatch(t, tt.base, hitDocs(search(t, tt.query, Options{}).Hits))
			assert.ElementsMatch(t, append(tt.base, tt.extra...), hitDocs(search(t, tt.query, DefaultOptions()).Hits))
		})
	}
}

func TestLimitCutsHitsButNotTotal(t *testing.T) {
	res := search(t, "Daten ", Options{Compounds: true, Limit: 1})
	assert.Len(t, res.Hits, 1)
	assert.Equal(t, 4, res.Total)
	assert.Len(t, search(t, "Daten ", Options{Compounds: true, Limit: -3}).Hits, 4)
}

func TestHighlightsMarkPhrasesPartsAndTypos(t *testing.T) {
	tests := []struct {
		query string
		doc   int
		field Field
		want  []string
	}{
		{`"Schutz der Privatsphäre"`, 1, Body, []string{"Schutz der Privatsphäre"}},
		{`"trusted tech partner"`, 7, Title, []string{"trusted tech partner"}},
		{`"trusted tech partner"`, 7, Body, []string{"trusted tech partner"}},
		{"Schutz ", 0, Body, []string{"Datenschutz", "Datenschutz"}},
		{"Schutz ", 2, Body, []string{"Datenschutzbedenken"}},
		{"Mircosoft ", 6, Body, []string{"Microsoft", "Microsoft"}},
		{"Oracel ", 8, Body, []string{"Oracle"}},
		{"Wahlkampfveranstaltung ", 9, Title, []string{"Wahlkampf Veranstaltung"}},
		{"Wahlkampfveranstaltung ", 3, Title, []string{"Wahlkampf-Veranstaltung"}},
		{"Veranstaltung ", 3, Title, []string{"Veranstaltung"}}, // the part, not the compound
		{"Microsoft -Oracle", 6, Title, []string{"Microsoft"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, tt.query, DefaultOptions())
			for _, h := range res.Hits {
				if h.Doc == tt.doc {
					assert.Equal(t, tt.want, spanTexts(features[h.Doc].Fields[tt.field], h.Spans[tt.field]))
					return
				}
			}
			t.Fatalf("document %d not found: %v", tt.doc, hitDocs(res.Hits))
		})
	}
}

func TestSuggestionsUseDisplaySpelling(t *testing.T) {
	ix := Build(features)
	for surf, want := range map[string]string{"microsoft": "Microsoft", "uebernahme": "Übernahme", "trusted": "trusted"} {
		i := ix.surface(surf)
		require.GreaterOrEqual(t, i, 0, surf)
		assert.Equal(t, want, ix.display(i))
	}
}

func TestWordFindsCompoundsWhoseOtherPartIsNoWord(t *testing.T) {
	docs := []Document{
		{Fields: [NumFields]string{Body: "Das Datenzentrum in Irland wird gebaut."}},
		{Fields: [NumFields]string{Body: "Sicherheitsbedenken und Jugendschutz."}},
		{Fields: [NumFields]string{Body: "Ein Zentrum der Stadt."}},
	}
	ix := Build(docs)
	tests := []struct {
		query string
		want  []int
	}{
		{"Zentrum ", []int{2, 0}},   // the whole word first, then the compound
		{"Bedenken ", []int{1}},     // "Sicherheits" is not a word here
		{"Schutz ", []int{1}},       // "Jugend" is not a word here
		{"Datenzentrum ", []int{0}}, // the compound itself
	}
	for _, tt := range tests {
		res := ix.Search(tt.query, docs)
		assert.Equal(t, tt.want, hitDocs(res.Hits), tt.query)
	}
	assert.Empty(t, ix.SearchOptions("Bedenken ", docs, Options{}).Hits, "the baseline has no compounds")
	hl := ix.Search("Zentrum ", docs).Hits[1]
	span := hl.Spans[Body][0]
	assert.Equal(t, "Datenzentrum", docs[0].Fields[Body][span.Start:span.End])
}

func TestInflectedWordBeingTypedMatchesItsStem(t *testing.T) {
	docs := []Document{{Fields: [NumFields]string{Body: "Die Gespräche dauern an."}}}
	ix := Build(docs)
	for _, opt := range []Options{{}, DefaultOptions()} {
		res := ix.SearchOptions("Gesprächen", docs, opt)
		require.Len(t, res.Hits, 1, "no word starts with it, so it is a whole word: stem it")
		assert.False(t, res.Hits[0].Typo)
	}
}
