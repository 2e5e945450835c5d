package search

import (
	"unicode"
	"unicode/utf8"
)

// Limits that bound the work of a query, whatever is typed or pasted.
const (
	// MaxQueryBytes is the longest query analysed; longer queries are cut at
	// the last rune boundary before it.
	MaxQueryBytes = 512
	// MaxQueryTerms is the most terms a query has after analysis; further
	// terms are ignored.
	MaxQueryTerms = 16
	// MaxPrefixExpansions is the most index terms the prefix term of a query
	// expands to. When more words start with the prefix, the terms of the
	// most documents are kept.
	MaxPrefixExpansions = 200
)

// Query is a parsed query: the analysed terms that a document must all
// match.
type Query struct {
	Terms []QueryTerm
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

// parseQuery analyses text as a query. Stop words are dropped, except that a
// stop word being typed is kept as a prefix term and its index is returned
// as soft, because it may be the start of a content word ("über" →
// "Übernahme"); soft is -1 otherwise. A compound contributes its joined
// form only: the whole compound must match. Repeated terms are dropped.
func parseQuery(text string) (q Query, soft int) {
	soft = -1
	if len(text) > MaxQueryBytes {
		text = cutRunes(text, MaxQueryBytes)
		q.Truncated = true
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	typing := text != "" && !unicode.IsSpace(last)

	ts := NewAnalyzer().analyze(text, analyzeOptions{keepStop: true, stem: true})
	// The last word is the last token that is not a compound part.
	lastWord := -1
	for i, t := range ts {
		if t.kind != kindPart {
			lastWord = i
		}
	}
	for i, t := range ts {
		if t.kind == kindPart {
			continue
		}
		prefix := typing && i == lastWord
		if t.stop && !prefix || !prefix && q.has(t.text) {
			continue
		}
		if len(q.Terms) == MaxQueryTerms {
			q.Truncated = true
			break
		}
		if prefix && t.stop {
			soft = len(q.Terms)
		}
		q.Terms = append(q.Terms, QueryTerm{Term: t.text, Surface: t.surface, Prefix: prefix})
	}
	return q, soft
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
