package german

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// step3Suffixes are the derivational suffixes searched for in step 3,
// longest first.
var step3Suffixes = []string{
	"heit", "isch", "keit", "lich",
	"end", "ung",
	"ig", "ik",
}

// step3 handles derivational suffixes (d-suffixes). It searches for the
// longest among the following suffixes and, if it is in R2, performs the
// action indicated:
//
//	end ung    delete; then, if preceded by ig, delete the ig if it is in
//	           R2 and not preceded by e
//	ig ik isch delete if not preceded by e
//	lich heit  delete; then, if preceded by er or en, delete that if it
//	           is in R1
//	keit       delete; then, if preceded by lich or ig, delete that if it
//	           is in R2
//
// It reports whether the word was changed.
func step3(w *snowballword.SnowballWord) bool {
	suffix := w.FirstSuffixIfIn(w.R2start, len(w.RS), step3Suffixes...)
	if suffix == "" {
		return false
	}
	n := utf8.RuneCountInString(suffix)
	start := len(w.RS) - n

	switch suffix {
	case "end", "ung":
		w.RemoveLastNRunes(n)
		if hasSuffixAt(w.RS, len(w.RS), "ig") &&
			!hasSuffixAt(w.RS, len(w.RS)-2, "e") &&
			w.FitsInR2(2) {
			w.RemoveLastNRunes(2)
		}
	case "ig", "ik", "isch":
		if hasSuffixAt(w.RS, start, "e") {
			return false
		}
		w.RemoveLastNRunes(n)
	case "lich", "heit":
		w.RemoveLastNRunes(n)
		if w.FirstSuffixIfIn(w.R1start, len(w.RS), "er", "en") != "" {
			w.RemoveLastNRunes(2)
		}
	case "keit":
		w.RemoveLastNRunes(n)
		if s := w.FirstSuffixIfIn(w.R2start, len(w.RS), "lich", "ig"); s != "" {
			w.RemoveLastNRunes(utf8.RuneCountInString(s))
		}
	}
	return true
}
