package corpus

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// The rank-frequency law of lemmas: the lemma of rank r (from 1) is drawn
// with a probability proportional to (r+headShift)^-headExponent up to
// rank headRanks (Zipf–Mandelbrot), and falling as r^-tailExponent beyond,
// continuous at headRanks. The seed's lemmas take the first ranks,
// generated ones the rest. A Zipf exponent near 1 over the frequent words,
// flatter for the very first ones and steeper in the tail, is what news
// text shows. The head exponent is a little above 1 because spreading a
// lemma's frequency over its inflected forms flattens the rank-frequency
// curve of the words, which is the one that should have slope −1. The tail
// exponent sets how the vocabulary grows: a corpus of n words has about
// n^(1/tailExponent) distinct ones.
const (
	headRanks    = 3000
	headShift    = 2
	headExponent = 1.1
	tailExponent = 1.7
	// maxRank bounds the ranks drawn from the tail's power law.
	maxRank = 1 << 40
	// maxNearRank is the highest rank kept in a slice rather than a map:
	// ranks up to it are drawn most often, and a slice is faster.
	maxNearRank = 1 << 18
)

// lexicon is the growing vocabulary of one corpus: the seed's lemmas and
// the lemmas generated so far, with the rank-frequency law to draw them by.
type lexicon struct {
	v       *Vocabulary
	seed    uint64
	headCum []float64       // headCum[r-1] = Σ (k+headShift)^-headExponent for k ≤ r
	pHead   float64         // probability of a rank ≤ headRanks
	near    []*lemma        // lemmas by rank-1 up to maxNearRank, nil until used
	far     map[int]*lemma  // generated lemmas of higher ranks
	used    map[string]bool // lower-case forms in use, seed and generated
}

// newLexicon returns the lexicon of a corpus from v with the given seed.
func newLexicon(v *Vocabulary, seed uint64) *lexicon {
	x := &lexicon{
		v:       v,
		seed:    seed,
		headCum: make([]float64, headRanks),
		near:    make([]*lemma, headRanks),
		far:     make(map[int]*lemma),
		used:    make(map[string]bool, len(v.known)),
	}
	copy(x.near, v.lemmas)
	sum := 0.0
	for r := range headRanks {
		sum += math.Pow(float64(r+1+headShift), -headExponent)
		x.headCum[r] = sum
	}
	// The tail's mass, Σ_{r>R} p(R)·(R/r)^s ≈ p(R)·R/(s-1), relative to
	// the head's.
	tail := math.Pow(float64(headRanks+headShift), -headExponent) * float64(headRanks) / (tailExponent - 1)
	x.pHead = sum / (sum + tail)
	for w := range v.known {
		x.used[w] = true
	}
	return x
}

// rank draws a lemma rank from the rank-frequency law.
func (x *lexicon) rank(rng *rand.Rand) int {
	u := rng.Float64()
	if u < x.pHead {
		target := u / x.pHead * x.headCum[headRanks-1]
		i, _ := slices.BinarySearch(x.headCum, target)
		return min(i, headRanks-1) + 1
	}
	// The tail is a discretised Pareto distribution of ranks above
	// headRanks: P(rank ≥ k) = (R/k)^(s-1).
	u = (u - x.pHead) / (1 - x.pHead) // uniform in [0, 1)
	r := float64(headRanks) * math.Pow(1-u, -1/(tailExponent-1))
	if r >= maxRank {
		return maxRank
	}
	return max(int(r), headRanks) + 1
}

