package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
)

// section is one kind of content of an encoded search index: all bytes of
// that kind, concatenated in index order.
type section struct {
	name string
	data []byte
}

// The sections an index is split into by indexSections, in this order.
const (
	secHeader      = iota // magic, version, counts, checksum
	secLengths            // indexed words per field and document, for BM25
	secTerms              // the stem terms, front coded
	secTermMeta           // per term: document frequency, postings length (v4: headers length)
	secDocs               // postings: document numbers (deltas; v4: with the frequency kind)
	secFreqs              // postings: occurrences per field (v4: only those not implied)
	secPositions          // postings: word positions (deltas)
	secSurfaces           // the folded surface forms, front coded
	secSurfaceMeta        // term, display form and counts length per surface form
	secCounts             // counts lists of surface forms: documents and occurrences
	secCompounds          // the parts of compound terms
	numSections
)

// sectionNames name the sections in metrics.
var sectionNames = [numSections]string{
	"header", "lengths", "terms", "term-meta", "docs", "freqs", "positions",
	"surfaces", "surface-meta", "counts", "compounds",
}

// Index format constants of package search (versions 3 and 4, documented
// at search.Index.Encode); indexSections checks them.
const (
	indexMagic = "CHRONIKX"
	dispOwn    = 2 // display kind: the display form is spelt out
	// Version 4 document headers: h = delta<<2 | kind.
	tfBody   = 1 // body only, at least twice: tf-2 follows
	tfFields = 2 // in the title or kicker: a tf per field follows
)

// errFormat is returned by indexSections for an index it cannot split.
var errFormat = errors.New("not a version 3 or 4 index")

// sectionReader splits an encoded index into sections as it reads it.
type sectionReader struct {
	b       []byte
	off     int
	version uint64
	nfields uint64
	secs    [numSections][]byte
	err     error
}

// uvarint reads a uvarint and appends its bytes to section s.
func (r *sectionReader) uvarint(s int) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.err = fmt.Errorf("bad uvarint at offset %d: %w", r.off, errFormat)
		return 0
	}
	r.secs[s] = append(r.secs[s], r.b[r.off:r.off+n]...)
	r.off += n
	return v
}

// bytes reads n bytes and appends them to section s.
func (r *sectionReader) bytes(s int, n uint64) {
	if r.err != nil {
		return
	}
	if n > uint64(len(r.b)-r.off) {
		r.err = fmt.Errorf("%d bytes at offset %d past the end: %w", n, r.off, errFormat)
		return
	}
	r.secs[s] = append(r.secs[s], r.b[r.off:r.off+int(n)]...)
	r.off += int(n)
}

// list reads a postings or counts list of size bytes, appending document
// numbers to section docs, occurrences to freqs and, if positions is
// true, the positions to secPositions.
func (r *sectionReader) list(size uint64, docs, freqs int, positions bool) {
	end := r.off + int(min(size, uint64(len(r.b)-r.off)))
	if r.version == 3 {
		// Per document: doc, and per field tf and tf positions.
		for r.err == nil && r.off < end {
			r.uvarint(docs)
			for f := uint64(0); f < r.nfields && r.err == nil; f++ {
				tf := r.uvarint(freqs)
				for j := uint64(0); positions && j < tf && r.err == nil; j++ {
					r.uvarint(secPositions)
				}
			}
		}
	} else {
		// The length of the document headers, the headers, the positions.
		headers := end
		if positions {
			headers = r.off + int(r.uvarint(secTermMeta))
			headers = min(max(headers, r.off), end)
		}
		for r.err == nil && r.off < headers {
			switch r.uvarint(docs) & 3 {
			case tfBody:
				r.uvarint(freqs)
			case tfFields:
				for f := uint64(0); f < r.nfields && r.err == nil; f++ {
					r.uvarint(freqs)
				}
			}
		}
		if r.err == nil && positions {
			r.bytes(secPositions, uint64(end-r.off))
		}
	}
	if r.err == nil && r.off != end {
		r.err = fmt.Errorf("list ends at offset %d, not %d: %w", r.off, end, errFormat)
	}
}

