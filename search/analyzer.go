package search

// Analyzer turns text into index terms with the German analysis pipeline:
// compose, tokenize, lowercase, compound, stop, fold, stem (see the package
// documentation). The same Analyzer must be used for building the index and
// for queries. An Analyzer has no mutable state and is safe for concurrent
// use; the zero value and a nil *Analyzer are ready to use.
type Analyzer struct{}

// NewAnalyzer returns the default German analyzer.
func NewAnalyzer() *Analyzer {
	return &Analyzer{}
}

// Analyze returns the index terms of text in order of position. A compound
// yields its joined form first, then its parts. Stop words are left out.
// Offsets refer to text as given.
func (a *Analyzer) Analyze(text string) []Token {
	ts := a.analyze(text, analyzeOptions{stem: true})
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = Token{Term: t.text, Surface: t.surface, Start: t.start, End: t.end, Pos: t.pos}
	}
	return out
}

// analyzeOptions select variants of the pipeline for internal callers.
type analyzeOptions struct {
	keepStop bool              // mark stop words instead of removing them (queries)
	stem     bool              // run the stemmer; highlighting needs only surfaces
	cache    map[string]string // memoised stems, or nil
	scratch  *scratch          // buffers to reuse, or nil
	// surfaces runs the stages after the tokenizer in one pass that
	// allocates once, for the highlighter: the tokens are those of the
	// pipeline without stemming and with stop words removed. It requires
	// scratch and ignores keepStop and stem.
	surfaces bool
	// starts, with surfaces, leaves out the words that are not part of a
	// compound and whose surface form does not start as one in the set:
	// the highlighter needs only the words that may match.
	starts *startSet
}

// scratch holds token buffers that one goroutine reuses across analyses,
// which saves allocating and garbage collecting them for every text. The
// tokens of an analysis are valid until the next analysis with the same
// scratch.
type scratch struct {
	tokens, compounds []token
	lower, folded     []byte     // for the surfaces option
	edits             []surfEdit // for the surfaces option
}

// analyze runs the pipeline on text and returns the tokens with offsets in
// text.
func (a *Analyzer) analyze(text string, opt analyzeOptions) []token {
	composed, m := compose(text)
	var ts []token
	if sc := opt.scratch; sc != nil {
		sc.tokens = appendTokens(sc.tokens[:0], composed)
		ts = sc.tokens
	} else {
		ts = tokenize(composed)
	}
	if m != nil {
		for i := range ts {
			ts[i].start = m.orig(ts[i].start)
			ts[i].end = m.orig(ts[i].end)
		}
	}
	if opt.surfaces {
		return foldSurfaces(ts, opt.scratch, opt.starts)
	}
	ts = lowercaseFilter(ts)
	if sc := opt.scratch; sc != nil {
		sc.compounds = appendCompounds(sc.compounds[:0], ts)
		ts = sc.compounds
	} else {
		ts = compoundFilter(ts)
	}
	ts = stopFilter(ts, !opt.keepStop)
	ts = foldFilter(ts)
	if opt.stem {
		ts = stemFilter(ts, opt.cache)
	}
	return ts
}
