package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"chronik/search/german"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSearchFindsUmlautSpellings(t *testing.T) {
	ix := Build(corpus)
	tests := []struct {
		query string
		want  []int
	}{
		{"Uebernahme ", []int{0, 1}},
		{"Übernahme ", []int{0, 1}},
		{"übernahme ", []int{0, 1}},
		{"UEBERNAHME ", []int{0, 1}},
		{"Praesident ", []int{2, 1, 0}},
		{"Präsident ", []int{2, 1, 0}},
		{"Strasse ", []int{3, 4}},
		{"Straße ", []int{3, 4}},
		{"STRASSE ", []int{3, 4}},
		{"Bu\u0308ro ", []int{3}}, // decomposed ü
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := ix.Search(tt.query, corpus)
			assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
		})
	}
}

func TestLastTermMatchesAsPrefix(t *testing.T) {
	ix := Build(corpus)
	tests := []struct {
		query string
		want  []int
	}{
		{"Ellis", []int{1}},
		{"ellis", []int{1}},
		{"Singa", []int{3}},
		{"Ueber", []int{0, 1}},
		{"Über", []int{0, 1}},
		{"über", []int{0, 1}},
		{"Tiktok Ueber", []int{0, 1}},
		{"Wahlkampf-Ver", []int{2}},
		{"wahlkampfver", []int{2}},
		{"Datensch", []int{4}},
		{"Ellis ", []int{}}, // a finished word is not a prefix
		{"Singa ", []int{}}, // likewise
		{"Ellison Tik", []int{1}},
		{"Ellis Tik", []int{}}, // only the last term is a prefix
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := ix.Search(tt.query, corpus)
			assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
		})
	}
}

func TestPrefixTermReportsItself(t *testing.T) {
	res := Build(corpus).Search("Tiktok Über", corpus)
	assert.Equal(t, Query{Terms: []QueryTerm{
		{Term: german.Stem("tiktok", true), Surface: "tiktok"},
		{Term: german.Stem("ueber", true), Surface: "ueber", Prefix: true},
	}}, res.Query)
}

func TestShortPrefixMatches(t *testing.T) {
	ix := Build(corpus)
	res := ix.Search("S", corpus)
	require.NotEmpty(t, res.Hits)
	for _, h := range res.Hits {
		n := len(h.Spans[Title]) + len(h.Spans[Kicker]) + len(h.Spans[Body])
		require.NotZero(t, n, "hit %d has no highlight", h.Doc)
	}
}

func TestAllTermsMustMatch(t *testing.T) {
	ix := Build(corpus)
	tests := []struct {
		query string
		want  []int
	}{
		{"Tiktok Microsoft ", []int{0, 1}},
		{"Tiktok Ellison ", []int{1}},
		{"Microsoft Tulsa ", []int{}},
		{"Ellison Singapur", []int{}},
		{"Tiktok Nutzer Präsident ", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := ix.Search(tt.query, corpus)
			assert.ElementsMatch(t, tt.want, hitDocs(res.Hits))
		})
	}
}

func TestTermMatchingNothingEmptiesResult(t *testing.T) {
	ix := Build(corpus)
	for _, q := range []string{"Tiktok Zebra ", "Zebra", "Tiktok Zebr", "xq"} {
		assert.Empty(t, ix.Search(q, corpus).Hits, q)
	}
}

func TestQueriesWithoutTermsReturnAllDocuments(t *testing.T) {
	ix := Build(corpus)
	for _, q := range []string{"", " ", "\t\n", "der die das ", "und ", "...", "- ", `""" `} {
		t.Run(q, func(t *testing.T) {
			res := ix.Search(q, corpus)
			require.Len(t, res.Hits, len(corpus))
			for i, h := range res.Hits {
				assert.Equal(t, i, h.Doc)
				assert.Zero(t, h.Score)
				assert.Equal(t, [NumFields][]Span{}, h.Spans)
				assert.Empty(t, h.Snippet.Spans)
				assert.True(t, strings.HasPrefix(corpus[i].Fields[Body], h.Snippet.Text))
			}
		})
	}
}

