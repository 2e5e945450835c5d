package search

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// suffixKeyBytes is the length of the word ends that suffixIndex buckets
// by. Query words that compounds may end with have at least minPartRunes
// runes, so at least as many bytes; bucket reads exactly this many.
const suffixKeyBytes = 4

// suffixIndex finds the surface forms that end with a word without looking
// at every form: the forms long enough to be split as compounds are
// bucketed by a hash of their last suffixKeyBytes bytes.
type suffixIndex struct {
	shift uint    // 32 - log2 of the number of buckets
	at    []int32 // bucket b holds surfs[at[b]:at[b+1]]
	surfs []int32 // indices into Index.surfs, in increasing order per bucket
}

// newSuffixIndex returns the suffix index of the surface forms surfs.
func newSuffixIndex(surfs []string) suffixIndex {
	n := 0
	for _, s := range surfs {
		if compoundCandidate(s) {
			n++
		}
	}
	logB := max(bits.Len(uint(n/4)), 1)
	si := suffixIndex{shift: uint(32 - logB), at: make([]int32, 1<<logB+1), surfs: make([]int32, n)}
	for _, s := range surfs {
		if compoundCandidate(s) {
			si.at[si.bucket(s)+1]++
		}
	}
	for b := range 1 << logB {
		si.at[b+1] += si.at[b]
	}
	next := make([]int32, 1<<logB)
	copy(next, si.at)
	for i, s := range surfs {
		if compoundCandidate(s) {
			b := si.bucket(s)
			si.surfs[next[b]] = int32(i)
			next[b]++
		}
	}
	return si
}

// compoundCandidate reports whether the folded word s is long enough to be a
// compound and not a name that is never split.
func compoundCandidate(s string) bool {
	return len(s) >= minCompoundRunes && utf8.RuneCountInString(s) >= minCompoundRunes && !neverSplit(s)
}

// bucket returns the bucket of the words that end like s, which has at
// least suffixKeyBytes bytes.
func (si *suffixIndex) bucket(s string) int {
	e := s[len(s)-suffixKeyBytes:]
	k := uint32(e[0]) | uint32(e[1])<<8 | uint32(e[2])<<16 | uint32(e[3])<<24
	return int((k * 0x9E3779B1) >> si.shift)
}

// candidates returns the surface forms, as indices into Index.surfs, that
// may end with q: every compound candidate that does is among them.
func (si *suffixIndex) candidates(q string) []int32 {
	if len(q) < suffixKeyBytes || len(si.surfs) == 0 {
		return nil
	}
	b := si.bucket(q)
	return si.surfs[si.at[b]:si.at[b+1]]
}

// affixCompound reports whether the folded word w is a compound that begins
// or ends with the word q: w is a compound candidate longer than q, and the
// rest of it, less a linking element after a leading q, has at least
// minPartRunes runes.
func affixCompound(w, q string) bool {
	if len(w) <= len(q) || !compoundCandidate(w) {
		return false
	}
	var rest string
	switch {
	case strings.HasSuffix(w, q):
		rest = w[:len(w)-len(q)]
	case strings.HasPrefix(w, q):
		rest = w[len(q):]
		for _, link := range []string{"es", "en", "s", "n"} {
			if r := strings.TrimPrefix(rest, link); r != rest && utf8.RuneCountInString(r) >= minPartRunes {
				rest = r
				break
			}
		}
	default:
		return false
	}
	return utf8.RuneCountInString(rest) >= minPartRunes
}
