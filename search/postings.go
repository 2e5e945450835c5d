package search

import (
	"encoding/binary"
	"fmt"
)

// maxPosition bounds word positions and field lengths, keeping them well
// inside int32 and the BM25 arithmetic exact.
const maxPosition = 1 << 30

// A document header tells, in a postings or counts list, which document
// comes next and how often the term or surface form occurs in each of its
// fields, in one uvarint
//
//	h = delta<<2 | kind
//
// where delta is the document number for the first document of the list
// and the difference to the previous document (at least 1) for the others.
// Most words occur in the body only, most of them once, so kind says how
// the frequencies follow:
//
//	tfBodyOnce  once in the body, nowhere else; nothing follows
//	tfBody      only in the body, at least twice; uvarint tf-2 follows
//	tfFields    in the title or kicker; NumFields × uvarint tf follow
//
// Kind 3 is invalid, and so is tfFields with neither title nor kicker.
const (
	tfBodyOnce = iota
	tfBody
	tfFields
)

// appendDocHeader appends the header of document doc, whose frequencies per
// field are tf (at least one positive), to buf. prev is the previous
// document of the list, or -1 for the first.
func appendDocHeader(buf []byte, doc, prev int, tf *[NumFields]int32) []byte {
	delta := uint64(doc)
	if prev >= 0 {
		delta = uint64(doc - prev)
	}
	switch {
	case tf[Title] > 0 || tf[Kicker] > 0:
		buf = binary.AppendUvarint(buf, delta<<2|tfFields)
		for _, n := range tf {
			buf = binary.AppendUvarint(buf, uint64(n))
		}
		return buf
	case tf[Body] == 1:
		return binary.AppendUvarint(buf, delta<<2|tfBodyOnce)
	}
	buf = binary.AppendUvarint(buf, delta<<2|tfBody)
	return binary.AppendUvarint(buf, uint64(tf[Body]-2))
}

// uvarintAt reads a uvarint at data[off:] and returns it and the offset
// after it, or a negative offset if there is no valid uvarint there.
func uvarintAt(data []byte, off int) (uint64, int) {
	if off < len(data) && data[off] < 0x80 {
		return uint64(data[off]), off + 1 // one byte: most of them
	}
	return uvarintLong(data, off)
}

// uvarintLong is uvarintAt for the values of more than one byte, apart so
// that uvarintAt can be inlined.
func uvarintLong(data []byte, off int) (uint64, int) {
	if off >= len(data) {
		return 0, -1
	}
	v, n := binary.Uvarint(data[off:])
	if n <= 0 {
		return 0, -1
	}
	return v, off + n
}

// docIter reads a list of document headers: a counts list, or the first
// part of a postings list. It never reads out of bounds and checks document
// numbers and frequencies, so that it can be run over untrusted data.
type docIter struct {
	what  string // the kind of list, for errors
	data  []byte
	off   int
	ndocs int // documents in the index: an upper bound for doc

	doc      int            // current document, -1 before the first
	tf       [NumFields]int // occurrences per field in doc, less than maxPosition
	bodyOnly bool           // whether doc has occurrences in the body only
	err      error
}

