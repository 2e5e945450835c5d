package search

import (
	"strings"

	"chronik/search/german"
)

// stemFilter is the stemming stage of the analysis pipeline. It replaces each
// folded token with its Snowball German stem, so that inflected forms
// ("Übernahmen", "Übernahme") share an index term. Folding first makes the
// stem independent of how umlauts were spelt.
//
// cache, if not nil, memoises stems across calls; building an index analyses
// the same words many times.
func stemFilter(ts []token, cache map[string]string) []token {
	for i := range ts {
		ts[i].text = stem(ts[i].text, cache)
	}
	return ts
}

// stem returns the stem of the folded word, using and filling cache if it is
// not nil. A word is never stemmed to nothing.
func stem(word string, cache map[string]string) string {
	if s, ok := cache[word]; ok {
		return s
	}
	s := german.Stem(word, true)
	if s == "" {
		s = word
	}
	if cache != nil {
		// word may share a buffer with the whole text it came from.
		cache[strings.Clone(word)] = s
	}
	return s
}