// indexSections splits index, as encoded by search.Index.Encode in
// format version 3 or 4, into its sections. It reads the encoding itself,
// as package search does not expose it, and fails for another version.
func indexSections(index []byte) ([]section, error) {
	if len(index) < len(indexMagic)+4 || string(index[:len(indexMagic)]) != indexMagic {
		return nil, fmt.Errorf("bad magic: %w", errFormat)
	}
	r := &sectionReader{b: index[:len(index)-4], off: len(indexMagic)}
	r.secs[secHeader] = append(r.secs[secHeader], indexMagic...)
	if r.version = r.uvarint(secHeader); r.err == nil && r.version != 3 && r.version != 4 {
		return nil, fmt.Errorf("version %d: %w", r.version, errFormat)
	}
	ndocs := r.uvarint(secHeader)
	r.nfields = r.uvarint(secHeader)
	for i := uint64(0); i < r.nfields*ndocs && r.err == nil; i++ {
		r.uvarint(secLengths)
	}
	nterms := r.uvarint(secHeader)
	for i := uint64(0); i < nterms && r.err == nil; i++ {
		r.uvarint(secTerms)
		r.bytes(secTerms, r.uvarint(secTerms))
		r.uvarint(secTermMeta)
		r.list(r.uvarint(secTermMeta), secDocs, secFreqs, true)
	}
	nsurfs := r.uvarint(secHeader)
	for i := uint64(0); i < nsurfs && r.err == nil; i++ {
		r.uvarint(secSurfaces)
		r.bytes(secSurfaces, r.uvarint(secSurfaces))
		r.uvarint(secSurfaceMeta)
		if r.uvarint(secSurfaceMeta) == dispOwn {
			r.bytes(secSurfaceMeta, r.uvarint(secSurfaceMeta))
		}
		r.list(r.uvarint(secSurfaceMeta), secCounts, secCounts, false)
	}
	ncomps := r.uvarint(secHeader)
	for i := uint64(0); i < ncomps && r.err == nil; i++ {
		r.uvarint(secCompounds)
		for j, np := uint64(0), r.uvarint(secCompounds); j < np && r.err == nil; j++ {
			r.uvarint(secCompounds)
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(r.b) {
		return nil, fmt.Errorf("%d bytes left over: %w", len(r.b)-r.off, errFormat)
	}
	r.secs[secHeader] = append(r.secs[secHeader], index[len(index)-4:]...)
	secs := make([]section, numSections)
	for i := range secs {
		secs[i] = section{name: sectionNames[i], data: r.secs[i]}
	}
	return secs, nil
}

func TestIndexSectionsAddUpToTheIndex(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{"one article", 1},
		{"hundred articles", 100},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, index, err := embed.Encode(load(t, generate(t, v, tt.n, 1)))
			require.NoError(t, err)
			secs, err := indexSections(index)
			if errors.Is(err, errFormat) {
				t.Skipf("the search index format changed: %v", err)
			}
			require.NoError(t, err)
			total := 0
			for _, s := range secs {
				total += len(s.data)
			}
			assert.Equal(t, len(index), total)
			for _, s := range []int{secLengths, secTerms, secDocs, secFreqs, secPositions, secSurfaces} {
				assert.NotEmpty(t, secs[s].data, sectionNames[s])
			}
		})
	}
}

func TestIndexSectionsRejectsOtherData(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not an index", []byte("hello, world")},
		{"other version", append([]byte(indexMagic+"\x09"), 0, 0, 0, 0)},
		{"truncated", append([]byte(indexMagic+"\x03\x05"), 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := indexSections(tt.data)
			assert.ErrorIs(t, err, errFormat)
		})
	}
}
