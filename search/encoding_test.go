package search

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withChecksum returns data with its last four bytes replaced by the checksum
// of the rest, so that corruption reaches the decoder behind the checksum.
func withChecksum(data []byte) []byte {
	if len(data) < 4 {
		return data
	}
	out := bytes.Clone(data)
	body := out[:len(out)-4]
	binary.LittleEndian.PutUint32(out[len(body):], crc32.ChecksumIEEE(body))
	return out
}

// appendChecksum returns body followed by its checksum.
func appendChecksum(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
}

func TestEncodingRoundTripIsDeterministic(t *testing.T) {
	a, err := Build(corpus).Encode()
	require.NoError(t, err)
	for range 5 {
		b, err := Build(corpus).Encode()
		require.NoError(t, err)
		require.Equal(t, a, b, "building twice gives different bytes")
	}
	ix, err := Decode(a)
	require.NoError(t, err)
	assert.Equal(t, len(corpus), ix.Len())
	b, err := ix.Encode()
	require.NoError(t, err)
	assert.Equal(t, a, b, "decoding and encoding changes the bytes")
}

func TestDecodedIndexSearchesLikeBuiltIndex(t *testing.T) {
	built := Build(corpus)
	data, err := built.Encode()
	require.NoError(t, err)
	decoded, err := Decode(data)
	require.NoError(t, err)
	for _, q := range []string{"", "Tiktok ", "Ueber", "Präsident Tiktok", "Nutzer", "S", "Wahlkampf-Veranstaltung "} {
		assert.Equal(t, built.Search(q, corpus), decoded.Search(q, corpus), q)
	}
}

func TestEncodingOfEmptyIndex(t *testing.T) {
	data, err := Build(nil).Encode()
	require.NoError(t, err)
	ix, err := Decode(data)
	require.NoError(t, err)
	assert.Equal(t, 0, ix.Len())
	assert.Empty(t, ix.Search("", nil).Hits)
	assert.Empty(t, ix.Search("a", nil).Hits)
}

// join returns the concatenation of bs.
func join(bs ...[]byte) []byte {
	return bytes.Join(bs, nil)
}

func TestDecodeRejectsCorruptData(t *testing.T) {
	good, err := Build(corpus).Encode()
	require.NoError(t, err)
	header := []byte(magic)
	header = binary.AppendUvarint(header, version)
	// One document with a one-word title; the term "a" occurs once in the
	// title at position 0: a postings list of 6 bytes, the documents part
	// being 4 of them (a fields header, then the frequencies 1, 0, 0),
	// then the position 0.
	doc1 := join(header, []byte{1, 3, 1, 0, 0})
	termA := []byte{0, 1, 'a', 1, 6, 4, tfFields, 1, 0, 0, 0}
	// withTermA returns the index of doc1 with the term "a" and rest after
	// it.
	withTermA := func(rest ...byte) []byte {
		return appendChecksum(join(doc1, []byte{1}, termA, rest))
	}

	tests := []struct {
		name string
		data []byte
	}{
		{"nil", nil},
		{"empty", []byte{}},
		{"magic only", []byte(magic)},
		{"bad magic", append([]byte("XHRONIKX"), good[len(magic):]...)},
		{"bad checksum", append(bytes.Clone(good[:len(good)-1]), good[len(good)-1]^1)},
		{"trailing data", appendChecksum(append(bytes.Clone(good[:len(good)-4]), 0))},
		{"future version", appendChecksum(binary.AppendUvarint([]byte(magic), version+1))},
		{"old version", appendChecksum(binary.AppendUvarint([]byte(magic), version-1))},
		{"header only", appendChecksum(header)},
		{"huge document count", appendChecksum(binary.AppendUvarint(bytes.Clone(header), 1<<62))},
		{"wrong field count", appendChecksum(append(bytes.Clone(header), 1, 2, 0, 0, 0))},
		{"huge term count", appendChecksum(append(bytes.Clone(header), 0, 3, 0xff, 0xff, 0xff, 0xff, 0x0f))},
		{"bad varint", appendChecksum(append(bytes.Clone(header), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))},
		{"empty postings", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 0, 0}))},
		{"postings without documents", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 1, 0, 0}))},
		{"documents part beyond postings", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 6, 9, tfFields, 1, 0, 0, 0, 0}))},
		{"document out of range", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 6, 4, 5<<2 | tfFields, 1, 0, 0, 0, 0}))},
		{"bad header kind", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 6, 4, 3, 1, 0, 0, 0, 0}))},
		{"fields header without title or kicker", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 6, 4, tfFields, 0, 0, 1, 0, 0}))},
		{"frequency beyond positions", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 6, 4, tfFields, 3, 0, 0, 0, 0}))},
		{"bytes after the positions", appendChecksum(join(doc1, []byte{1, 0, 1, 'a', 1, 7, 4, tfFields, 1, 0, 0, 0, 1, 0}))},
		{"document frequency mismatch", appendChecksum(join(header, []byte{2, 3, 1, 0, 0, 0, 0, 0,
			1, 0, 1, 'a', 2, 6, 4, tfFields, 1, 0, 0, 0, 0, 0}))},
		{"unsorted terms", appendChecksum(join(doc1, []byte{2},
			[]byte{0, 1, 'b', 1, 6, 4, tfFields, 1, 0, 0, 0},
			termA, []byte{0}))},
		{"repeated position", appendChecksum(join(header, []byte{1, 3, 2, 0, 0, 1,
			0, 1, 'a', 1, 7, 4, tfFields, 2, 0, 0, 0, 0, 0}))},
		{"surface of missing term", withTermA(1, 0, 1, 'a', 1)},
		{"unsorted surfaces", withTermA(2,
			0, 1, 'b', 0, 0, 4, tfFields, 1, 0, 0,
			0, 1, 'a', 0, 0, 4, tfFields, 1, 0, 0)},
		{"display kind out of range", withTermA(1, 0, 1, 'a', 0, 3, 4, tfFields, 1, 0, 0)},
		{"counts without occurrences", withTermA(1, 0, 1, 'a', 0, 0, 4, tfFields, 0, 0, 0)},
		{"counts document out of range", withTermA(1, 0, 1, 'a', 0, 0, 4, 1<<2|tfFields, 1, 0, 0)},
		{"counts list of a term's only form", withTermA(1, 0, 1, 'a', 0, 0, 4, tfFields, 1, 0, 0, 0)},
		{"compound of itself", withTermA(1, 0, 1, 'a', 0, 0, 0, 1, 0, 1, 0)},
		{"compound without parts", withTermA(1, 0, 1, 'a', 0, 0, 0, 1, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := Decode(tt.data)
			require.ErrorIs(t, err, ErrCorrupt)
			assert.Nil(t, ix)
		})
	}
	// The well-formed index the cases start from decodes.
	_, err = Decode(withTermA(1, 0, 1, 'a', 0, 0, 0, 0))
	require.NoError(t, err)
}

