package embed

import (
	"fmt"

	"chronik/search"
)

//go:generate go run ./internal/gen -articles articles -out data

// Bundle is a chronicle together with its ready-built search index.
// Docs holds the searchable text of Chronicle.Articles in the same order,
// as the index expects it for highlighting.
type Bundle struct {
	Chronicle *Chronicle
	Index     *search.Index
	Docs      []search.Document
}

// Decode reassembles a Bundle from the two generated files: the chronicle
// as [MarshalChronicle] encodes it, whose text the Bundle's strings share
// rather than copy (hence a string, which nothing can change), and the
// index. It checks that the index belongs to the chronicle, so a
// half-regenerated build fails loudly.
func Decode(chronicle string, index []byte) (*Bundle, error) {
	c, err := UnmarshalChronicle(chronicle)
	if err != nil {
		return nil, err
	}
	ix, err := search.Decode(index)
	if err != nil {
		return nil, fmt.Errorf("decode index: %w", err)
	}
	if ix.Len() != len(c.Articles) {
		return nil, fmt.Errorf("index has %d documents, chronicle has %d articles: regenerate with go generate ./embed", ix.Len(), len(c.Articles))
	}
	return &Bundle{Chronicle: c, Index: ix, Docs: Documents(c.Articles)}, nil
}

// Encode analyses the chronicle's articles and returns the two files that
// Decode reads: the chronicle encoded by [MarshalChronicle] and the binary
// search index. The output is deterministic, so regenerating unchanged
// articles changes no byte.
func Encode(c *Chronicle) (chronicle, index []byte, err error) {
	index, err = search.Build(Documents(c.Articles)).Encode()
	if err != nil {
		return nil, nil, fmt.Errorf("encode index: %w", err)
	}
	return MarshalChronicle(c), index, nil
}

// Documents returns the searchable fields of each article, in order.
func Documents(articles []Article) []search.Document {
	docs := make([]search.Document, len(articles))
	for i, a := range articles {
		docs[i].Fields[search.Title] = a.Title
		docs[i].Fields[search.Kicker] = a.Kicker
		docs[i].Fields[search.Body] = a.Body
	}
	return docs
}
