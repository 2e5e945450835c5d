package german

import "unicode/utf8"

// isVowel reports whether r is a German vowel in the sense of the Snowball
// algorithm: a, e, i, o, u, y, ä, ö and ü.
//
// The upper-case markers 'U' and 'Y' that the prelude puts on u and y
// between vowels are deliberately not vowels.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü':
		return true
	}
	return false
}

// isSEnding reports whether r is a valid s-ending, i.e. a letter after
// which a final -s may be removed in step 1: b, d, f, g, h, k, l, m, n,
// r or t.
func isSEnding(r rune) bool {
	switch r {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

// isStEnding reports whether r is a valid st-ending, i.e. a letter after
// which -st may be removed in step 2: the s-endings without r.
func isStEnding(r rune) bool {
	return r != 'r' && isSEnding(r)
}

// isEtEnding reports whether r is a valid et-ending, i.e. a letter after
// which -et may be removed in step 2: d, f, g, k, l, m, n, r, s, t, z, ä
// and the marker U (a u between vowels, as in "bauet").
func isEtEnding(r rune) bool {
	switch r {
	case 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'U', 'z', 'ä':
		return true
	}
	return false
}

// hasSuffixAt reports whether rs[:end] ends with suffix. It never looks
// before rs[0], so it is safe for suffixes longer than rs[:end].
func hasSuffixAt(rs []rune, end int, suffix string) bool {
	i := end
	for j := len(suffix); j > 0; {
		r, size := utf8.DecodeLastRuneInString(suffix[:j])
		j -= size
		i--
		if i < 0 || rs[i] != r {
			return false
		}
	}
	return true
}

// runeBefore returns the rune just before index i of rs, and false if
// there is none.
func runeBefore(rs []rune, i int) (rune, bool) {
	if i <= 0 || i > len(rs) {
		return 0, false
	}
	return rs[i-1], true
}
