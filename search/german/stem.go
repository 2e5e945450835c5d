// Package german implements the Snowball German stemming algorithm, as
// defined by algorithms/german.sbl of Snowball 3 (which includes the
// former "german2" handling of ae/oe/ue, the -erin/-erinnen and -ln/-lns
// endings and the -et rule of step 2).
//
// See https://snowballstem.org/algorithms/german/stemmer.html
package german

import "github.com/kljensen/snowball/snowballword"

// Stem returns the Snowball German stem of word. word must already be lowercased.
// If stemStopWords is false, words for which IsStopWord is true are returned unchanged.
//
// Stem does not trim or lowercase its input. Invalid UTF-8 is accepted;
// each invalid byte is treated as (and returned as) U+FFFD.
func Stem(word string, stemStopWords bool) string {
	if !stemStopWords && IsStopWord(word) {
		return word
	}

	w := snowballword.New(word)

	// Each step alters w in place.
	preprocess(w)
	step1(w)
	step2(w)
	step3(w)
	postlude(w)

	return w.String()
}