// lemma returns the lemma of rank r, generating it on first use.
func (x *lexicon) lemma(r int) *lemma {
	if r <= len(x.near) {
		if l := x.near[r-1]; l != nil {
			return l
		}
	}
	if r <= len(x.v.lemmas) {
		return x.v.lemmas[r-1]
	}
	if l := x.far[r]; l != nil {
		return l
	}
	// The lemma of a rank depends only on the seed and the rank, and on
	// which forms earlier lemmas took.
	rng := rand.New(rand.NewPCG(x.seed, uint64(r)))
	var l *lemma
	for try := 0; ; try++ {
		l = x.newLemma(rng)
		if !x.used[strings.ToLower(l.forms[0])] || try == 10 {
			break
		}
	}
	for _, f := range l.forms {
		x.used[strings.ToLower(f)] = true
	}
	switch {
	case r <= len(x.near):
		x.near[r-1] = l
	case r <= maxNearRank:
		x.near = append(x.near, make([]*lemma, r-len(x.near))...)
		x.near[r-1] = l
	default:
		x.far[r] = l
	}
	return l
}

// newLemma makes up a lemma: most often a compound of seed nouns, else a
// new noun, adjective or verb with its inflected forms.
func (x *lexicon) newLemma(rng *rand.Rand) *lemma {
	switch p := rng.IntN(100); {
	case p < 55:
		return x.compound(rng)
	case p < 80:
		return newNoun(rng)
	case p < 92:
		return newAdjective(rng)
	default:
		return newVerb(rng)
	}
}

// noun picks a seed noun, the frequent ones more often: the density of
// index i falls as 1/√i, as frequent words are more productive in compounds.
func (x *lexicon) noun(rng *rand.Rand) *lemma {
	u := rng.Float64()
	return x.v.nouns[int(u*u*float64(len(x.v.nouns)))]
}

// compound returns a noun compound of two (or three) seed nouns with a
// linking element: its forms are those of the last noun, the head
// ("Sicherheit" + "s" + "Prüfungen" → "Sicherheitsprüfungen").
func (x *lexicon) compound(rng *rand.Rand) *lemma {
	mod := x.noun(rng)
	head := x.noun(rng)
	for head == mod {
		head = x.noun(rng)
	}
	prefix := mod.base + linker(rng, mod.base)
	if rng.IntN(100) < 15 {
		mid := x.noun(rng)
		if m := strings.ToLower(mid.base) + linker(rng, mid.base); mid != mod && mid != head &&
			utf8.RuneCountInString(prefix+m+head.base) <= maxCompoundRunes {
			prefix += m
		}
	}
	forms := make([]string, len(head.nounFms))
	weights := make([]int, len(forms))
	for i, f := range head.nounFms {
		forms[i] = prefix + strings.ToLower(f)
		weights[i] = len(forms) - i
	}
	return newLemma(forms, weights)
}

// maxCompoundRunes is the longest base form of a three-part compound.
const maxCompoundRunes = 22

// linker returns a linking element (Fugenelement) to put after the noun
// w in a compound, following the common German patterns: -s- after
// -ung, -heit, -keit, …; -n- after -e; none after -er, -el, -en; else
// none, or sometimes -s-, -es- or -en-.
func linker(rng *rand.Rand, w string) string {
	w = strings.ToLower(w)
	for _, suf := range [...]string{"ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum"} {
		if strings.HasSuffix(w, suf) {
			return "s"
		}
	}
	switch {
	case strings.HasSuffix(w, "e"):
		if rng.IntN(10) < 7 {
			return "n"
		}
		return ""
	case strings.HasSuffix(w, "er"), strings.HasSuffix(w, "el"), strings.HasSuffix(w, "en"), strings.HasSuffix(w, "s"):
		return ""
	}
	switch p := rng.IntN(100); {
	case p < 55:
		return ""
	case p < 75:
		return "s"
	case p < 85:
		return "es"
	default:
		return "en"
	}
}

