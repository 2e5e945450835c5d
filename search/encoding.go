package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// The binary encoding of an Index, all integers as uvarints:
//
//	magic     "CHRONIKX"
//	version   3
//	ndocs
//	nfields   = NumFields
//	lens      nfields × ndocs indexed word counts, field by field
//	nterms
//	terms     nterms × (shared, suffix length, suffix bytes, df, postings
//	          length, postings bytes); terms are front coded against the
//	          previous term and strictly increasing
//	nsurfs
//	surfaces  nsurfs × (shared, suffix length, suffix bytes, term number,
//	          display kind [, display length, display bytes], counts
//	          length, counts bytes); front coded, strictly increasing; the
//	          display form is spelt out only for kind dispOwn; the counts
//	          list is empty if and only if the form is its term's only one
//	ncomps
//	compounds ncomps × (term number, nparts, nparts × part term number);
//	          terms strictly increasing, parts strictly increasing and
//	          other than the compound, 1 <= nparts <= maxStoredParts
//	crc       CRC-32 (IEEE) of everything before it, 4 bytes little endian
//
// Postings lists are described at postingsWriter, counts lists at
// countsWriter.
const (
	magic   = "CHRONIKX"
	version = 4

	// maxPrealloc bounds the list capacity Decode allocates before it has
	// read the entries.
	maxPrealloc = 1 << 16
)

// ErrCorrupt is returned, wrapped with details, by [Decode] for data that is
// not a valid encoded index.
var ErrCorrupt = errors.New("search: corrupt index data")

