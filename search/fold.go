package search

import "strings"

// foldFilter is the folding stage of the analysis pipeline. It rewrites each
// lower-case token with the German transliteration of umlauts and sharp s
// (see fold) and records the result as the token's surface form, so that
// "Übernahme" and "Uebernahme", "Straße" and "Strasse" meet, and a prefix
// typed either way matches.
func foldFilter(ts []token) []token {
	var w rewriter
	for i, t := range ts {
		if !hasFoldable(t.text) {
			continue
		}
		from := len(w.buf)
		w.buf = appendFold(w.buf, t.text)
		w.mark(i, from)
	}
	w.apply(func(i int, s string) { ts[i].text = s })
	for i := range ts {
		ts[i].surface = ts[i].text
	}
	return ts
}

// hasFoldable reports whether s may contain ä, ö, ü or ß, which are all
// encoded as 0xC3 followed by one byte.
func hasFoldable(s string) bool {
	return strings.IndexByte(s, 0xC3) >= 0
}

// fold returns the lower-case string s with ä→ae, ö→oe, ü→ue and ß→ss. It
// returns s itself when there is nothing to replace.
func fold(s string) string {
	if !hasFoldable(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)+8), s))
}

// appendFold appends s to b with ä→ae, ö→oe, ü→ue and ß→ss.
func appendFold[S ~string | ~[]byte](b []byte, s S) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0xC3 && i+1 < len(s) {
			var r string
			switch s[i+1] {
			case 0xA4: // ä
				r = "ae"
			case 0xB6: // ö
				r = "oe"
			case 0xBC: // ü
				r = "ue"
			case 0x9F: // ß
				r = "ss"
			}
			if r != "" {
				b = append(b, r...)
				i++
				continue
			}
		}
		b = append(b, c)
	}
	return b
}
