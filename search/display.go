package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spelling is an original spelling of a folded surface form, counted during
// Build to choose its display form.
type spelling struct {
	surface string // folded surface form
	orig    string // the word as written in a document
}

// displayForms returns, for each of the sorted surface forms surfs, its
// display form: the spelling most often written in the documents, ties to
// the smallest, with decomposed umlauts composed and invisible format
// characters removed ("microsoft" → "Microsoft", "uebernahme" →
// "Übernahme"). Suggestions show it.
func displayForms(surfs []string, spellings map[spelling]int32) []string {
	type choice struct {
		orig string
		n    int32
	}
	best := make(map[string]choice, len(surfs))
	for sp, n := range spellings {
		c, ok := best[sp.surface]
		if !ok || n > c.n || n == c.n && sp.orig < c.orig {
			best[sp.surface] = choice{sp.orig, n}
		}
	}
	out := make([]string, len(surfs))
	for i, s := range surfs {
		out[i] = cleanSpelling(best[s].orig)
		if out[i] == "" {
			out[i] = s
		}
	}
	return out
}

// cleanSpelling returns the original spelling s composed and without
// invisible format characters.
func cleanSpelling(s string) string {
	s, _ = compose(s)
	if !strings.ContainsFunc(s, isIgnorable) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isIgnorable(r) {
			return -1
		}
		return r
	}, s)
}

// display returns the display form of surface form i.
func (ix *Index) display(i int) string {
	switch ix.dispKind[i] {
	case dispSame:
		return ix.surfs[i]
	case dispTitle:
		return titleCase(ix.surfs[i])
	}
	return ix.disp[i]
}

// How a display form is encoded, relative to its folded surface form.
const (
	dispSame  = 0 // the surface form itself
	dispTitle = 1 // the surface form with its first letter upper case
	dispOwn   = 2 // spelt out
)

// displayKind returns how the display form d of surface form s is encoded.
func displayKind(s, d string) int {
	switch d {
	case s:
		return dispSame
	case titleCase(s):
		return dispTitle
	}
	return dispOwn
}

// titleCase returns s with its first rune upper case.
func titleCase(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	u := unicode.ToUpper(r)
	if u == r || r == utf8.RuneError {
		return s
	}
	return string(u) + s[size:]
}
