package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a text, as found by scanWords.
type word struct {
	text    string // as written: letters, with single hyphens inside
	initial bool   // the first word of a sentence, capitalised by position
	prev    string // the word before it in the sentence, "" for an initial one
}

// scanWords calls yield for each word of text: a run of letters that may
// contain single hyphens between letters ("US-Präsident"). Digits and all
// other characters separate words. A word is initial when it starts the
// text or follows a sentence end (. ! ? :), so that its capital letter
// says nothing about the word.
func scanWords(text string, yield func(word)) {
	initial := true
	prev := ""
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			switch r {
			case '.', '!', '?', ':':
				initial, prev = true, ""
			}
			i += size
			continue
		}
		start := i
		end := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				i += size
				end = i
				continue
			}
			if r == '-' && i+1 < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(next) {
					i++
					continue
				}
			}
			break
		}
		if initial {
			prev = ""
		}
		yield(word{text: text[start:end], initial: initial, prev: prev})
		initial, prev = false, text[start:end]
	}
}

// words returns the words of text in lower case.
func words(text string) []string {
	return appendWords(nil, text)
}

// appendWords appends the words of text in lower case to ws.
func appendWords(ws []string, text string) []string {
	scanWords(strings.ToLower(text), func(w word) {
		ws = append(ws, w.text)
	})
	return ws
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// isNounSpelling reports whether s is spelt like a German common noun:
// a capital letter, then lower-case letters only ("Behörde", not "USA",
// "TikTok" or "US-Präsident"), at least minPartRunes letters long, so that
// the search decompounder can find it as a compound part.
func isNounSpelling(s string) bool {
	n := 0
	for i, r := range s {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case i > 0 && !unicode.IsLower(r):
			return false
		}
		n++
	}
	return n >= minPartRunes
}

// minPartRunes is the shortest compound part, as in the search package's
// decompounder: shorter seed nouns are not used in compounds.
const minPartRunes = 4

// slug turns the words ws into the words of an article ID: lower-case
// ASCII letters and digits joined by hyphens, with umlauts and ß
// transcribed (ü → ue, ß → ss). It takes whole words only, as many as fit
// into max bytes.
func slug(ws []string, max int) string {
	var b strings.Builder
	for _, w := range ws {
		var part strings.Builder
		for _, r := range strings.ToLower(w) {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				part.WriteRune(r)
			case r == 'ä':
				part.WriteString("ae")
			case r == 'ö':
				part.WriteString("oe")
			case r == 'ü':
				part.WriteString("ue")
			case r == 'ß':
				part.WriteString("ss")
			case part.Len() > 0 && !strings.HasSuffix(part.String(), "-"):
				part.WriteByte('-')
			}
		}
		p := strings.Trim(part.String(), "-")
		switch {
		case p == "":
			continue
		case b.Len() > 0 && b.Len()+1+len(p) > max, b.Len()+len(p) > max:
			return b.String()
		case b.Len() > 0:
			b.WriteByte('-')
		}
		b.WriteString(p)
	}
	return b.String()
}
