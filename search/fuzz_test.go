package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzDocs is the fixed document set of FuzzSearch: the corpus plus texts
// with multi-byte and unusual characters.
var fuzzDocs = append(slices.Clone(corpus),
	doc("🦊 Füchse 👩‍👩‍👧 in 微软-Zentrale", "ẞ-Test", "U\u0308bernahme e\u0301te\u0301 \u202eRTL\u202c Wahl\u00ADkampf "+strings.Repeat("Straße ", 60)),
	doc("", "", ""),
	doc("\xff\xfe ungültig \xc3", "a\u0308\u0308", "Nutzer*innen: NutzerInnen; Nutzer_innen/Nutzer:innen "+strings.Repeat("微软", 150)),
)

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", "Die Tiktok-Übernahme durch den US-Präsidenten", "Nutzer*innen NutzerInnen",
		"U\u0308bernahme", "STRAẞE", "🦊 微软", "\xff\u0308", "a-b-c-d-e-f-g-h-i-j", "Wahl\u00ADkampf",
	} {
		f.Add(s)
	}
	a := NewAnalyzer()
	sc := &scratch{}
	f.Fuzz(func(t *testing.T, text string) {
		requireSameSurfaces(t, sc, text)
		requireFoldedStarts(t, text)
		ts := a.Analyze(text)
		bounds := runeBoundaries(text)
		prev := 0
		for _, tk := range ts {
			require.True(t, 0 <= tk.Start && tk.Start < tk.End && tk.End <= len(text), "token %+v outside text", tk)
			require.True(t, bounds[tk.Start] && bounds[tk.End], "token %+v not on rune boundaries", tk)
			require.NotEmpty(t, tk.Term)
			require.NotEmpty(t, tk.Surface)
			require.GreaterOrEqual(t, tk.Pos, prev, "positions go back")
			prev = tk.Pos
		}
	})
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"", " ", "Tiktok", "Ueber", "über", "Präsident Tiktok ", "S", "Nutzer*innen", "Wahlkampf-Ver",
		"-", `"`, `"""`, "der die das", "🦊", "微软", "\xff", "a\u0308", strings.Repeat("ab ", 40),
		`"Wahlkampf-Veranstaltung" -Tiktok`, "Mircosoft Oracel", "„Straße in“ -„Peking", "Wahlkampfveranstaltung ",
	} {
		f.Add(s)
	}
	ix := Build(fuzzDocs)
	f.Fuzz(func(t *testing.T, query string) {
		for _, opt := range []Options{DefaultOptions(), {}} {
			res := ix.SearchOptions(query, fuzzDocs, opt)
			require.LessOrEqual(t, queryTerms(res.Query), MaxQueryTerms)
			require.LessOrEqual(t, len(res.Suggestions), maxSuggestions)
			require.LessOrEqual(t, len(res.Hits), res.Total)
			seen := map[int]bool{}
			for i, h := range res.Hits {
				require.False(t, seen[h.Doc], "document %d twice", h.Doc)
				seen[h.Doc] = true
				if i > 0 {
					require.GreaterOrEqual(t, res.Hits[i-1].Score, h.Score, "hits not ranked")
				}
				requireValidHit(t, fuzzDocs, h)
			}
			// A lazy search highlights its hits on demand as the eager
			// one does, in any order.
			opt.Lazy = true
			lazy := ix.SearchOptions(query, fuzzDocs, opt)
			require.Len(t, lazy.Hits, len(res.Hits))
			for i := len(lazy.Hits) - 1; i >= 0; i-- {
				lazy.Highlight(i)
				require.Equal(t, res.Hits[i], lazy.Hits[i])
			}
		}
	})
}

