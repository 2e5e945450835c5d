package search

import (
	"unicode"
	"unicode/utf8"
)

// lowercaseFilter is the lower-casing stage of the analysis pipeline. It maps
// every letter to lower case with Unicode simple case mapping, so "ÜBER"
// becomes "über" and the capital sharp s "ẞ" becomes "ß".
func lowercaseFilter(ts []token) []token {
	var w rewriter
	for i, t := range ts {
		if !hasUpper(t.text) {
			continue
		}
		from := len(w.buf)
		w.buf = appendLower(w.buf, t.text)
		w.mark(i, from)
	}
	w.apply(func(i int, s string) { ts[i].text = s })
	return ts
}

// hasUpper reports whether s may change when lower-cased: whether it has
// an ASCII capital or any non-ASCII rune.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendLower appends s in lower case to b, like strings.ToLower.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			b = append(b, byte(r)+'a'-'A')
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// lower returns s in lower case, without allocating if it already is.
func lower(s string) string {
	if !hasUpper(s) {
		return s
	}
	return string(appendLower(nil, s))
}
