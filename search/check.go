package search

import "fmt"

// The checks of postings and counts lists that Decode runs on every list
// are the iterators' checks, in loops of their own: decoding is on the
// path of starting the app.

// listChecker checks the document headers of a postings or counts list,
// see appendDocHeader, as a docIter does.
type listChecker struct {
	data  []byte
	off   int
	ndocs int
	doc   int // -1 before the first
}

// uvarint reads a uvarint, or returns false.
func (c *listChecker) uvarint() (uint64, bool) {
	if c.off < len(c.data) {
		if b := c.data[c.off]; b < 0x80 {
			c.off++
			return uint64(b), true
		}
	}
	v, off := uvarintLong(c.data, c.off)
	if off < 0 {
		return 0, false
	}
	c.off = off
	return v, true
}

// peek decodes the next document header if it takes one or two bytes and
// is valid, and returns the offset after it, its document and its kind; -1
// for the kind otherwise.
func (c *listChecker) peek() (off, doc int, kind int) {
	i := c.off
	h := uint64(c.data[i])
	i++
	if h >= 0x80 {
		if i >= len(c.data) || c.data[i] >= 0x80 {
			return 0, 0, -1
		}
		h = h&0x7f | uint64(c.data[i])<<7
		i++
	}
	d := int(h >> 2)
	switch {
	case c.doc < 0:
		if d >= c.ndocs {
			return 0, 0, -1
		}
	case d == 0 || d >= c.ndocs-c.doc:
		return 0, 0, -1
	default:
		d += c.doc
	}
	return i, d, int(h & 3)
}

// next reads the next document header into tf and returns "" or what is
// wrong with it.
func (c *listChecker) next(tf *[NumFields]uint64) string {
	h, ok := c.uvarint()
	if !ok {
		return "bad varint"
	}
	switch d := h >> 2; {
	case c.doc < 0:
		if d >= uint64(c.ndocs) {
			return fmt.Sprintf("document %d out of range", d)
		}
		c.doc = int(d)
	case d == 0 || d >= uint64(c.ndocs-c.doc):
		return fmt.Sprintf("document delta %d out of range", d)
	default:
		c.doc += int(d)
	}
	switch h & 3 {
	case tfBodyOnce:
		*tf = [NumFields]uint64{Body: 1}
	case tfBody:
		n, ok := c.uvarint()
		if !ok {
			return "bad varint"
		}
		if n >= maxPosition-2 {
			return fmt.Sprintf("frequency %d out of range", n+2)
		}
		*tf = [NumFields]uint64{Body: n + 2}
	case tfFields:
		for f := range tf {
			n, ok := c.uvarint()
			if !ok {
				return "bad varint"
			}
			if n >= maxPosition {
				return fmt.Sprintf("frequency %d out of range", n)
			}
			tf[f] = n
		}
		if tf[Title] == 0 && tf[Kicker] == 0 {
			return fmt.Sprintf("document %d: fields header without title or kicker", c.doc)
		}
	default:
		return "bad header kind"
	}
	return ""
}

// checkPostings checks the postings list data of an index with ndocs
// documents fully, as a postingIter would find it when reading every
// document and position, and returns the number of documents and of
// occurrences, at most maxPosition.
func checkPostings(data []byte, ndocs int) (df, cf int, err error) {
	n, off := uvarintAt(data, 0)
	if off < 0 || n > uint64(len(data)-off) {
		return 0, 0, fmt.Errorf("postings: bad length of documents: %w", ErrCorrupt)
	}
	c := listChecker{data: data[off : off+int(n)], ndocs: ndocs, doc: -1}
	pos, p := data[off+int(n):], 0
	var tf [NumFields]uint64
	for c.off < len(c.data) {
		df++
		// The commonest header, as in checkCounts, once in the body, at a
		// position of one byte: decoded here, the others by next and
		// checkPositions.
		if p < len(pos) && pos[p] < 0x80 {
			if i, doc, kind := c.peek(); kind == tfBodyOnce {
				c.off, c.doc = i, doc
				cf = min(cf+1, maxPosition)
				p++
				continue
			}
		}
		if msg := c.next(&tf); msg != "" {
			return 0, 0, fmt.Errorf("postings at offset %d: %s: %w", c.off, msg, ErrCorrupt)
		}
		for _, n := range tf {
			cf = min(cf+int(n), maxPosition)
			// Every position takes at least one byte.
			if n > uint64(len(pos)-p) {
				return 0, 0, positionsError(p, "term frequency %d exceeds positions", n)
			}
			if p, err = checkPositions(pos, p, n); err != nil {
				return 0, 0, err
			}
		}
	}
	if p != len(pos) {
		return 0, 0, positionsError(p, "%d bytes after the positions", len(pos)-p)
	}
	return df, cf, nil
}

// checkPositions checks the n positions of one field at pos[p:], which
// has at least n bytes, and returns the offset after them.
func checkPositions(pos []byte, p int, n uint64) (int, error) {
	at := uint64(0)
	for i := range n {
		if p >= len(pos) {
			return p, positionsError(p, "truncated")
		}
		v := uint64(pos[p])
		if v < 0x80 {
			p++
		} else {
			next := 0
			if v, next = uvarintLong(pos, p); next < 0 {
				return p, positionsError(p, "bad varint")
			}
			p = next
		}
		if i > 0 && v == 0 {
			return p, positionsError(p, "repeated position")
		}
		at += v
		if v >= maxPosition || at >= maxPosition {
			return p, positionsError(p, "position %d out of range", at)
		}
	}
	return p, nil
}

// positionsError returns the error of corrupt positions at offset off of
// the positions part of a postings list.
func positionsError(off int, format string, args ...any) error {
	return fmt.Errorf("positions at offset %d: %s: %w", off, fmt.Sprintf(format, args...), ErrCorrupt)
}

// checkCounts checks the counts list data of an index with ndocs documents
// fully and returns the number of documents and of occurrences, at most
// maxPosition.
func checkCounts(data []byte, ndocs int) (df, cf int, err error) {
	c := listChecker{data: data, ndocs: ndocs, doc: -1}
	var tf [NumFields]uint64
	for c.off < len(c.data) {
		df++
		// The common headers in the body only, with at most one byte of
		// frequency, are decoded here; next decodes the others and finds
		// every error.
		switch i, doc, kind := c.peek(); kind {
		case tfBodyOnce:
			c.off, c.doc = i, doc
			cf = min(cf+1, maxPosition)
			continue
		case tfBody:
			if i < len(c.data) && c.data[i] < 0x80 {
				c.off, c.doc = i+1, doc
				cf = min(cf+int(c.data[i])+2, maxPosition)
				continue
			}
		}
		if msg := c.next(&tf); msg != "" {
			return 0, 0, fmt.Errorf("counts at offset %d: %s: %w", c.off, msg, ErrCorrupt)
		}
		for _, n := range tf {
			cf = min(cf+int(n), maxPosition)
		}
	}
	return df, cf, nil
}
