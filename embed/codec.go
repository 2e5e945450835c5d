package embed

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// chronicleMagic starts every encoded chronicle, followed by the format's
// version.
const (
	chronicleMagic   = "chrk"
	chronicleVersion = 1
)

// MarshalChronicle encodes c compactly for [UnmarshalChronicle]: every
// string as its length and its bytes, every number as a varint, in a fixed
// order. It replaces JSON in the WASM because decoding JSON took most of
// the start-up at 10,000 articles (about 0.9 s natively for 47 MB), while
// this format decodes without copying a byte of text.
func MarshalChronicle(c *Chronicle) []byte {
	b := append([]byte(chronicleMagic), chronicleVersion)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(c.Title)
	str(c.Description)
	b = binary.AppendUvarint(b, uint64(len(c.Actors)))
	for _, a := range c.Actors {
		str(a)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Articles)))
	for _, a := range c.Articles {
		str(a.ID)
		b = binary.AppendUvarint(b, uint64(a.Date.Year))
		b = append(b, byte(a.Date.Month), byte(a.Date.Day))
		for _, s := range []string{a.Title, a.Kicker, a.Source, a.Author, a.URL, a.Body} {
			str(s)
		}
	}
	return b
}

// UnmarshalChronicle decodes a chronicle encoded by [MarshalChronicle]. Its
// strings are substrings of data, not copies: data is the chronicle that
// app.wasm embeds, which lives as long as the program. It checks every
// length and count against the bytes that are left, and that the text is
// UTF-8, so that a damaged file fails with the offset of the damage
// instead of panicking or allocating without bound.
func UnmarshalChronicle(data string) (*Chronicle, error) {
	d := &chronicleDecoder{data: data}
	c := &Chronicle{}
	if len(data) < len(chronicleMagic)+1 || data[:len(chronicleMagic)] != chronicleMagic {
		return nil, errors.New("decode chronicle: not an encoded chronicle")
	}
	if v := data[len(chronicleMagic)]; v != chronicleVersion {
		return nil, fmt.Errorf("decode chronicle: unsupported version %d, want %d: regenerate with go generate ./embed", v, chronicleVersion)
	}
	d.off = len(chronicleMagic) + 1
	c.Title = d.str()
	c.Description = d.str()
	if n := d.count(1); n > 0 {
		c.Actors = make([]string, n)
		for i := range c.Actors {
			c.Actors[i] = d.str()
		}
	}
	// An article takes at least 10 bytes: 7 empty strings, a year and two
	// date bytes.
	c.Articles = make([]Article, d.count(10))
	for i := range c.Articles {
		a := &c.Articles[i]
		a.ID = d.str()
		year := d.uvarint()
		month, day := d.byte(), d.byte()
		zero := year == 0 && month == 0 && day == 0 // no date
		if d.err == nil && !zero && (year > 9999 || month < 1 || month > 12 || day > 31) {
			d.fail("invalid date %d-%d-%d", year, month, day)
		}
		a.Date = Date{Year: int(year), Month: time.Month(month), Day: int(day)}
		a.Title, a.Kicker, a.Source, a.Author, a.URL, a.Body = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
	}
	if d.err == nil && d.off != len(data) {
		d.fail("%d bytes after the last article", len(data)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

// chronicleDecoder reads an encoded chronicle; after the first error it
// reads nothing more and returns zero values.
type chronicleDecoder struct {
	data string
	off  int
	err  error
}

func (d *chronicleDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("decode chronicle at byte %d: %s", d.off, fmt.Sprintf(format, args...))
	}
}

func (d *chronicleDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.data) {
			d.fail("truncated")
			return 0
		}
		c := d.data[d.off]
		d.off++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.fail("varint overflows")
	return 0
}

func (d *chronicleDecoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if d.off >= len(d.data) {
		d.fail("truncated")
		return 0
	}
	d.off++
	return d.data[d.off-1]
}

// count reads the number of items to follow, each of at least size bytes.
func (d *chronicleDecoder) count(size int) int {
	n := d.uvarint()
	if d.err == nil && n > uint64((len(d.data)-d.off)/size) {
		d.fail("%d items cannot fit in the %d bytes left", n, len(d.data)-d.off)
		return 0
	}
	return int(n)
}

func (d *chronicleDecoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.data)-d.off) {
		d.fail("a string of %d bytes with %d left", n, len(d.data)-d.off)
		return ""
	}
	s := d.data[d.off : d.off+int(n)]
	if !utf8.ValidString(s) {
		d.fail("a string that is not UTF-8")
		return ""
	}
	d.off += int(n)
	return s
}
