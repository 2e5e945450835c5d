package search

import (
	"encoding/binary"
	"fmt"
)

// maxPosition bounds word positions and field lengths, keeping them well
// inside int32 and the BM25 arithmetic exact.
const maxPosition = 1 << 30

// A postings list holds, for one term, the documents it occurs in, in
// increasing order. Each document is encoded as
//
//	uvarint doc    the document number; for all but the first, the difference
//	               to the previous document (at least 1)
//	per field:
//	  uvarint tf   the number of occurrences in the field
//	  tf × uvarint the positions; for all but the first, the difference to
//	               the previous position (at least 1)
//
// At least one field of each document has tf > 0.

// appendPosting appends the encoding of one document's occurrences to buf.
// prev is the previous document of the list, or -1 for the first.
func appendPosting(buf []byte, doc, prev int, pos *[NumFields][]int32) []byte {
	if prev < 0 {
		buf = binary.AppendUvarint(buf, uint64(doc))
	} else {
		buf = binary.AppendUvarint(buf, uint64(doc-prev))
	}
	for f := range pos {
		buf = binary.AppendUvarint(buf, uint64(len(pos[f])))
		last := int32(0)
		for i, p := range pos[f] {
			if i == 0 {
				buf = binary.AppendUvarint(buf, uint64(p))
			} else {
				buf = binary.AppendUvarint(buf, uint64(p-last))
			}
			last = p
		}
	}
	return buf
}

// posMode tells a postingIter what to do with positions.
type posMode uint8

const (
	// skipPositions skips positions quickly, checking only that they are
	// there; for lists that were checked when the index was decoded.
	skipPositions posMode = iota
	// checkPositions decodes and checks positions; for decoding untrusted
	// data.
	checkPositions
	// readPositions decodes and checks positions and keeps them in pos.
	readPositions
)

// postingIter reads a postings list. Whatever its mode, it never reads out of
// bounds, and it checks document numbers and frequencies, so that it can be
// run over untrusted data.
type postingIter struct {
	data  []byte
	off   int
	ndocs int // documents in the index: an upper bound for doc
	mode  posMode

	doc int                // current document, -1 before the first
	tf  [NumFields]int     // occurrences per field in doc
	pos [NumFields][]int32 // positions per field in doc, if mode is readPositions
	err error
}

// newPostingIter returns an iterator over the postings list data of an index
// with ndocs documents.
func newPostingIter(data []byte, ndocs int, mode posMode) postingIter {
	return postingIter{data: data, ndocs: ndocs, mode: mode, doc: -1}
}

// next advances to the next document. It returns false at the end of the list
// or on an error, which is then in it.err.
func (it *postingIter) next() bool {
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
		// Every position takes at least one byte.
		if n > uint64(len(it.data)-it.off) {
			return it.fail("term frequency %d exceeds data", n)
		}
		it.tf[f] = int(n)
		total += int(n)
		if it.mode == skipPositions {
			// Each uvarint ends with the first byte below 0x80.
			for k := 0; k < it.tf[f]; it.off++ {
				if it.off >= len(it.data) {
					return it.fail("truncated positions")
				}
				if it.data[it.off] < 0x80 {
					k++
				}
			}
			continue
		}
		it.pos[f] = it.pos[f][:0]
		p := uint64(0)
		for i := range it.tf[f] {
			v, ok := it.uvarint()
			if !ok {
				return false
			}
			if i > 0 && v == 0 {
				return it.fail("repeated position")
			}
			p += v
			if v >= maxPosition || p >= maxPosition {
				return it.fail("position %d out of range", p)
			}
			if it.mode == readPositions {
				it.pos[f] = append(it.pos[f], int32(p))
			}
		}
	}
	if total == 0 {
		return it.fail("document %d without occurrences", it.doc)
	}
	return true
}

// uvarint reads one uvarint, recording an error if there is none.
func (it *postingIter) uvarint() (uint64, bool) {
	v, n := binary.Uvarint(it.data[it.off:])
	if n <= 0 {
		return 0, it.fail("bad varint")
	}
	it.off += n
	return v, true
}

// fail records a decoding error and returns false.
func (it *postingIter) fail(format string, args ...any) bool {
	it.err = fmt.Errorf("postings at offset %d: %s: %w", it.off, fmt.Sprintf(format, args...), ErrCorrupt)
	return false
}
