package search

// rewriter collects the rewritten texts of many tokens in one buffer and
// turns it into a string once, so that a filter allocates a few times per
// analysed text instead of once per changed token.
type rewriter struct {
	buf   []byte
	edits []edit
}

// edit records that token i gets the text buf[from:to].
type edit struct {
	i, from, to int
}

// mark records that the bytes appended to w.buf since from are the new text
// of token i.
func (w *rewriter) mark(i, from int) {
	w.edits = append(w.edits, edit{i, from, len(w.buf)})
}

// apply calls set with each recorded token and its new text.
func (w *rewriter) apply(set func(i int, text string)) {
	if len(w.edits) == 0 {
		return
	}
	s := string(w.buf)
	for _, e := range w.edits {
		set(e.i, s[e.from:e.to])
	}
}
