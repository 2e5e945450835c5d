package search

import (
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lazyQueries are queries of every kind for comparing lazy and eager
// highlighting: words, prefixes, stop words, compounds, typos, phrases and
// exclusions.
var lazyQueries = []string{
	"", " ", "der die das ", "-Tiktok", "-\"trusted tech\"",
	"Tiktok ", "Tiktok", "Microsoft", "Übernahme ", "Uebernahme", "Präsident ", "Straße ",
	"S", "W", "D", "Ü", "Ueber", "über", "die", "Ellis", "Singa", "Datensch", "Wahlkampf-Ver", "Tik",
	"Tiktok Microsoft ", "Tiktok Ueber", "Ellison Tik", "Präsident Tiktok", "Tiktok Nutzer Präsident ",
	"Daten ", "Schutz ", "Datenschutz ", "Datenschutzbedenken ", "Jugend ", "Zentrum ", "Bedenken ",
	"Wahlkampfveranstaltung ", "Wahlkampf-Veranstaltung ", "Nutzer*innen ", "NutzerInnen", "Bytedance",
	"Mircosoft ", "Mircosoft", "Mircosoft Oracel ", "Oracel", "Sicherheitsbedenkn ", "Zebra", "xq",
	`"Schutz der Privatsphäre"`, `"trusted tech partner"`, `"trusted tech partner" -Oracle`,
	`„Microsoft bietet“ Tiktok`, `"Larry Ellison`, `Tiktok -"trusted tech"`, "Tiktok -Oracle",
	"Übernahme -Microsoft ", "Daten -Schutz",
}

func TestLazyHighlightEqualsEager(t *testing.T) {
	corpora := []struct {
		name string
		docs []Document
	}{
		{"corpus", corpus},
		{"features", features},
		{"bench", benchCorpus(300)},
	}
	opts := []Options{
		DefaultOptions(),
		{},
		{Compounds: true},
		{Typos: true},
		{Compounds: true, Typos: true, Limit: 3},
	}
	for _, c := range corpora {
		ix := Build(c.docs)
		for _, q := range lazyQueries {
			for k, opt := range opts {
				t.Run(c.name+"/"+strconv.Quote(q)+"/"+strconv.Itoa(k), func(t *testing.T) {
					eager := ix.SearchOptions(q, c.docs, opt)
					opt.Lazy = true
					lazy := ix.SearchOptions(q, c.docs, opt)
					require.Len(t, lazy.Hits, len(eager.Hits))
					assert.Equal(t, eager.Query, lazy.Query)
					assert.Equal(t, eager.Total, lazy.Total)
					assert.Equal(t, eager.Suggestions, lazy.Suggestions)
					for i := range lazy.Hits {
						assert.Nil(t, lazy.Hits[i].Marks, "hit %d", i)
					}
					// Backwards, so that the order of highlighting does not
					// matter, and twice.
					for i := len(lazy.Hits) - 1; i >= 0; i-- {
						lazy.Highlight(i)
					}
					for i := range lazy.Hits {
						lazy.Highlight(i)
						require.Equal(t, eager.Hits[i], lazy.Hits[i], "hit %d", i)
					}
				})
			}
		}
	}
}

func TestHighlightIgnoresOutOfRangeHits(t *testing.T) {
	ix := Build(corpus)
	opt := DefaultOptions()
	opt.Lazy = true
	tests := []struct {
		name string
		res  Result
	}{
		{"zero", Result{}},
		{"eager", ix.Search("Tiktok ", corpus)},
		{"lazy", ix.SearchOptions("Tiktok ", corpus, opt)},
		{"lazy all", ix.SearchOptions("", corpus, opt)},
		{"lazy none", ix.SearchOptions("Zebra ", corpus, opt)},
		{"lazy without documents", ix.SearchOptions("Tiktok ", nil, opt)},
		{"lazy empty index", Build(nil).SearchOptions("Tiktok", nil, opt)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.res.Hits)
			for _, i := range []int{-1, len(tt.res.Hits), len(tt.res.Hits) + 1, -1 << 40} {
				require.NotPanics(t, func() { tt.res.Highlight(i) })
			}
			assert.Equal(t, before, tt.res.Hits)
		})
	}
}

func TestHighlightHitHighlightsCopiesInAnyOrder(t *testing.T) {
	ix := Build(corpus)
	eager := ix.Search("Tiktok Microsoft", corpus)
	lazy := ix.SearchOptions("Tiktok Microsoft", corpus, Options{Compounds: true, Typos: true, Lazy: true})
	require.Greater(t, len(lazy.Hits), 1)
	// As a UI does: filtered and sorted into a slice of its own.
	shown := slices.Clone(lazy.Hits)
	slices.Reverse(shown)
	want := slices.Clone(eager.Hits)
	slices.Reverse(want)
	for i := range shown {
		lazy.HighlightHit(&shown[i])
	}
	assert.Equal(t, want, shown)
	assert.Nil(t, lazy.Hits[0].Marks, "the result's own hits stay as they were")

	eager.HighlightHit(&shown[0])
	assert.Equal(t, want[0], shown[0], "an eager result changes nothing")
	require.NotPanics(t, func() { lazy.HighlightHit(nil) })
	stray := Hit{Doc: len(corpus) + 3}
	lazy.HighlightHit(&stray)
	assert.Equal(t, Hit{Doc: len(corpus) + 3}, stray)
}

func TestHighlightOfHitsWithoutDocumentsDoesNothing(t *testing.T) {
	ix := Build(corpus)
	res := ix.SearchOptions("Tiktok ", corpus[:2], Options{Lazy: true})
	require.NotEmpty(t, res.Hits)
	for i, h := range res.Hits {
		res.Highlight(i)
		if h.Doc >= 2 {
			assert.Equal(t, h, res.Hits[i])
		} else {
			assert.NotEmpty(t, res.Hits[i].Snippet.Text)
		}
	}
}

func TestHighlightIsSafeForConcurrentUse(t *testing.T) {
	docs := benchCorpus(100)
	ix := Build(docs)
	eager := ix.Search("W", docs)
	lazy := ix.SearchOptions("W", docs, Options{Compounds: true, Typos: true, Lazy: true})
	require.NotEmpty(t, lazy.Hits)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(lazy.Hits); i += 4 {
				lazy.Highlight(i)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, eager.Hits, lazy.Hits)
}

func TestHighlighterSkipsOnlyWordsThatCannotMatch(t *testing.T) {
	docs := slices.Concat(corpus, features, benchCorpus(100))
	ix := Build(docs)
	for _, q := range lazyQueries {
		res := ix.SearchOptions(q, docs, Options{Compounds: true, Typos: true, Lazy: true})
		if res.lazy == nil || res.lazy.p == nil {
			continue
		}
		res.Highlight(0)
		h := res.lazy.h
		if h == nil {
			continue
		}
		all := *h
		all.scratch = scratch{}
		all.starts = nil
		for _, d := range docs {
			for _, text := range d.Fields {
				require.Equal(t, all.matches(text), h.matches(text), "query %q, text %q", q, text)
			}
		}
	}
}
