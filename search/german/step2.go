package german

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// step2Suffixes are the suffixes searched for in step 2, longest first.
var step2Suffixes = []string{"est", "en", "er", "et", "st"}

// etExceptions are the stems before which -et is kept in step 2, so that
// for example ticket, planet, geordnet, internet and tret keep their -et.
var etExceptions = []string{"geordn", "intern", "tick", "plan", "tr"}

// step2 handles further inflectional endings. It searches for the longest
// among
//
//	en er est  delete
//	st         delete if preceded by a valid st-ending, itself preceded
//	           by at least 3 letters (derbst -> derb)
//	et         delete if preceded by a valid et-ending and not preceded by
//	           one of etExceptions (abgebildet -> abgebild)
//
// and performs the action only if the suffix is in R1. It reports whether
// the word was changed.
func step2(w *snowballword.SnowballWord) bool {
	suffix := w.FirstSuffixIfIn(w.R1start, len(w.RS), step2Suffixes...)
	if suffix == "" {
		return false
	}
	n := utf8.RuneCountInString(suffix)
	start := len(w.RS) - n

	switch suffix {
	case "st":
		r, ok := runeBefore(w.RS, start)
		if !ok || !isStEnding(r) || start-1 < 3 {
			return false
		}
	case "et":
		r, ok := runeBefore(w.RS, start)
		if !ok || !isEtEnding(r) {
			return false
		}
		for _, stem := range etExceptions {
			if hasSuffixAt(w.RS, start, stem) {
				return false
			}
		}
	}
	w.RemoveLastNRunes(n)
	return true
}
