package search

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComposeJoinsBaseAndCombiningMark(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"a\u0308", "ä"},
		{"U\u0308bernahme", "Übernahme"},
		{"Bu\u0308ro und Bo\u0308rse", "Büro und Börse"},
		{"Cafe\u0301", "Café"},
		{"e\u0300 e\u0302 n\u0303 A\u030A c\u0327 S\u0327 Y\u0308", "è ê ñ Å ç Ş Ÿ"},
		{"Ła\u0308", "Łä"},
		{"o\u0308\u0301", "ö\u0301"},         // a second mark stays
		{"\u0308a", "\u0308a"},               // a mark without base stays
		{"ß\u0308", "ß\u0308"},               // no precomposed letter
		{"x\u0308", "x\u0308"},               // likewise
		{"a\u0323", "a\u0323"},               // a mark outside the table
		{"\xff\u0308a\u0308", "\xff\u0308ä"}, // invalid UTF-8 is kept
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, m := compose(tt.in)
			assert.Equal(t, tt.want, got)
			if got == tt.in {
				assert.Nil(t, m)
				return
			}
			require.Len(t, m, len(got)+1)
			assert.Equal(t, len(tt.in), m.orig(len(got)))
		})
	}
}

func TestComposeLeavesTextWithoutMarksAlone(t *testing.T) {
	for _, s := range []string{"", "Übernahme", "日本語 🦊", "\xcc"} {
		got, m := compose(s)
		assert.Equal(t, s, got)
		assert.Nil(t, m)
	}
}

func TestComposeMapsOffsetsToOriginalText(t *testing.T) {
	in := "Die U\u0308bernahme, a\u0308 ok"
	got, m := compose(in)
	require.Equal(t, "Die Übernahme, ä ok", got)
	// Every rune of the composed text maps to the start of the runes it
	// came from.
	wantStarts := map[string]string{
		"Ü": "U\u0308", "b": "b", "ä": "a\u0308", ",": ",",
	}
	for i, r := range got {
		o := m.orig(i)
		require.True(t, utf8.RuneStart(in[o]))
		if src, ok := wantStarts[string(r)]; ok {
			assert.Equal(t, src, in[o:o+len(src)], "rune %q at %d", r, i)
		}
	}
	assert.Equal(t, len(in), m.orig(len(got)))
	assert.Equal(t, "U\u0308bernahme", in[m.orig(4):m.orig(4+len("Übernahme"))])
}

func TestCompositionTableIsWellFormed(t *testing.T) {
	for _, c := range compositions {
		rs := []rune(c.pairs)
		require.Equal(t, 0, len(rs)%2, "mark %U", c.mark)
		for i := 0; i < len(rs); i += 2 {
			base, composed := rs[i], rs[i+1]
			assert.True(t, base < utf8.RuneSelf && unicode.IsLetter(base), "base %q", base)
			assert.True(t, unicode.IsLetter(composed), "composed %q", composed)
			assert.True(t, composed >= 0xC0 && composed < 0x180, "%q is not in Latin-1 or Latin Extended-A", composed)
			assert.Equal(t, unicode.IsUpper(base), unicode.IsUpper(composed), "case of %q and %q", base, composed)
			assert.Equal(t, composed, composeRune(base, c.mark))
		}
	}
}