func TestStopWordBeingTypedMatchesAsPrefixOrNotAtAll(t *testing.T) {
	ix := Build(corpus)
	// "über" is a stop word but the start of Übernahme.
	assert.ElementsMatch(t, []int{0, 1}, hitDocs(ix.Search("über", corpus).Hits))
	// "die" starts no indexed word: it is ignored.
	assert.Len(t, ix.Search("die", corpus).Hits, len(corpus))
	assert.ElementsMatch(t, []int{0, 1, 2}, hitDocs(ix.Search("Präsident die", corpus).Hits))
	// Finished stop words are ignored.
	assert.ElementsMatch(t, []int{0, 1, 2}, hitDocs(ix.Search("die Präsident ", corpus).Hits))
}

func TestCompoundsMatchWholeAndParts(t *testing.T) {
	ix := Build(corpus)
	tests := []struct {
		query string
		want  []int
	}{
		{"Wahlkampf-Veranstaltung ", []int{2}},
		{"Wahlkampfveranstaltung ", []int{2}},
		{"Veranstaltung ", []int{2}},
		{"Wahlkampf ", []int{2}},
		{"US-Präsident ", []int{0, 1}},
		{"Präsidenten ", []int{0, 1, 2}},
		{"Tiktok-Übernahme ", []int{0}},
		{"Oracle-Gründer ", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, hitDocs(ix.Search(tt.query, corpus).Hits))
		})
	}
}

func TestGenderFormsMatchBaseWord(t *testing.T) {
	ix := Build(corpus)
	// Nutzer*innen, Nutzer (plain), NutzerInnen, Nutzer:innen and Nutzer_innen.
	assert.ElementsMatch(t, []int{0, 1, 2, 4}, hitDocs(ix.Search("Nutzer ", corpus).Hits))
	assert.ElementsMatch(t, []int{0, 1, 2, 4}, hitDocs(ix.Search("Nutzerinnen ", corpus).Hits))
}

func TestTitleMatchOutranksBodyMatch(t *testing.T) {
	docs := []Document{
		doc("Ein Bericht aus Berlin", "Politik", "Der Senat berät über den Haushalt und über Singapur."),
		doc("Ein Bericht aus Singapur", "Politik", "Der Senat berät über den Haushalt und über Berlin."),
		doc("Ein Bericht aus Hamburg", "Singapur", "Der Senat berät über den Haushalt und über Berlin."),
	}
	res := Build(docs).Search("Singapur ", docs)
	require.Equal(t, []int{1, 2, 0}, hitDocs(res.Hits))
	assert.Greater(t, res.Hits[0].Score, res.Hits[1].Score)
	assert.Greater(t, res.Hits[1].Score, res.Hits[2].Score)
}

func TestRarerTermsAndRepetitionsRankHigher(t *testing.T) {
	docs := []Document{
		doc("A", "", "Tiktok und Oracle."),
		doc("B", "", "Tiktok, Tiktok und noch einmal Tiktok."),
		doc("C", "", "Tiktok und Microsoft."),
	}
	res := Build(docs).Search("Tiktok ", docs)
	require.Len(t, res.Hits, 3)
	assert.Equal(t, 1, res.Hits[0].Doc)
}

func TestTiesKeepDocumentOrder(t *testing.T) {
	docs := []Document{
		doc("Tiktok", "", "Gleich."),
		doc("Anders", "", "Gleich."),
		doc("Tiktok", "", "Gleich."),
	}
	res := Build(docs).Search("Tiktok ", docs)
	assert.Equal(t, []int{0, 2}, hitDocs(res.Hits))
	assert.Equal(t, res.Hits[0].Score, res.Hits[1].Score)
}

