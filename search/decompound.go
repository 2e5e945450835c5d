package search

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Limits of compound splitting. A compound is split into two or three
// parts that are words of the corpus vocabulary.
const (
	// minCompoundRunes is the length of the shortest word that is split.
	minCompoundRunes = 8
	// minPartRunes is the length of the shortest part.
	minPartRunes = 4
	// maxSplitParts is the most parts of one split.
	maxSplitParts = 3
	// maxCompoundBytes is the length of the longest word that is split,
	// which bounds the work.
	maxCompoundBytes = 64
)

// linkers are the linking elements (Fugenelemente) allowed between the
// parts of a compound, as in Sicherheit-s-bedenken, Straße-n-bahn,
// Bär-en-hunger; the empty one joins parts directly (Daten-schutz).
var linkers = [...]string{"", "s", "es", "n", "en"}

// neverSplit reports whether the folded word w is a name or brand that is
// never split into parts, however frequent they are: "Bytedance" is not
// "Byte" and "Dance", "Deutschland" is not about "Land".
func neverSplit(w string) bool {
	switch w {
	case "bytedance", "microsoft", "facebook", "instagram", "tiktok", "youtube",
		"washington", "singapur", "whatsapp", "snapchat", "linkedin", "pinterest",
		"blackrock", "softbank", "volkswagen", "deutschland", "frankreich",
		"oesterreich", "grossbritannien", "playstation",
		"wallstreet", "starbucks", "salesforce", "bloomberg", "greenpeace":
		return true
	}
	return false
}

// splitCompound returns the parts of the folded word w, or nil if it is not
// split. freq returns the corpus frequency of a word, 0 if it is not in the
// vocabulary. Of the splits into two or three parts of at least
// minPartRunes runes that are all words, with linking elements between
// them, the one with the highest geometric mean of part frequencies wins,
// if that beats the frequency of w itself.
func splitCompound(w string, freq func(string) int) []string {
	best, _ := splitParts(w, freq)
	return best
}

// splitParts returns the best split of w, as splitCompound, and the parts
// of every split that beats the frequency of w, in the order found, with
// repetitions: "datenschutzbedenken" splits best into "daten", "schutz"
// and "bedenken", but "datenschutz" and "bedenken" are parts too.
func splitParts(w string, freq func(string) int) (best, all []string) {
	if len(w) > maxCompoundBytes || utf8.RuneCountInString(w) < minCompoundRunes || neverSplit(w) {
		return nil, nil
	}
	var (
		whole     = math.Log(float64(max(freq(w), 0)) + 0.5) // beats freq(w) when above
		bestScore = whole
		parts     [maxSplitParts]string
		logs      [maxSplitParts]float64
	)
	// try splits the rest s after n parts.
	var try func(s string, n int)
	try = func(s string, n int) {
		if n > 0 {
			if f := freq(s); f > 0 && utf8.RuneCountInString(s) >= minPartRunes {
				parts[n], logs[n] = s, math.Log(float64(f))
				sum := 0.0
				for _, l := range logs[:n+1] {
					sum += l
				}
				score := sum / float64(n+1)
				if score > whole {
					all = append(all, parts[:n+1]...)
				}
				if score > bestScore {
					bestScore, best = score, append(best[:0], parts[:n+1]...)
				}
			}
		}
		if n == maxSplitParts-1 {
			return
		}
		for i := 1; i < len(s); i++ {
			if !utf8.RuneStart(s[i]) {
				continue
			}
			head := s[:i]
			if utf8.RuneCountInString(head) < minPartRunes {
				continue
			}
			f := freq(head)
			if f <= 0 {
				continue
			}
			parts[n], logs[n] = head, math.Log(float64(f))
			for _, l := range linkers {
				rest := s[i:]
				if len(rest) < len(l) || rest[:len(l)] != l {
					continue
				}
				if rest = rest[len(l):]; rest != "" {
					try(rest, n+1)
				}
			}
		}
	}
	try(w, 0)
	return best, all
}

// splitTerms returns the terms of the parts of the folded query word w, if
// it is a compound of index words, or nil.
func (ix *Index) splitTerms(w string) []int {
	parts := splitCompound(w, func(s string) int {
		if i := ix.surface(s); i >= 0 {
			return int(ix.surfCF[i])
		}
		return 0
	})
	if parts == nil {
		return nil
	}
	terms := make([]int, len(parts))
	for i, p := range parts {
		terms[i] = int(ix.surfTerm[ix.surface(p)])
	}
	return terms
}

// maxStoredParts bounds the parts stored for one compound term, over all
// its surface forms and their parts' parts.
const maxStoredParts = 16

// compounds splits the surface forms of ix with their corpus frequencies
// and returns the compound terms, sorted, and the terms of their parts in
// every split that beats the compound's frequency, including the parts of
// parts ("Datenschutzbedenken" → "Datenschutz", "Bedenken", "Daten",
// "Schutz"), sorted, without the compound itself.
func (ix *Index) compounds() (comp []int32, parts [][]int32) {
	freq := func(s string) int {
		if i := ix.surface(s); i >= 0 {
			return int(ix.surfCF[i])
		}
		return 0
	}
	split := make(map[string][]string)
	for _, s := range ix.surfs {
		if _, ps := splitParts(s, freq); ps != nil {
			slices.Sort(ps)
			split[s] = slices.Compact(ps)
		}
	}
	byTerm := make(map[int32][]int32)
	for _, s := range ix.surfs {
		ps := slices.Clone(split[s])
		if ps == nil {
			continue
		}
		c := ix.surfTerm[ix.surface(s)]
		// Parts are shorter than the word, so this ends.
		for len(ps) > 0 {
			p := ps[0]
			ps = ps[1:]
			if t := ix.surfTerm[ix.surface(p)]; t != c && len(byTerm[c]) < maxStoredParts {
				byTerm[c] = append(byTerm[c], t)
			}
			ps = append(ps, split[p]...)
		}
	}
	for c, ps := range byTerm {
		if len(ps) == 0 {
			continue
		}
		slices.Sort(ps)
		byTerm[c] = slices.Compact(ps)
		comp = append(comp, c)
	}
	slices.Sort(comp)
	parts = make([][]int32, len(comp))
	for i, c := range comp {
		parts[i] = byTerm[c]
	}
	return comp, parts
}
