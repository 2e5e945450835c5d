package german

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// step1Suffixes are the suffixes searched for in step 1, longest first so
// that the first match is the longest one.
var step1Suffixes = []string{
	"erinnen",
	"erin", "lns", "ern",
	"em", "en", "er", "es", "ln",
	"e", "s",
}

// step1 handles inflectional endings. It searches for the longest among
//
//	em                  delete, unless preceded by syst (system)
//	erinnen erin ern er delete
//	e en es             delete; then, if the word ends in niss, delete the
//	                    final s (bedürfnissen -> bedürfnis)
//	s                   delete if preceded by a valid s-ending
//	ln lns              replace with l
//
// and performs the action only if the suffix is in R1. If the longest
// suffix is not in R1, nothing is done (a shorter one is not tried).
// It reports whether the word was changed.
func step1(w *snowballword.SnowballWord) bool {
	suffix := w.FirstSuffixIfIn(w.R1start, len(w.RS), step1Suffixes...)
	if suffix == "" {
		return false
	}
	n := utf8.RuneCountInString(suffix)
	start := len(w.RS) - n

	switch suffix {
	case "em":
		if hasSuffixAt(w.RS, start, "syst") {
			return false
		}
		w.RemoveLastNRunes(n)
	case "erinnen", "erin", "ern", "er":
		w.RemoveLastNRunes(n)
	case "e", "en", "es":
		w.RemoveLastNRunes(n)
		if hasSuffixAt(w.RS, len(w.RS), "niss") {
			w.RemoveLastNRunes(1)
		}
	case "s":
		r, ok := runeBefore(w.RS, start)
		if !ok || !isSEnding(r) {
			return false
		}
		w.RemoveLastNRunes(n)
	case "ln", "lns":
		w.ReplaceSuffix(suffix, "l", true)
	}
	return true
}