func TestWordTypedInFullRanksAbovePrefixMatch(t *testing.T) {
	docs := []Document{
		doc("Sing", "", "Alle sangen mit."),
		doc("Singapur", "", "Eine Stadt."),
		doc("Singen", "", "Der Chor."),
	}
	res := Build(docs).Search("singen", docs)
	require.Len(t, res.Hits, 2)
	// "singen" is a word of the index: "sing" (same stem) matches fully.
	assert.ElementsMatch(t, []int{0, 2}, hitDocs(res.Hits))

	// "singa" is not: its stem must not match words like "singen".
	res = Build(docs).Search("singa", docs)
	assert.Equal(t, []int{1}, hitDocs(res.Hits))
}

func TestSearchToleratesMismatchedDocuments(t *testing.T) {
	ix := Build(corpus)
	res := ix.Search("Tiktok ", nil)
	require.NotEmpty(t, res.Hits)
	for _, h := range res.Hits {
		assert.Equal(t, Snippet{}, h.Snippet)
	}
	assert.Len(t, ix.Search("", corpus[:2]).Hits, len(corpus))
}

func TestEmptyIndex(t *testing.T) {
	ix := Build(nil)
	assert.Equal(t, 0, ix.Len())
	assert.Empty(t, ix.Search("", nil).Hits)
	assert.Empty(t, ix.Search("Tiktok", nil).Hits)
}

// hostileQueries are pasted or typed inputs that must be harmless: huge,
// control characters, emoji, right-to-left text, lone operators, stop
// words only.
func hostileQueries() []string {
	return []string{
		strings.Repeat("a", 100_000),
		strings.Repeat("Tiktok ", 20_000),
		strings.Repeat("ä", 50_000),
		strings.Repeat("a-", 50_000),
		strings.Repeat("a\u0308", 50_000),
		"\x00\x01\x02\x1b[31m\x7f",
		"\xff\xfe\xfd",
		"🦊🦊🦊 👩‍👩‍👧 🇩🇪",
		"مرحبا بالعالم",
		"\u202eTiktok\u202c",
		"-", `"`, `"""`, "*", ":", "_", "-Tiktok", `"Tiktok`,
		"der die das und oder aber",
		"\u0308\u0308\u0308",
		strings.Repeat("x ", MaxQueryTerms*4),
		strings.Repeat(`"`, 100_000),
		strings.Repeat("-", 100_000),
		strings.Repeat(`-"a b" `, 20_000),
		strings.Repeat("„“", 30_000),
		strings.Repeat("Mircosoftt ", 10_000),
		strings.Repeat("Wahlkampfveranstaltung", 5_000),
		strings.Repeat("\u200f\u05e9\u05dc\u05d5\u05dd ", 10_000), // RTL mark and Hebrew
		strings.Repeat("\x00\x1f\x7f", 30_000),
		"-\"\"", `"-"`, "- - -", "der die das",
		"-der -die", `"der die das"`,
	}
}

// TestHostileQueriesAreBounded checks that hostile queries are cut to the
// documented limits and give valid hits; BenchmarkHostileQueries measures
// how fast they answer.
func TestHostileQueriesAreBounded(t *testing.T) {
	ix := Build(corpus)
	for _, q := range hostileQueries() {
		name := q
		if len(name) > 20 {
			name = name[:20]
		}
		t.Run(name, func(t *testing.T) {
			res := ix.Search(q, corpus)
			assert.LessOrEqual(t, queryTerms(res.Query), MaxQueryTerms)
			for _, qt := range res.Query.Terms {
				assert.LessOrEqual(t, len(qt.Surface), MaxQueryBytes)
			}
			for _, h := range res.Hits {
				requireValidHit(t, corpus, h)
			}
		})
	}
}

