package corpus

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"chronik/embed"
	"chronik/search/german"
)

// names are the people and companies of the corpus, placed at the lemma
// ranks nameRanks among the most frequent words, so that a chronicle's
// actors (chosen from them) and queries for them match many articles.
var (
	names     = [...]string{"Microsoft", "TikTok", "Trump", "Oracle", "ByteDance", "Facebook", "Nadella", "Ellison"}
	nameRanks = [...]int{12, 16, 22, 30, 40, 55, 75, 100}
)

// minSeedNouns is the fewest nouns a seed must have to build compounds from.
const minSeedNouns = 10

// maxPartRunes is the longest seed noun used in compounds: longer ones
// are mostly compounds already.
const maxPartRunes = 12

// lemma is a word with its inflected forms, as they are written in the text.
type lemma struct {
	forms   []string // spelt as in running text, most frequent first
	cum     []int    // cumulative weights of forms; nil for a single form
	stop    bool     // a stop word: never a topic, rarely in titles
	nameAt  int      // index into names, or -1
	base    string   // the shortest noun form, the compound modifier
	nounFms []string // the forms spelt as nouns, the compound heads
}

// form returns the form of l for the random number x in [0, total weight).
func (l *lemma) form(x int) string {
	if l.cum == nil {
		return l.forms[0]
	}
	i, _ := slices.BinarySearch(l.cum, x+1)
	return l.forms[i]
}

// total returns the total weight of the forms of l.
func (l *lemma) total() int {
	if l.cum == nil {
		return 1
	}
	return l.cum[len(l.cum)-1]
}

// newLemma returns a lemma of forms with the given weights, most frequent
// first.
func newLemma(forms []string, weights []int) *lemma {
	l := &lemma{forms: forms, nameAt: -1}
	if len(forms) > 1 {
		l.cum = make([]int, len(weights))
		sum := 0
		for i, w := range weights {
			sum += w
			l.cum[i] = sum
		}
	}
	return l
}

// Vocabulary is the base vocabulary of generated corpora: the words of a
// seed chronicle, grouped into lemmas by their Snowball stem and ranked by
// frequency, with names and brands among the most frequent. The nouns among
// them are the parts of generated compounds. A Vocabulary is immutable and
// may be used for many corpora at once.
type Vocabulary struct {
	lemmas []*lemma        // by rank: lemmas[0] is the most frequent
	nouns  []*lemma        // the lemmas usable in compounds, by rank
	names  []*lemma        // the lemmas of names, in the same order
	known  map[string]bool // the lower-case forms of all lemmas
}

// LoadVocabulary reads the seed chronicle in the folder dir of fsys with
// [embed.LoadDir] and returns its vocabulary.
func LoadVocabulary(fsys fs.FS, dir string) (*Vocabulary, error) {
	c, err := embed.LoadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: seed vocabulary: %w", err)
	}
	return NewVocabulary(c)
}

// seedForm counts how a lower-case word form is written in the seed.
type seedForm struct {
	count     int
	spellings map[string]int // within sentences
	initial   map[string]int // at the start of a sentence
	nounLike  int            // times written as a noun after an article or adjective
	beforeCap int            // times followed by a capitalised word, as first names are
}