func TestDecodeAcceptsHandWrittenIndex(t *testing.T) {
	// One document whose body is the single word "a" at position 0: its
	// postings list has a documents part of one byte (once in the body)
	// and the position 0.
	header := binary.AppendUvarint([]byte(magic), version)
	data := appendChecksum(append(header, 1, 3, 0, 0, 1, 1,
		0, 1, 'a', 1, 3, 1, tfBodyOnce, 0,
		1, 0, 1, 'a', 0, dispSame, 0,
		0))
	ix, err := Decode(data)
	require.NoError(t, err)
	docs := []Document{doc("", "", "a")}
	assert.Equal(t, []int{0}, hitDocs(ix.Search("a ", docs).Hits))
	want, err := Build(docs).Encode()
	require.NoError(t, err)
	assert.Equal(t, want, data)
}

func TestDecodeRejectsEveryTruncation(t *testing.T) {
	good, err := Build(corpus).Encode()
	require.NoError(t, err)
	for n := range len(good) {
		_, err := Decode(good[:n])
		require.ErrorIs(t, err, ErrCorrupt, "truncated to %d bytes", n)
		// Behind a valid checksum too.
		if n >= len(magic)+4 {
			_, err = Decode(appendChecksum(good[:n-4]))
			require.ErrorIs(t, err, ErrCorrupt, "truncated to %d bytes", n)
		}
	}
}

func TestDecodeSurvivesEveryByteFlip(t *testing.T) {
	good, err := Build(corpus).Encode()
	require.NoError(t, err)
	for i := range len(good) - 4 {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(good)
			bad[i] ^= x
			_, err := Decode(bad)
			require.ErrorIs(t, err, ErrCorrupt, "flip at %d not detected", i)

			// Behind a valid checksum the data may still be a valid index;
			// then searching it must not fail.
			ix, err := Decode(withChecksum(bad))
			if err != nil {
				require.ErrorIs(t, err, ErrCorrupt)
				continue
			}
			for _, q := range []string{"", "Tiktok ", "S", "Präsident Nutzer"} {
				for _, h := range ix.Search(q, corpus).Hits {
					require.Less(t, h.Doc, ix.Len())
				}
			}
		}
	}
}
