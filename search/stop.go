package search

import "chronik/search/german"

// stopFilter is the stop-word stage of the analysis pipeline. It marks the
// tokens that are German stop words ("der", "und", "über") and, if remove is
// set, drops them. Stop words are recognised by their lower-case surface form
// before folding and stemming: stems of stop words collide with stems of
// content words. Queries keep them marked, since a stop word being typed may
// still be the prefix of a content word.
func stopFilter(ts []token, remove bool) []token {
	out := ts[:0]
	for _, t := range ts {
		t.stop = german.IsStopWord(t.text)
		if t.stop && remove {
			continue
		}
		out = append(out, t)
	}
	return out
}
