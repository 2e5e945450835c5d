package data

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
)

// The generated files are committed, so a fresh clone builds without
// running the generator. This test fails when they are stale: when the
// articles changed and go generate ./embed was not run.
func TestGeneratedDataMatchesArticles(t *testing.T) {
	c, err := embed.LoadDir(os.DirFS("../articles"), ".")
	require.NoError(t, err)
	chronicle, index, err := embed.Encode(c)
	require.NoError(t, err)
	assert.Equal(t, string(chronicle), chronicleBin, "embed/data is stale: run make generate")
	assert.Equal(t, index, indexBin, "embed/data is stale: run make generate")
}

func TestLoadDecodesEveryArticleAndItsIndex(t *testing.T) {
	b, err := Load()
	require.NoError(t, err)
	require.Len(t, b.Chronicle.Articles, 5)
	require.Equal(t, 5, b.Index.Len())
	require.Len(t, b.Docs, 5)
	hits := b.Index.Search("Oracle", b.Docs).Hits
	assert.Len(t, hits, 2)
}

func TestDecodeRejectsIndexOfAnotherChronicle(t *testing.T) {
	c := &embed.Chronicle{Title: "Eins", Articles: []embed.Article{{ID: "a", Title: "A", Body: "Text."}}}
	chronicle, _, err := embed.Encode(c)
	require.NoError(t, err)
	_, err = embed.Decode(string(chronicle), indexBin)
	require.ErrorContains(t, err, "regenerate")
	_, err = embed.Decode(chronicleBin, []byte("kein Index"))
	require.Error(t, err)
	_, err = embed.Decode("{", indexBin)
	require.Error(t, err)
}

// BenchmarkLoad measures start-up: decoding the embedded chronicle and index.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures one keystroke's search over the shipped articles,
// highlights and snippets included.
func BenchmarkSearch(b *testing.B) {
	bundle, err := Load()
	require.NoError(b, err)
	for _, q := range []string{"", "Oracle", "Uebernahme", "Ellis", "Trump Tiktok Daten", "Mircosoft", `"trusted tech partner"`, "Microsoft -Oracle", "Zentrum "} {
		b.Run("q="+q, func(b *testing.B) {
			for b.Loop() {
				bundle.Index.Search(q, bundle.Docs)
			}
		})
	}
}