// Encode encodes the index compactly for [Decode]. The encoding is
// deterministic: the same documents always give identical bytes, so a
// generated index can be checked in and compared. It never returns an
// error. (It is not MarshalBinary: the linker keeps a method that could
// satisfy an interface in use, such as encoding.BinaryMarshaler, in every
// program, and the WASM, which only decodes, would carry 12 KB of encoder.)
func (ix *Index) Encode() ([]byte, error) {
	size := len(magic) + 64 + ix.ndocs*int(NumFields)
	for i, t := range ix.terms {
		size += len(t) + len(ix.post[i]) + 8
	}
	for i, s := range ix.surfs {
		size += 2*len(s) + len(ix.surfPost[i]) + 8
	}
	for _, ps := range ix.compParts {
		size += len(ps)*3 + 4
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	b = binary.AppendUvarint(b, version)
	b = binary.AppendUvarint(b, uint64(ix.ndocs))
	b = binary.AppendUvarint(b, uint64(NumFields))
	for f := range ix.lens {
		for _, n := range ix.lens[f] {
			b = binary.AppendUvarint(b, uint64(n))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(ix.terms)))
	prev := ""
	for i, t := range ix.terms {
		b = appendFrontCoded(b, prev, t)
		b = binary.AppendUvarint(b, uint64(ix.df[i]))
		b = binary.AppendUvarint(b, uint64(len(ix.post[i])))
		b = append(b, ix.post[i]...)
		prev = t
	}
	b = binary.AppendUvarint(b, uint64(len(ix.surfs)))
	prev = ""
	for i, s := range ix.surfs {
		b = appendFrontCoded(b, prev, s)
		b = binary.AppendUvarint(b, uint64(ix.surfTerm[i]))
		kind := ix.dispKind[i]
		b = binary.AppendUvarint(b, uint64(kind))
		if kind == dispOwn {
			b = binary.AppendUvarint(b, uint64(len(ix.disp[i])))
			b = append(b, ix.disp[i]...)
		}
		b = binary.AppendUvarint(b, uint64(len(ix.surfPost[i])))
		b = append(b, ix.surfPost[i]...)
		prev = s
	}
	b = binary.AppendUvarint(b, uint64(len(ix.comp)))
	for i, c := range ix.comp {
		b = binary.AppendUvarint(b, uint64(c))
		b = binary.AppendUvarint(b, uint64(len(ix.compParts[i])))
		for _, p := range ix.compParts[i] {
			b = binary.AppendUvarint(b, uint64(p))
		}
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return b, nil
}

// appendFrontCoded appends s as the length of its common prefix with prev
// and the rest of s.
func appendFrontCoded(b []byte, prev, s string) []byte {
	n := 0
	for n < len(prev) && n < len(s) && prev[n] == s[n] {
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(len(s)-n))
	return append(b, s[n:]...)
}

// Decode restores an index encoded by [Index.Encode]. It checks the
// checksum and every value, so it returns an error wrapping [ErrCorrupt] for
// truncated, corrupt or hostile data instead of panicking or allocating
// without bound. The postings lists of the returned index refer to data,
// which must not be modified afterwards.
func Decode(data []byte) (*Index, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("search: decode: not an index (bad magic): %w", ErrCorrupt)
	}
	body := data[:len(data)-4]
	if sum := binary.LittleEndian.Uint32(data[len(body):]); sum != crc32.ChecksumIEEE(body) {
		return nil, fmt.Errorf("search: decode: checksum mismatch: %w", ErrCorrupt)
	}
	r := &reader{b: body, off: len(magic)}
	if v := r.uvarint("version"); r.err == nil && v != version {
		return nil, fmt.Errorf("search: decode: unsupported version %d, want %d: %w", v, version, ErrCorrupt)
	}
	ix := &Index{}
	// Each entry of a list takes at least one byte, which bounds all counts
	// by the remaining data before anything is allocated. Each document has
	// a length per field.
	ix.ndocs = r.count("document count", int(NumFields))
	if nf := r.uvarint("field count"); r.err == nil && nf != uint64(NumFields) {
		r.fail("field count", "got %d fields, want %d", nf, NumFields)
	}
	for f := range ix.lens {
		if r.err != nil {
			break
		}
		if r.remaining() < ix.ndocs {
			r.fail("field lengths", "truncated")
			break
		}
		ix.lens[f] = make([]int32, ix.ndocs)
		for d := range ix.lens[f] {
			ix.lens[f][d] = int32(r.bounded("field length", maxPosition))
		}
	}
	r.decodeTerms(ix)
	r.decodeSurfaces(ix)
	r.decodeCompounds(ix)
	if r.err == nil && r.remaining() != 0 {
		r.fail("end", "%d bytes of trailing data", r.remaining())
	}
	if r.err != nil {
		return nil, r.err
	}
	ix.derive()
	return ix, nil
}

// decodeTerms reads the terms and their postings lists into ix and checks
// each list fully.
func (r *reader) decodeTerms(ix *Index) {
	n := r.count("term count", 4)
	if r.err != nil {
		return
	}
	c := r.prealloc(n, 48)
	ix.df = make([]int32, 0, c)
	ix.post = make([][]byte, 0, c)
	var (
		list strList
		prev []byte
	)
	list.ends = make([]int, 0, c)
	for i := range n {
		t := r.frontCoded("term", &list, prev, i)
		df := r.bounded("document frequency", ix.ndocs)
		size := r.bounded("postings length", r.remaining())
		post := r.bytes("postings", size)
		if r.err != nil {
			return
		}
		m, cf, err := checkPostings(post, ix.ndocs)
		if err != nil {
			r.err = fmt.Errorf("search: decode: term %q: %w", t, err)
			return
		}
		if m != df || df == 0 {
			r.fail("document frequency", "term %q: %d documents in list, %d recorded", t, m, df)
			return
		}
		ix.df = append(ix.df, int32(df))
		r.termCF = append(r.termCF, int32(cf))
		ix.post = append(ix.post, post)
		prev = t
	}
	ix.terms = list.strings()
}

// decodeSurfaces reads the surface vocabulary into ix and checks each
// counts list fully.
func (r *reader) decodeSurfaces(ix *Index) {
	n := r.count("surface count", 5)
	if r.err != nil {
		return
	}
	c := r.prealloc(n, 72)
	ix.surfTerm = make([]int32, 0, c)
	ix.surfPost = make([][]byte, 0, c)
	ix.disp = make([]string, 0, c)
	ix.dispKind = make([]uint8, 0, c)
	ix.surfDF = make([]int32, 0, c)
	ix.surfCF = make([]int32, 0, c)
	var (
		list strList
		prev []byte
	)
	list.ends = make([]int, 0, c)
	for i := range n {
		s := r.frontCoded("surface form", &list, prev, i)
		t := r.bounded("surface term", len(ix.terms)-1)
		kind := r.bounded("display kind", dispOwn)
		var own string
		if kind == dispOwn {
			size := r.bounded("display length", r.remaining())
			own = string(r.bytes("display form", size))
		}
		size := r.bounded("counts length", r.remaining())
		post := r.bytes("counts", size)
		if r.err != nil {
			return
		}
		df, cf, err := checkCounts(post, ix.ndocs)
		if err != nil {
			r.err = fmt.Errorf("search: decode: surface form %q: %w", s, err)
			return
		}
		if df == 0 && len(post) > 0 {
			r.fail("counts", "surface form %q without documents", s)
			return
		}
		if len(post) == 0 {
			post, df, cf = nil, int(ix.df[t]), int(r.termCF[t])
		}
		ix.surfTerm = append(ix.surfTerm, int32(t))
		ix.dispKind = append(ix.dispKind, uint8(kind))
		ix.disp = append(ix.disp, own)
		ix.surfPost = append(ix.surfPost, post)
		ix.surfDF = append(ix.surfDF, int32(df))
		ix.surfCF = append(ix.surfCF, int32(cf))
		prev = s
	}
	ix.surfs = list.strings()
	// A term's only form has no counts list; other forms have one.
	forms := make([]int, len(ix.terms))
	for _, t := range ix.surfTerm {
		forms[t]++
	}
	for i, t := range ix.surfTerm {
		if (forms[t] == 1) != (ix.surfPost[i] == nil) {
			r.fail("counts", "surface form %q: counts list and %d forms of its term", ix.surfs[i], forms[t])
			return
		}
	}
}

// decodeCompounds reads the compound terms and their parts into ix.
func (r *reader) decodeCompounds(ix *Index) {
	n := r.count("compound count", 3)
	if r.err != nil {
		return
	}
	c := min(n, maxPrealloc)
	ix.comp = make([]int32, 0, c)
	ix.compParts = make([][]int32, 0, c)
	last := -1
	for range n {
		t := r.bounded("compound term", len(ix.terms)-1)
		np := r.bounded("part count", maxStoredParts)
		if r.err == nil && (t <= last || np == 0) {
			r.fail("compound term", "term %d after %d with %d parts", t, last, np)
		}
		if r.err != nil {
			return
		}
		parts := make([]int32, 0, np)
		lastPart := -1
		for range np {
			p := r.bounded("part term", len(ix.terms)-1)
			if r.err == nil && (p <= lastPart || p == t) {
				r.fail("part term", "part %d of compound %d after %d", p, t, lastPart)
			}
			if r.err != nil {
				return
			}
			parts = append(parts, int32(p))
			lastPart = p
		}
		ix.comp = append(ix.comp, int32(t))
		ix.compParts = append(ix.compParts, parts)
		last = t
	}
}

// reader decodes values from a byte slice, bounds-checking each. After the
// first error every method returns a zero value and the error stays in err.
type reader struct {
	b      []byte
	off    int
	err    error
	termCF []int32 // occurrences per term, for the surface forms
}

// remaining returns the number of unread bytes.
func (r *reader) remaining() int {
	return len(r.b) - r.off
}

// fail records an error about the value what at the current offset.
func (r *reader) fail(what, format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("search: decode %s at offset %d: %s: %w", what, r.off, fmt.Sprintf(format, args...), ErrCorrupt)
	}
}