// NewVocabulary returns the vocabulary of the titles, kickers and bodies
// of c's articles. Each word form is spelt as it is most often written
// within sentences, since a capital at a sentence start says nothing. It
// fails if c has too few nouns to build compounds from.
func NewVocabulary(c *embed.Chronicle) (*Vocabulary, error) {
	seen := make(map[string]*seedForm)
	v := &Vocabulary{known: make(map[string]bool)}
	add := func(text string) {
		scanWords(text, func(w word) {
			if utf8.RuneCountInString(w.text) < 2 {
				return
			}
			key := strings.ToLower(w.text)
			f := seen[key]
			if f == nil {
				f = &seedForm{spellings: map[string]int{}, initial: map[string]int{}}
				seen[key] = f
			}
			f.count++
			if w.initial {
				f.initial[w.text]++
				return
			}
			f.spellings[w.text]++
			if isNounSpelling(w.text) && afterDeterminer(w.prev) {
				f.nounLike++
			}
			if w.prev != "" && capitalize(w.prev) == w.prev && capitalize(w.text) == w.text {
				seen[strings.ToLower(w.prev)].beforeCap++
			}
		})
	}
	for _, a := range c.Articles {
		add(a.Title)
		add(a.Kicker)
		for _, p := range a.Paragraphs() {
			add(strings.TrimPrefix(p, "## "))
		}
	}

	// Group the forms by stem; stop words stay forms of their own, and
	// a name's genitive ("Trumps") is a form of the name.
	nameForms := make(map[string]string)
	for _, n := range names {
		key := strings.ToLower(n)
		nameForms[key+"s"] = key
	}
	stem := func(key string) string {
		if n, ok := nameForms[key]; ok {
			key = n
		}
		return german.Stem(key, false)
	}
	groups := make(map[string][]string)
	for key := range seen {
		s := stem(key)
		groups[s] = append(groups[s], key)
	}
	type ranked struct {
		stem  string
		count int
		hash  uint64
		l     *lemma
	}
	var all []ranked
	nameStems := make(map[string]int)
	for i, n := range names {
		nameStems[stem(strings.ToLower(n))] = i
	}
	byName := make([]*lemma, len(names))
	for s, keys := range groups {
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(seen[b].count, seen[a].count), strings.Compare(a, b))
		})
		forms := make([]string, len(keys))
		weights := make([]int, len(keys))
		total := 0
		var nounFms []string
		nounLike := 0
		for i, k := range keys {
			f := seen[k]
			forms[i] = spelling(k, f)
			weights[i] = f.count
			total += f.count
			if len(f.spellings) > 0 && isNounSpelling(forms[i]) {
				nounFms = append(nounFms, forms[i])
			}
			nounLike += f.nounLike - f.beforeCap
		}
		l := newLemma(forms, weights)
		l.stop = len(keys) == 1 && german.IsStopWord(keys[0])
		if i, ok := nameStems[s]; ok {
			l.nameAt = i
			byName[i] = l
			continue
		}
		// A noun is written after articles and adjectives more often than
		// before another capitalised word, unlike "Donald" or "Weißen".
		if !l.stop && nounLike > 0 && len(nounFms) > 0 {
			base := slices.MinFunc(nounFms, func(a, b string) int {
				return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
			})
			if utf8.RuneCountInString(base) <= maxPartRunes {
				l.nounFms, l.base = nounFms, base
			}
		}
		h := fnv.New64a()
		h.Write([]byte(s))
		all = append(all, ranked{stem: s, count: total, hash: h.Sum64(), l: l})
	}
	// Ties in frequency, most of the seed's words, are broken by a hash of
	// the stem: arbitrary, but not alphabetical.
	slices.SortFunc(all, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.hash, b.hash), strings.Compare(a.stem, b.stem))
	})
	for _, r := range all {
		v.lemmas = append(v.lemmas, r.l)
	}
	for i, n := range names {
		l := byName[i]
		if l == nil {
			l = newLemma([]string{n, n + "s"}, []int{8, 1})
			l.nameAt = i
		}
		v.names = append(v.names, l)
		at := min(nameRanks[i]-1, len(v.lemmas))
		v.lemmas = slices.Insert(v.lemmas, at, l)
	}
	for _, l := range v.lemmas {
		for _, f := range l.forms {
			v.known[strings.ToLower(f)] = true
		}
		if l.base != "" {
			v.nouns = append(v.nouns, l)
		}
	}
	if len(v.nouns) < minSeedNouns {
		return nil, fmt.Errorf("corpus: seed vocabulary: %d nouns of at least %d letters, need %d",
			len(v.nouns), minPartRunes, minSeedNouns)
	}
	return v, nil
}

// afterDeterminer reports whether a capitalised word after prev is likely
// a common noun: prev is a lower-case stop word (an article, a preposition)
// or looks like an inflected adjective. Names mostly follow other names or
// titles ("Präsident Donald Trump"), which keeps them out of compounds.
func afterDeterminer(prev string) bool {
	if prev == "" || prev != strings.ToLower(prev) {
		return false
	}
	if german.IsStopWord(prev) {
		return true
	}
	for _, end := range [...]string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(prev, end) {
			return true
		}
	}
	return false
}

// spelling returns how the lower-case form key is written within
// sentences, the most frequent way first and the lexically smaller on a
// tie. A form seen only at sentence starts keeps its capital unless it is
// a stop word.
func spelling(key string, f *seedForm) string {
	best := func(m map[string]int) string {
		var s string
		n := 0
		for sp, c := range m {
			if c > n || c == n && sp < s {
				s, n = sp, c
			}
		}
		return s
	}
	if len(f.spellings) > 0 {
		return best(f.spellings)
	}
	if german.IsStopWord(key) {
		return key
	}
	return best(f.initial)
}

// Lemmas returns the number of lemmas in v.
func (v *Vocabulary) Lemmas() int {
	return len(v.lemmas)
}

// Known reports whether the lower-case word form w is a word of v's seed
// (or one of the names), as opposed to a generated one.
func (v *Vocabulary) Known(w string) bool {
	return v.known[w]
}
