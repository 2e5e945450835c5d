package german

import (
	"github.com/kljensen/snowball/snowballword"
)

// preprocess runs the Snowball prelude on w and then marks the regions
// R1 and R2.
func preprocess(w *snowballword.SnowballWord) {
	markUYBetweenVowels(w)
	normalizeSpellings(w)
	w.R1start, w.R2start = r1r2(w)
}

// markUYBetweenVowels puts u and y between vowels into upper case, so that
// they are treated as consonants by the rest of the algorithm (feuer ->
// feUer, bayer -> baYer). The word is scanned left to right, and a letter
// that has been upper-cased no longer counts as a vowel for the letters
// that follow it (treue -> treUe).
func markUYBetweenVowels(w *snowballword.SnowballWord) {
	rs := w.RS
	for i := 1; i+1 < len(rs); i++ {
		if !isVowel(rs[i-1]) || !isVowel(rs[i+1]) {
			continue
		}
		switch rs[i] {
		case 'u':
			rs[i] = 'U'
		case 'y':
			rs[i] = 'Y'
		}
	}
}

// normalizeSpellings makes a single left-to-right pass over w and
//
//   - replaces ß with ss,
//   - replaces ae, oe and ue with ä, ö and ü,
//   - leaves qu alone, so that the ue of quelle is not turned into ü.
//
// Replacements are never rescanned, and a u that markUYBetweenVowels has
// turned into U does not start a ue (feUer stays as it is). The ae/oe/ue
// rules were once the separate "german2" variant; since Snowball 2.3.0
// they are part of the German stemmer.
func normalizeSpellings(w *snowballword.SnowballWord) {
	rs := w.RS
	out := make([]rune, 0, len(rs)+1)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 'ß' {
			out = append(out, 's', 's')
			continue
		}
		if i+1 < len(rs) {
			next := rs[i+1]
			switch {
			case r == 'q' && next == 'u':
				out = append(out, 'q', 'u')
				i++
				continue
			case next == 'e' && (r == 'a' || r == 'o' || r == 'u'):
				out = append(out, umlaut(r))
				i++
				continue
			}
		}
		out = append(out, r)
	}
	w.RS = out
	w.R1start, w.R2start, w.RVstart = len(out), len(out), len(out)
}

// umlaut returns the umlaut form of the vowel a, o or u.
func umlaut(r rune) rune {
	switch r {
	case 'a':
		return 'ä'
	case 'o':
		return 'ö'
	case 'u':
		return 'ü'
	}
	return r
}

// r1r2 finds the start of the regions R1 and R2.
//
// R1 is the region after the first non-vowel following a vowel, or the
// null region at the end of the word if there is no such non-vowel. R2 is
// the region after the first non-vowel following a vowel in R1. For German,
// R1 is then moved so that at least 3 letters precede it. R2 is computed
// from the unadjusted R1, as in the Snowball source.
//
// Words shorter than 3 letters have empty R1 and R2.
//
// See https://snowballstem.org/texts/r1r2.html
func r1r2(w *snowballword.SnowballWord) (r1start, r2start int) {
	n := len(w.RS)
	if n < 3 {
		return n, n
	}
	r1start = vnvSuffix(w.RS, 0)
	r2start = vnvSuffix(w.RS, r1start)
	if r1start < 3 {
		r1start = 3
	}
	return r1start, r2start
}

// vnvSuffix returns the index just after the first non-vowel that follows a
// vowel in rs[start:], or len(rs) if there is none. It is what
// romance.VnvSuffix of kljensen/snowball computes; that package is not
// imported because it also holds test helpers that link Go's testing and
// flag packages into every program using it, some 80 KB of the WASM.
func vnvSuffix(rs []rune, start int) int {
	for j := start + 1; j < len(rs); j++ {
		if isVowel(rs[j-1]) && !isVowel(rs[j]) {
			return j + 1
		}
	}
	return len(rs)
}
