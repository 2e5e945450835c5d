package search

import (
	"strings"
	"unicode/utf8"
)

// compositions lists, per combining mark, the pairs of ASCII base letter and
// precomposed letter that the mark composes to. The table covers exactly the
// letters of Latin-1 and Latin Extended-A that decompose canonically into an
// ASCII letter and one of these seven marks.
var compositions = [...]struct {
	mark  rune
	pairs string // base letter followed by its precomposed form, repeated
}{
	{'\u0300', "AÀEÈIÌOÒUÙaàeèiìoòuù"},                             // grave
	{'\u0301', "AÁEÉIÍOÓUÚYÝaáeéiíoóuúyýCĆcćLĹlĺNŃnńRŔrŕSŚsśZŹzź"}, // acute
	{'\u0302', "AÂEÊIÎOÔUÛaâeêiîoôuûCĈcĉGĜgĝHĤhĥJĴjĵSŜsŝWŴwŵYŶyŷ"}, // circumflex
	{'\u0303', "AÃNÑOÕaãnñoõIĨiĩUŨuũ"},                             // tilde
	{'\u0308', "AÄEËIÏOÖUÜaäeëiïoöuüyÿYŸ"},                         // diaeresis
	{'\u030A', "AÅaåUŮuů"},                                         // ring above
	{'\u0327', "CÇcçGĢgģKĶkķLĻlļNŅnņRŖrŗSŞsşTŢtţ"},                 // cedilla
}

// composeRune returns the precomposed letter for base followed by the
// combining mark, or 0 if the table has none.
func composeRune(base, mark rune) rune {
	if base >= utf8.RuneSelf {
		return 0
	}
	for _, c := range compositions {
		if c.mark != mark {
			continue
		}
		for i, r := range c.pairs {
			if r == base {
				p, _ := utf8.DecodeRuneInString(c.pairs[i+1:])
				return p
			}
		}
		return 0
	}
	return 0
}

// offsetMap maps byte offsets in composed text back to byte offsets in the
// original text. A nil offsetMap is the identity.
type offsetMap []int

// orig returns the offset in the original text for offset i of the composed
// text. i must be the start of a rune or the end of the composed text.
func (m offsetMap) orig(i int) int {
	if m == nil {
		return i
	}
	return m[i]
}

// compose is the first stage of the analysis pipeline. It replaces each ASCII
// base letter that is directly followed by a combining grave, acute,
// circumflex, tilde, diaeresis, ring above or cedilla (U+0300, U+0301,
// U+0302, U+0303, U+0308, U+030A, U+0327) with the precomposed letter, so that
// a decomposed "a\u0308" is analysed like "ä". This is a small, fast subset of
// Unicode NFC, enough for German and the Latin letters common in news text:
// other sequences, including further marks on an already composed letter, are
// left as they are, and marks are not reordered.
//
// It returns the composed text and a map from its byte offsets to those of
// text; the map is nil when nothing was composed. Invalid UTF-8 is copied
// through unchanged.
func compose(text string) (string, offsetMap) {
	// All seven marks are encoded as 0xCC followed by one byte.
	if strings.IndexByte(text, 0xCC) < 0 {
		return text, nil
	}
	var (
		b    strings.Builder
		m    offsetMap
		done bool // whether anything was composed
	)
	b.Grow(len(text))
	m = make(offsetMap, 0, len(text)+1)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if i+size < len(text) {
			mark, msize := utf8.DecodeRuneInString(text[i+size:])
			if c := composeRune(r, mark); c != 0 {
				n := utf8.RuneLen(c)
				b.WriteRune(c)
				for range n {
					m = append(m, i)
				}
				i += size + msize
				done = true
				continue
			}
		}
		b.WriteString(text[i : i+size])
		for range size {
			m = append(m, i)
		}
		i += size
	}
	if !done {
		return text, nil
	}
	m = append(m, len(text))
	return b.String(), m
}
