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
	assert.Equal(t, string(chronicle), string(chronicleJSON), "embed/data is stale: run make generate")
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
	_, err = embed.Decode(chronicle, indexBin)
	require.ErrorContains(t, err, "regenerate")
	_, err = embed.Decode(chronicleJSON, []byte("kein Index"))
	require.Error(t, err)
	_, err = embed.Decode([]byte("{"), indexBin)
	require.Error(t, err)
}
