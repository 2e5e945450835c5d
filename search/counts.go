package search

import (
	"encoding/binary"
	"fmt"
)

// A counts list holds, for one surface form, the documents it occurs in, in
// increasing order, with the number of occurrences per field but no
// positions: the exact-form statistics that let a word typed in full rank
// above its other inflected forms. Each document is encoded as
//
//	uvarint doc   the document number; for all but the first, the
//	              difference to the previous document (at least 1)
//	NumFields × uvarint tf
//
// At least one field of each document has tf > 0.

// appendCounts appends the encoding of one document's occurrence counts to
// buf. prev is the previous document of the list, or -1 for the first.
func appendCounts(buf []byte, doc, prev int, tf *[NumFields]int32) []byte {
	if prev < 0 {
		buf = binary.AppendUvarint(buf, uint64(doc))
	} else {
		buf = binary.AppendUvarint(buf, uint64(doc-prev))
	}
	for _, n := range tf {
		buf = binary.AppendUvarint(buf, uint64(n))
	}
	return buf
}

// countIter reads a counts list. It never reads out of bounds and checks
// document numbers and counts, so that it can be run over untrusted data.
type countIter struct {
	data  []byte
	off   int
	ndocs int

	doc int            // current document, -1 before the first
	tf  [NumFields]int // occurrences per field in doc
	err error
}

// newCountIter returns an iterator over the counts list data of an index
// with ndocs documents.
func newCountIter(data []byte, ndocs int) countIter {
	return countIter{data: data, ndocs: ndocs, doc: -1}
}

// next advances to the next document. It returns false at the end of the
// list or on an error, which is then in it.err.
func (it *countIter) next() bool {
	if it.err != nil || it.off >= len(it.data) {
		return false
	}
	d, ok := it.uvarint()
	if !ok {
		return false
	}
	switch {
	case it.doc < 0:
		if d >= uint64(it.ndocs) {
			return it.fail("document %d out of range", d)
		}
		it.doc = int(d)
	case d == 0 || d >= uint64(it.ndocs-it.doc):
		return it.fail("document delta %d out of range", d)
	default:
		it.doc += int(d)
	}
	total := 0
	for f := range it.tf {
		n, ok := it.uvarint()
		if !ok {
			return false
		}
		if n >= maxPosition {
			return it.fail("count %d out of range", n)
		}
		it.tf[f] = int(n)
		total += int(n)
	}
	if total == 0 {
		return it.fail("document %d without occurrences", it.doc)
	}
	return true
}

// uvarint reads one uvarint, recording an error if there is none.
func (it *countIter) uvarint() (uint64, bool) {
	v, n := binary.Uvarint(it.data[it.off:])
	if n <= 0 {
		return 0, it.fail("bad varint")
	}
	it.off += n
	return v, true
}

// fail records a decoding error and returns false.
func (it *countIter) fail(format string, args ...any) bool {
	it.err = fmt.Errorf("counts at offset %d: %s: %w", it.off, fmt.Sprintf(format, args...), ErrCorrupt)
	return false
}