// next advances to the next document. It returns false at the end of the
// list or on an error, which is then in it.err.
func (it *docIter) next() bool {
	if it.err != nil || it.off >= len(it.data) {
		return false
	}
	h, off := uvarintAt(it.data, it.off)
	if off < 0 {
		return it.fail("bad varint")
	}
	it.off = off
	switch d := h >> 2; {
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
	it.bodyOnly = h&3 != tfFields
	switch h & 3 {
	case tfBodyOnce:
		it.tf = [NumFields]int{Body: 1}
	case tfBody:
		n, off := uvarintAt(it.data, it.off)
		if off < 0 {
			return it.fail("bad varint")
		}
		if n >= maxPosition-2 {
			return it.fail("frequency %d out of range", n+2)
		}
		it.off = off
		it.tf = [NumFields]int{Body: int(n) + 2}
	case tfFields:
		for f := range it.tf {
			n, off := uvarintAt(it.data, it.off)
			if off < 0 {
				return it.fail("bad varint")
			}
			if n >= maxPosition {
				return it.fail("frequency %d out of range", n)
			}
			it.off = off
			it.tf[f] = int(n)
		}
		if it.tf[Title] == 0 && it.tf[Kicker] == 0 {
			return it.fail("document %d: fields header without title or kicker", it.doc)
		}
	default:
		return it.fail("bad header kind")
	}
	return true
}

// docBatchSize is the most documents a docBatch holds.
const docBatchSize = 128

// docBatch holds documents of a docIter decoded in one go, which saves a
// call per document in the loops over many long lists.
type docBatch struct {
	n   int                            // documents in the batch
	doc [docBatchSize]int32            // the documents
	tf  [docBatchSize][NumFields]int32 // their frequencies per field
}

// fill decodes the next documents of the list into b, as many as fit. At
// the end of the list, or on an error, which is then in it.err, b is left
// with fewer documents, none at the very end. It leaves it.tf and
// it.bodyOnly undefined.
func (it *docIter) fill(b *docBatch) {
	b.n = 0
	for b.n < docBatchSize {
		it.fillFast(b)
		if b.n == docBatchSize || !it.next() {
			return
		}
		b.doc[b.n] = int32(it.doc)
		for f, n := range it.tf {
			b.tf[b.n][f] = int32(n)
		}
		b.n++
	}
}

// fillFast decodes the next documents into b as fill does, as long as
// their headers are of the common kinds in the body only, of one byte with
// at most one byte of frequency that follows. It leaves the others, and
// every error, to next.
func (it *docIter) fillFast(b *docBatch) {
	data, off, doc := it.data, it.off, it.doc
	if doc < 0 || it.err != nil {
		return
	}
loop:
	for b.n < docBatchSize && off+1 < len(data) {
		h := data[off]
		d := int(h >> 2)
		if h >= 0x80 || d == 0 || d >= it.ndocs-doc {
			break
		}
		n := int32(1)
		switch h & 3 {
		case tfBodyOnce:
			off++
		case tfBody:
			v := data[off+1]
			if v >= 0x80 {
				break loop
			}
			n = int32(v) + 2
			off += 2
		default:
			break loop
		}
		doc += d
		b.doc[b.n] = int32(doc)
		b.tf[b.n] = [NumFields]int32{Body: n}
		b.n++
	}
	it.off, it.doc = off, doc
}

// fail records a decoding error and returns false.
func (it *docIter) fail(format string, args ...any) bool {
	it.err = fmt.Errorf("%s at offset %d: %s: %w", it.what, it.off, fmt.Sprintf(format, args...), ErrCorrupt)
	return false
}

// A postings list holds, for one term, the documents it occurs in, in
// increasing order, with the frequencies per field, and then the positions
// of the occurrences, apart, so that a search that needs no positions reads
// only the documents:
//
//	uvarint n        the length of the documents part in bytes
//	documents        a document header per document, see appendDocHeader
//	positions        per document and field, tf uvarint positions: the
//	                 first the position itself, the others the difference
//	                 to the previous position (at least 1)

// postingsWriter builds the postings list of one term during Build.
type postingsWriter struct {
	docs, pos []byte
	prev      int // last document added, -1 if none
	df        int
}

// add appends the occurrences of the term in document doc, at least one,
// with their positions per field.
func (w *postingsWriter) add(doc int, pos *[NumFields][]int32) {
	var tf [NumFields]int32
	for f := range pos {
		tf[f] = int32(len(pos[f]))
		last := int32(0)
		for i, p := range pos[f] {
			if i == 0 {
				w.pos = binary.AppendUvarint(w.pos, uint64(p))
			} else {
				w.pos = binary.AppendUvarint(w.pos, uint64(p-last))
			}
			last = p
		}
	}
	w.docs = appendDocHeader(w.docs, doc, w.prev, &tf)
	w.prev = doc
	w.df++
}

// list returns the postings list.
func (w *postingsWriter) list() []byte {
	b := make([]byte, 0, binary.MaxVarintLen64+len(w.docs)+len(w.pos))
	b = binary.AppendUvarint(b, uint64(len(w.docs)))
	b = append(b, w.docs...)
	return append(b, w.pos...)
}

// posMode tells a postingIter what to do with positions.
type posMode uint8

const (
	// skipPositions reads the documents only, not the positions; for lists
	// that were checked when the index was decoded (see checkPostings).
	skipPositions posMode = iota
	// readPositions decodes and checks the positions of a document when
	// asked to by postingIter.positions, and skips them otherwise.
	readPositions
)

// postingIter reads a postings list. Whatever its mode, it never reads out of
// bounds, and it checks document numbers and frequencies, so that it can be
// run over untrusted data.
type postingIter struct {
	docIter
	posData []byte // the positions part of the list
	poff    int
	mode    posMode
	pending int // positions of doc not read yet, in readPositions mode

	pos [NumFields][]int32 // positions per field in doc, see positions
}

// newPostingIter returns an iterator over the postings list data of an index
// with ndocs documents.
func newPostingIter(data []byte, ndocs int, mode posMode) postingIter {
	it := postingIter{docIter: docIter{what: "postings", ndocs: ndocs, doc: -1}, mode: mode}
	n, off := uvarintAt(data, 0)
	if off < 0 || n > uint64(len(data)-off) {
		it.fail("bad length of documents")
		return it
	}
	it.data = data[off : off+int(n)]
	it.posData = data[off+int(n):]
	return it
}

// next advances to the next document. It returns false at the end of the list
// or on an error, which is then in it.err.
func (it *postingIter) next() bool {
	if it.pending > 0 && !it.skipPending() {
		return false
	}
	if !it.docIter.next() {
		return false
	}
	if it.mode == readPositions {
		it.pending = 0
		for _, n := range it.tf {
			it.pending += n
		}
		// Every position takes at least one byte.
		if it.pending > len(it.posData)-it.poff {
			return it.fail("term frequencies %v exceed positions", it.tf)
		}
	}
	return true
}

// skipPending skips the positions of the current document that were not
// read.
func (it *postingIter) skipPending() bool {
	// Each uvarint ends with the first byte below 0x80.
	for k := 0; k < it.pending; it.poff++ {
		if it.poff >= len(it.posData) {
			return it.fail("truncated positions")
		}
		if it.posData[it.poff] < 0x80 {
			k++
		}
	}
	it.pending = 0
	return true
}

// positions reads the positions of the current document into it.pos, in
// readPositions mode. It returns false on an error, which is then in
// it.err.
func (it *postingIter) positions() bool {
	if it.mode != readPositions || it.pending == 0 {
		return it.err == nil
	}
	it.pending = 0
	for f, n := range it.tf {
		// Every position takes at least one byte.
		if n > len(it.posData)-it.poff {
			return it.fail("term frequency %d exceeds positions", n)
		}
		it.pos[f] = it.pos[f][:0]
		p := uint64(0)
		for i := range n {
			v, off := uvarintAt(it.posData, it.poff)
			if off < 0 {
				return it.fail("bad varint in positions")
			}
			it.poff = off
			if i > 0 && v == 0 {
				return it.fail("repeated position")
			}
			p += v
			if v >= maxPosition || p >= maxPosition {
				return it.fail("position %d out of range", p)
			}
			it.pos[f] = append(it.pos[f], int32(p))
		}
	}
	return true
}
