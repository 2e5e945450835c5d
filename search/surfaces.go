package search

import (
	"unicode/utf8"

	"chronik/search/german"
)

// surfEdit records that token i of a foldSurfaces result has the surface
// form folded[from:to] of the scratch buffer.
type surfEdit struct {
	i, from, to int
}

// foldSurfaces runs the stages after the tokenizer on ts as the pipeline
// runs them without stemming and with stop words removed: lowercase,
// compound, stop, fold. It does so in one pass with the buffers of sc,
// allocating only the one string that holds the surface forms that differ
// from the words as written. The text of each token is its surface form.
// If starts is not nil, the words outside compounds whose surface forms do
// not start as one in it are left out.
func foldSurfaces(ts []token, sc *scratch, starts *startSet) []token {
	out := sc.compounds[:0]
	low, folded, edits := sc.lower[:0], sc.folded[:0], sc.edits[:0]
	// emitLower appends t with the lower-case text low, unless that is a
	// stop word, with the folded surface form.
	emitLower := func(t token, low []byte) {
		if german.IsStopWord(string(low)) {
			return
		}
		from := len(folded)
		folded = appendFold(folded, low)
		edits = append(edits, surfEdit{len(out), from, len(folded)})
		out = append(out, t)
	}
	// emit appends t, lower-casing and folding its text, unless that is a
	// stop word.
	emit := func(t token) {
		if hasUpper(t.text) {
			low = appendLower(low[:0], t.text)
			emitLower(t, low)
			return
		}
		if german.IsStopWord(t.text) {
			return
		}
		t.surface = t.text
		if hasFoldable(t.text) {
			from := len(folded)
			folded = appendFold(folded, t.text)
			edits = append(edits, surfEdit{len(out), from, len(folded)})
		}
		out = append(out, t)
	}
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].join != joinNone {
			j++
		}
		group := ts[i:j]
		i = j
		if len(group) == 1 {
			if starts == nil || starts.has(group[0].text) {
				emit(group[0])
			}
			continue
		}
		low = low[:0]
		for _, t := range group {
			low = appendLower(low, t.text)
		}
		emitLower(token{
			start: group[0].start,
			end:   group[len(group)-1].end,
			pos:   group[0].pos,
			kind:  kindJoined,
		}, low)
		for _, t := range group {
			if !t.suffix {
				t.kind = kindPart
				emit(t)
			}
		}
	}
	if len(edits) > 0 {
		s := string(folded)
		for _, e := range edits {
			out[e.i].surface = s[e.from:e.to]
		}
	}
	for i := range out {
		out[i].text = out[i].surface
	}
	sc.compounds, sc.lower, sc.folded, sc.edits = out, low, folded, edits
	return out
}

// startSet is a set of the starts of folded surface forms: their first two
// bytes, or their only byte and 0.
type startSet [1 << 16 / 64]uint64

// add adds the start of the surface form w, which is not empty.
func (ss *startSet) add(w string) {
	var b1 byte
	if len(w) > 1 {
		b1 = w[1]
	}
	ss.set(w[0], b1)
}

// addByte adds every start whose first byte is b.
func (ss *startSet) addByte(b byte) {
	for b1 := range 256 {
		ss.set(b, byte(b1))
	}
}

// set adds the start b0, b1.
func (ss *startSet) set(b0, b1 byte) {
	k := int(b0)<<8 | int(b1)
	ss[k/64] |= 1 << (k % 64)
}

// has reports whether the set holds the start of the surface form of the
// word w, which is not empty, as the pipeline lower-cases and folds it.
func (ss *startSet) has(w string) bool {
	b0, b1 := foldedStart(w)
	k := int(b0)<<8 | int(b1)
	return ss[k/64]&(1<<(k%64)) != 0
}

// foldedStart returns the first two bytes of the folded lower-case form of
// the word w, which is not empty, or its only byte and 0.
func foldedStart(w string) (b0, b1 byte) {
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	if c := w[0]; c < utf8.RuneSelf {
		if len(w) == 1 {
			return lower(c), 0
		}
		if d := w[1]; d < utf8.RuneSelf {
			return lower(c), lower(d)
		}
	}
	// Lower-case and fold the first two runes, as the pipeline does.
	n := 0
	for i := range w {
		if n == 2 {
			w = w[:i]
			break
		}
		n++
	}
	var low, folded [4 * utf8.UTFMax]byte
	f := appendFold(folded[:0], appendLower(low[:0], w))
	if len(f) == 1 {
		return f[0], 0
	}
	return f[0], f[1]
}
