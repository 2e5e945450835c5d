package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCompoundParts bounds the number of words joined into one compound, so
// that a long chain of hyphenated words cannot produce an ever longer joined
// term. Further parts start a new compound.
const maxCompoundParts = 8

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

// isWordRuneSlow is isWordRune for non-ASCII runes, kept apart so that
// isWordRune can be inlined.
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// asciiWord tells which ASCII characters are word runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isIgnorable reports whether r is an invisible format character that may
// appear inside a word and is dropped from it: soft hyphen, zero-width
// non-joiner and joiner, word joiner.
func isIgnorable(r rune) bool {
	switch r {
	case '\u00AD', '\u200C', '\u200D', '\u2060':
		return true
	}
	return false
}

// isHyphen reports whether r joins two words into a compound: hyphen-minus,
// hyphen and non-breaking hyphen. Dashes (–, —) separate words.
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// isGenderMark reports whether r may join a word and a gender suffix, as in
// Nutzer*innen, Nutzer:innen, Nutzer_innen, Nutzer/innen, Nutzer·innen.
func isGenderMark(r rune) bool {
	switch r {
	case '*', ':', '_', '/', '·':
		return true
	}
	return false
}

// startsWithIn reports whether s starts with "in" or "In", the beginning of a
// gender suffix.
func startsWithIn(s string) bool {
	return len(s) >= 2 && (s[0] == 'i' || s[0] == 'I') && s[1] == 'n'
}

// isGenderSuffix reports whether word is a bare gender suffix, which is kept
// in the joined compound but not indexed on its own.
func isGenderSuffix(word string) bool {
	return strings.EqualFold(word, "in") || strings.EqualFold(word, "innen")
}

// tokenize is the tokenizer stage of the analysis pipeline. It splits text
// into words: maximal runs of letters, digits and combining marks (invisible
// soft hyphens and zero-width joiners inside a run are dropped from the word).
// Words joined by a hyphen (Wahlkampf-Veranstaltung, US-Präsident) or by a
// gender mark before a suffix starting with "in" (Nutzer*innen, Nutzer:innen,
// Nutzer_innen) are marked as compound parts, and a camel-case gender suffix
// (NutzerInnen) is split off the same way; the compound stage later joins
// them. Words get consecutive positions, except that a bare gender suffix
// shares the position of the word it belongs to.
func tokenize(text string) []token {
	return appendTokens(make([]token, 0, len(text)/6+1), text)
}

// appendTokens appends the tokens of text to ts, as tokenize returns them.
func appendTokens(ts []token, text string) []token {
	var (
		pos   int
		join  = joinNone // attachment of the next word
		parts int        // words in the current compound
	)
	for i := 0; i < len(text); {
		// Skip to the next word, quickly over ASCII.
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				join = joinNone
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRuneSlow(r) {
			i += size
			join = joinNone
			continue
		}
		start := i
		end, word := scanWord(text, i)
		if join == joinNone {
			parts = 0
		}
		if base, ok := splitCamelGender(word); ok && word == text[start:end] {
			// NutzerInnen: emit Nutzer here and Innen as a gender suffix.
			ts = append(ts, token{text: base, start: start, end: start + len(base), pos: pos, join: join})
			pos++
			start += len(base)
			word = word[len(base):]
			join = joinGender
			parts++
		}
		t := token{text: word, start: start, end: end, pos: pos, join: join}
		if join == joinGender && isGenderSuffix(word) && pos > 0 {
			t.suffix = true
			t.pos = pos - 1
		} else {
			pos++
		}
		ts = append(ts, t)
		parts++
		i = end

		// A joiner directly followed by a word continues the compound.
		join = joinNone
		if i >= len(text) || parts >= maxCompoundParts {
			continue
		}
		if c := text[i]; c < utf8.RuneSelf && c != '-' && !isGenderMark(rune(c)) {
			continue // most words end in a space or punctuation
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		rest := text[i+size:]
		if next, _ := utf8.DecodeRuneInString(rest); rest == "" || !isWordRune(next) {
			continue
		}
		switch {
		case isHyphen(r):
			join = joinHyphen
			i += size
		case isGenderMark(r) && startsWithIn(rest):
			join = joinGender
			i += size
		}
	}
	return ts
}

// scanWord scans the word starting at text[i], which must be a word rune. It
// returns the offset just past the word and the word with ignorable format
// characters removed.
func scanWord(text string, i int) (end int, word string) {
	start := i
	// Most words are ASCII to their end.
	for i < len(text) && text[i] < utf8.RuneSelf {
		if !asciiWord[text[i]] {
			return i, text[start:i]
		}
		i++
	}
	end = i
	var b []byte // the word, once an ignorable character had to be dropped
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// Fast path for ASCII; no ASCII character is ignorable.
			if !asciiWord[c] {
				break
			}
			if b != nil {
				b = append(b, c)
			}
			i++
			end = i
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if b != nil {
				b = append(b, text[i:i+size]...)
			}
			i += size
			end = i
			continue
		}
		if !isIgnorable(r) {
			break
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isIgnorable(r2) {
				break
			}
			j += s2
		}
		if next, _ := utf8.DecodeRuneInString(text[j:]); j == len(text) || !isWordRune(next) {
			break
		}
		if b == nil {
			b = append(make([]byte, 0, j-start+16), text[start:i]...)
		}
		i = j
	}
	if b != nil {
		return end, string(b)
	}
	return end, text[start:end]
}

// splitCamelGender reports whether word ends in the camel-case gender suffix
// "Innen" after a lower-case letter (NutzerInnen) and returns the part before
// it. The singular "In" is not split, as it has too many false positives
// (LinkedIn).
func splitCamelGender(word string) (base string, ok bool) {
	const suffix = "Innen"
	if len(word) <= len(suffix) || !strings.HasSuffix(word, suffix) {
		return "", false
	}
	base = word[:len(word)-len(suffix)]
	r, _ := utf8.DecodeLastRuneInString(base)
	return base, unicode.IsLower(r)
}