// uvarint reads an unsigned varint.
func (r *reader) uvarint(what string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail(what, "bad varint")
		return 0
	}
	r.off += n
	return v
}

// bounded reads a uvarint that must not exceed max.
func (r *reader) bounded(what string, max int) int {
	v := r.uvarint(what)
	if r.err == nil && (max < 0 || v > uint64(max)) {
		r.fail(what, "%d out of range [0, %d]", v, max)
		return 0
	}
	return int(v)
}

// count reads the length of a list whose entries take at least min bytes
// each, so that it is bounded by the remaining data.
func (r *reader) count(what string, min int) int {
	return r.bounded(what, r.remaining()/min)
}

// bytes returns the next n bytes.
func (r *reader) bytes(what string, n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > r.remaining() {
		r.fail(what, "truncated")
		return nil
	}
	b := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return b
}

// strList collects the strings of a list in one buffer, which saves
// allocating each.
type strList struct {
	buf  []byte
	ends []int // where each string ends in buf
}

// strings returns the strings of l.
func (l *strList) strings() []string {
	all := string(l.buf)
	out := make([]string, len(l.ends))
	start := 0
	for i, end := range l.ends {
		out[i] = all[start:end]
		start = end
	}
	return out
}

// frontCoded reads string number i of a strictly increasing list, front
// coded against the previous string prev, adds it to l and returns it. The
// result is valid until the next call.
func (r *reader) frontCoded(what string, l *strList, prev []byte, i int) []byte {
	shared := r.bounded(what, len(prev))
	size := r.bounded(what, r.remaining())
	suffix := r.bytes(what, size)
	if r.err != nil {
		return nil
	}
	start := len(l.buf)
	l.buf = append(l.buf, prev[:shared]...)
	l.buf = append(l.buf, suffix...)
	s := l.buf[start:]
	if i > 0 && bytes.Compare(s, prev) <= 0 {
		r.fail(what, "%q not after %q", s, prev)
		return nil
	}
	l.ends = append(l.ends, len(l.buf))
	return s
}

// prealloc returns the capacity to allocate up front for a list of n
// entries of which each takes about per bytes in memory, trusting the
// count only so far: hostile data must not make Decode allocate many times
// its size before it has read the entries.
func (r *reader) prealloc(n, per int) int {
	return min(n, max(maxPrealloc, r.remaining()/per))
}