// queryTerms returns the number of terms of q, in phrases and exclusions
// too.
func queryTerms(q Query) int {
	n := len(q.Terms)
	for _, ph := range append(slices.Clone(q.Phrases), q.Exclude...) {
		n += len(ph.Terms)
	}
	return n
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", "-", `"`, `"""`, `""`, "- -", `-"`, `"-"`, "Microsoft -Oracle", `"trusted tech partner"`,
		`-"trusted tech partner" Oracle`, `„Schutz der Privatsphäre“`, `“x y”`, `"offen`, "US-Präsident",
		`a"b"c`, "--x", strings.Repeat(`"a b" `, 20), "der \"die das\"", "\xff\"\xfe", "🦊 -🦊",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := parseQuery(text)
		require.LessOrEqual(t, queryTerms(p.Query), MaxQueryTerms)
		require.LessOrEqual(t, len(p.text), MaxQueryBytes)
		require.Len(t, p.spans, len(p.Terms))
		for i, qt := range p.Terms {
			require.NotEmpty(t, qt.Term)
			require.NotEmpty(t, qt.Surface)
			if qt.Prefix {
				require.Equal(t, len(p.Terms)-1, i, "only the last term is a prefix")
			}
			if sp := p.spans[i]; sp.Start >= 0 {
				require.True(t, sp.Start < sp.End && sp.End <= len(p.text), "span %v of %q", sp, p.text)
			}
		}
		check := func(ph Phrase, min int) {
			require.GreaterOrEqual(t, len(ph.Terms), min)
			require.Len(t, ph.Pos, len(ph.Terms))
			require.Zero(t, ph.Pos[0])
			for i, qt := range ph.Terms {
				require.False(t, qt.Prefix)
				require.NotEmpty(t, qt.Term)
				if i > 0 {
					require.Greater(t, ph.Pos[i], ph.Pos[i-1], "positions not increasing")
				}
			}
		}
		for _, ph := range p.Phrases {
			check(ph, 2)
		}
		for _, ph := range p.Exclude {
			check(ph, 1)
		}
		require.True(t, p.soft < len(p.Terms))
	})
}

func FuzzIndexText(f *testing.F) {
	f.Add("Die Tiktok-Übernahme durch den US-Präsidenten", "Ueber")
	f.Add("Nutzer*innen und U\u0308bernahme "+strings.Repeat("微软", 120), "nutzer ")
	f.Add("\xff\xc3 a\u0308\u0308 🦊", "a")
	f.Fuzz(func(t *testing.T, text, query string) {
		docs := []Document{doc(text, text, text), doc("", "", text+" "+text)}
		ix := Build(docs)
		data, err := ix.Encode()
		require.NoError(t, err)
		dec, err := Decode(data)
		require.NoError(t, err)
		for _, q := range []string{query, query + " "} {
			res := dec.Search(q, docs)
			for _, h := range res.Hits {
				requireValidHit(t, docs, h)
			}
		}
		// Every word of the text finds the text.
		for _, tk := range NewAnalyzer().Analyze(text) {
			res := dec.Search(text[tk.Start:tk.End]+" ", docs)
			require.NotEmpty(t, res.Hits, "word %q of %q not found", text[tk.Start:tk.End], text)
			break
		}
	})
}

func FuzzDecode(f *testing.F) {
	good, err := Build(corpus[:2]).Encode()
	require.NoError(f, err)
	empty, err := Build(nil).Encode()
	require.NoError(f, err)
	f.Add(good)
	f.Add(empty)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, d := range [][]byte{data, withChecksum(data)} {
			ix, err := Decode(d)
			if err != nil {
				require.ErrorIs(t, err, ErrCorrupt)
				continue
			}
			for _, q := range []string{"", "Tiktok ", "S", "Präsident Nutzer"} {
				for _, h := range ix.Search(q, corpus).Hits {
					require.Less(t, h.Doc, ix.Len())
				}
				ix.Search(q, nil)
			}
			// Encoding is canonical after one round trip.
			b1, err := ix.Encode()
			require.NoError(t, err)
			ix2, err := Decode(b1)
			require.NoError(t, err)
			b2, err := ix2.Encode()
			require.NoError(t, err)
			require.Equal(t, b1, b2)
		}
	})
}
