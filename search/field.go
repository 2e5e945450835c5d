package search

import "strconv"

// Field identifies a searchable part of an article. Fields are ranked
// differently: a match in the title counts more than one in the body.
type Field uint8

// The searchable fields of a [Document].
const (
	Title     Field = iota // the headline
	Kicker                 // the short line above the headline
	Body                   // the article text
	NumFields              // number of fields; not a field itself
)

// fieldNames are the names returned by [Field.String].
var fieldNames = [NumFields]string{"title", "kicker", "body"}

// String returns the lower-case name of f, such as "title", for logs and
// debugging output.
func (f Field) String() string {
	if f < NumFields {
		return fieldNames[f]
	}
	return "Field(" + strconv.Itoa(int(f)) + ")"
}

// Document is the searchable text of one article, by field.
type Document struct {
	Fields [NumFields]string
}

// Span is a half-open byte range [Start, End) in a field's original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
