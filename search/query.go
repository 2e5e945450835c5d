package search

import "unicode/utf8"

// Limits that bound the work of a query, whatever is typed or pasted.
const (
	// MaxQueryBytes is the longest query analysed; longer queries are cut at
	// the last rune boundary before it.
	MaxQueryBytes = 512
	// MaxQueryTerms is the most terms a query has after analysis, counting
	// the terms of phrases and of exclusions; further terms are ignored.
	MaxQueryTerms = 16
	// MaxPrefixExpansions is the most index terms the prefix term of a query
	// expands to. When more words start with the prefix, the terms of the
	// most documents are kept.
	MaxPrefixExpansions = 200
)

// Query is a parsed query: the analysed terms and phrases that a document
// must all match, and those it must not match.
type Query struct {
	// Terms are the single words that must match, each in some field.
	Terms []QueryTerm
	// Phrases are the quoted phrases that must match, each in one field.
	Phrases []Phrase
	// Exclude are the words and phrases after a minus: a document that
	// matches any of them is left out. A single word is a one-term phrase.
	Exclude []Phrase
	// Truncated reports that the query exceeded MaxQueryBytes or
	// MaxQueryTerms and its end was ignored.
	Truncated bool
}

// QueryTerm is one analysed term of a query.
type QueryTerm struct {
	Term    string // stem term, as in the index
	Surface string // folded surface form as typed: lower case, ä→ae, ß→ss
	// Prefix is set for the last term while it is being typed, that is, when
	// the query does not end in whitespace. The term then matches every word
	// whose folded surface form starts with Surface, and it matches Term only
	// if Surface is itself a word of the index, not just a stem of one.
	Prefix bool
}

// Phrase is a sequence of terms that must occur in this order at the given
// distances, as in a quoted query.
type Phrase struct {
	Terms []QueryTerm // never prefix terms
	// Pos is the position of each term relative to the first. Stop words
	// are not terms but count: "Schutz der Privatsphäre" has Pos [0, 2].
	Pos []int
}

// has reports whether q has a non-prefix term term.
func (q *Query) has(term string) bool {
	for _, qt := range q.Terms {
		if qt.Term == term && !qt.Prefix {
			return true
		}
	}
	return false
}

// cutRunes returns the longest prefix of s of at most n bytes that does not
// end inside a UTF-8 sequence.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// A UTF-8 sequence is at most utf8.UTFMax bytes; in invalid text any
	// cut will do.
	for i := n; i >= 0 && i > n-utf8.UTFMax; i-- {
		if i == 0 || utf8.RuneStart(s[i]) {
			return s[:i]
		}
	}
	return s[:n]
}