func TestLongQueriesAreTruncated(t *testing.T) {
	ix := Build(corpus)
	res := ix.Search(strings.Repeat("ä", MaxQueryBytes), corpus)
	assert.True(t, res.Query.Truncated)
	res = ix.Search(strings.Repeat("Tiktok Microsoft ", MaxQueryTerms), corpus)
	assert.False(t, res.Query.Truncated, "repeated terms count once")
	var b strings.Builder
	for i := range MaxQueryTerms + 3 {
		b.WriteString("wort")
		b.WriteString(strings.Repeat("x", i))
		b.WriteString(" ")
	}
	res = ix.Search(b.String(), corpus)
	assert.True(t, res.Query.Truncated)
	assert.Len(t, res.Query.Terms, MaxQueryTerms)
}

func TestCutRunesKeepsUTF8Intact(t *testing.T) {
	assert.Equal(t, "ab", cutRunes("abä", 3))
	assert.Equal(t, "abä", cutRunes("abä", 4))
	assert.Equal(t, "", cutRunes("🦊", 3))
	assert.Equal(t, "ab", cutRunes("ab", 5))
}

func TestSearchNReturnsBestHitsAndTotal(t *testing.T) {
	ix := Build(corpus)
	all := ix.Search("Präsident ", corpus)
	require.Len(t, all.Hits, 3)
	assert.Equal(t, 3, all.Total)
	for _, n := range []int{0, 1, 2, 3, 10} {
		res := ix.SearchN("Präsident ", corpus, n)
		assert.Equal(t, 3, res.Total)
		assert.Equal(t, all.Hits[:min(n, 3)], res.Hits)
	}
	res := ix.SearchN("", corpus, 2)
	assert.Equal(t, len(corpus), res.Total)
	assert.Equal(t, []int{0, 1}, hitDocs(res.Hits))
	assert.Equal(t, all, ix.SearchN("Präsident ", corpus, -1))
}

func TestPrefixExpansionIsBounded(t *testing.T) {
	// 300 documents, each with its own word starting with "wort", and a
	// more frequent such word in the last ten documents.
	var docs []Document
	for i := range 300 {
		body := fmt.Sprintf("wort%03dx", i)
		if i >= 290 {
			body += " worthäufig"
		}
		docs = append(docs, doc("", "", body))
	}
	ix := Build(docs)
	res := ix.Search("wort", docs)
	// The expansions are the most frequent term and the first 199 others.
	require.Equal(t, MaxPrefixExpansions-1+10, len(res.Hits))
	for _, h := range res.Hits {
		require.NotEmpty(t, h.Spans[Body])
	}
	// A word typed in full is always among the expansions, however rare.
	assert.Equal(t, []int{299}, hitDocs(ix.Search("wort299x", docs).Hits))
	assert.Equal(t, []int{299}, hitDocs(ix.Search("wort299", docs).Hits))
}

func TestSearchIsSafeForConcurrentUse(t *testing.T) {
	ix := Build(corpus)
	want := ix.Search("Tiktok Präs", corpus)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				assert.Equal(t, want, ix.Search("Tiktok Präs", corpus))
			}
		})
	}
	wg.Wait()
}

func TestMostFrequentKeepsExactAndFrequentTerms(t *testing.T) {
	ix := &Index{df: []int32{5, 1, 9, 9, 2, 7, 1, 3}}
	terms := []int32{0, 1, 2, 3, 4, 5, 6, 7}
	assert.Equal(t, []int32{2, 3, 5}, ix.mostFrequent(slices.Clone(terms), -1, 3))
	assert.Equal(t, []int32{6, 2, 3}, ix.mostFrequent(slices.Clone(terms), 6, 3))
	assert.Equal(t, []int32{2, 3, 5, 0, 7, 4, 1, 6}, ix.mostFrequent(slices.Clone(terms), -1, 8))
	assert.Equal(t, []int32{4}, ix.mostFrequent([]int32{7, 4}, 4, 1))
}

func BenchmarkHostileQueries(b *testing.B) {
	ix := Build(corpus)
	qs := hostileQueries()
	for b.Loop() {
		for _, q := range qs {
			ix.Search(q, corpus)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(qs)), "ns/query")
}