// Syllables of made-up German words.
var (
	onsets = [...]string{"b", "bl", "br", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "k", "kl", "kr",
		"l", "m", "n", "p", "pf", "pl", "r", "s", "sch", "schl", "schm", "schr", "schw", "sp", "st", "str",
		"t", "tr", "w", "z", "zw"}
	nuclei = [...]string{"a", "a", "e", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie", "eu"}
	codas  = [...]string{"", "", "", "n", "r", "l", "s", "t", "m", "nd", "ng", "nk", "rt", "rn", "st", "ch",
		"ck", "lt", "ld", "rm", "ff", "tz", "ns"}
)

// stem makes up a word stem of one to three syllables.
func stem(rng *rand.Rand) string {
	var b strings.Builder
	n := 1 + rng.IntN(2)
	if rng.IntN(5) == 0 {
		n++
	}
	for i := range n {
		if i == 0 || rng.IntN(3) > 0 {
			b.WriteString(onsets[rng.IntN(len(onsets))])
		}
		b.WriteString(nuclei[rng.IntN(len(nuclei))])
		b.WriteString(codas[rng.IntN(len(codas))])
	}
	return b.String()
}

// Inflection classes of made-up nouns: the endings of their forms, the
// base form first, and the relative frequency of each form.
var nounClasses = [...]struct {
	endings []string
	weights []int
}{
	{[]string{"", "es", "e", "en"}, []int{6, 2, 3, 1}},   // Tag, Tages, Tage, Tagen
	{[]string{"", "s", "e", "en"}, []int{6, 2, 3, 1}},    // Beruf, Berufs, Berufe, Berufen
	{[]string{"", "s"}, []int{5, 2}},                     // Konto, Kontos
	{[]string{"", "en"}, []int{5, 3}},                    // Bär, Bären
	{[]string{"", "es", "er", "ern"}, []int{6, 2, 3, 1}}, // Feld, Feldes, Felder, Feldern
}

// nounSuffixes are derivational suffixes of made-up nouns with the plural
// ending they take.
var nounSuffixes = [...]struct{ suffix, plural string }{
	{"ung", "en"}, {"heit", "en"}, {"keit", "en"}, {"schaft", "en"}, {"ling", "e"}, {"nis", "se"},
	{"tum", ""}, {"ei", "en"}, {"ik", "en"}, {"ismus", ""},
}

// newNoun makes up a noun with its inflected forms ("Brankung",
// "Brankungen").
func newNoun(rng *rand.Rand) *lemma {
	s := capitalize(stem(rng))
	if rng.IntN(2) == 0 {
		suf := nounSuffixes[rng.IntN(len(nounSuffixes))]
		base := s + suf.suffix
		if suf.plural == "" {
			return newLemma([]string{base}, []int{1})
		}
		return newLemma([]string{base, base + suf.plural}, []int{3, 2})
	}
	c := nounClasses[rng.IntN(len(nounClasses))]
	forms := make([]string, len(c.endings))
	for i, e := range c.endings {
		forms[i] = s + e
	}
	return newLemma(forms, c.weights)
}

// adjectiveSuffixes end made-up adjectives.
var adjectiveSuffixes = [...]string{"", "", "isch", "lich", "ig", "bar", "sam", "haft", "los"}

// newAdjective makes up an adjective with its inflected forms ("branklich",
// "brankliche", "branklichen", …).
func newAdjective(rng *rand.Rand) *lemma {
	s := stem(rng) + adjectiveSuffixes[rng.IntN(len(adjectiveSuffixes))]
	endings := [...]string{"en", "e", "", "er", "es", "em"}
	forms := make([]string, len(endings))
	for i, e := range endings {
		forms[i] = s + e
	}
	return newLemma(forms, []int{5, 4, 3, 2, 1, 1})
}

// newVerb makes up a verb with some of its forms ("branken", "brankt",
// "gebrankt", …).
func newVerb(rng *rand.Rand) *lemma {
	s := stem(rng)
	t := "t"
	if strings.HasSuffix(s, "t") || strings.HasSuffix(s, "d") {
		t = "et" // "bratet", not "bratt"
	}
	forms := []string{s + "en", s + t, "ge" + s + t, s + t + "e", s + t + "en"}
	return newLemma(forms, []int{5, 4, 3, 2, 1})
}
