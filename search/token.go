package search

// Token is one analysed term occurrence: the unit that is indexed and that a
// query term is matched against.
type Token struct {
	Term    string // index term: the stem of the folded surface form
	Surface string // folded surface form: lower case, ä→ae, ö→oe, ü→ue, ß→ss
	Start   int    // byte offset of the occurrence in the original text
	End     int    // byte offset just past the occurrence
	Pos     int    // word position, counting from 0, for proximity and phrases
}

// joinKind tells how a token is attached to the token before it.
type joinKind uint8

const (
	joinNone   joinKind = iota // a new word
	joinHyphen                 // a compound part after a hyphen: US-Präsident
	joinGender                 // a gender suffix: Nutzer*innen, NutzerInnen
)

// tokenKind tells what a token stands for after compound expansion.
type tokenKind uint8

const (
	kindWord   tokenKind = iota // a simple word
	kindJoined                  // a whole compound, written without its joiners
	kindPart                    // one part of a compound
)

// token is one term occurrence as it flows through the analysis pipeline.
// Each stage reads and rewrites text; offsets always refer to the text given
// to the analyzer.
type token struct {
	text    string   // the term as rewritten by the stages so far
	surface string   // folded surface form, set by the fold stage
	start   int      // byte offset in the analysed text
	end     int      // byte offset just past the token
	pos     int      // word position
	join    joinKind // attachment to the previous token, set by the tokenizer
	suffix  bool     // a bare gender suffix (in, innen): part of a compound only
	kind    tokenKind
	stop    bool // a stop word, set by the stop stage
}
