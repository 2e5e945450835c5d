package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chronik/embed"
)

// IndexFile is the name of the file that holds the chronicle's own front
// matter in a corpus folder, as embed.LoadDir expects it.
const IndexFile = "_index.md"

// File is one file of a generated corpus.
type File struct {
	Name string // the file name in the corpus folder, such as "2019-03-14-daten.md"
	Data []byte // the file's contents
}

// The shape of an article.
const (
	meanWords     = 500 // words of a body on average, ±30%
	minParagraphs = 3
	maxParagraphs = 8
	// topicPercent is the share of words taken from the article's own few
	// topic words, which makes articles repeat words as real ones do.
	topicPercent = 8
	// minTopicRank is the rank below which lemmas are too common to be
	// an article's topic.
	minTopicRank = 25
	firstYear    = 2016
	years        = 10
	lineWidth    = 78 // where body lines are wrapped, as in hand-written files
	maxSlugBytes = 60 // of the title part of an ID
)

// sources are the fictional publications the articles come from.
var sources = [...]string{
	"Rheinischer Morgen", "Hanseatische Rundschau", "Der Tagesbote", "Netzwelt aktuell",
	"Wirtschaftskurier", "Alpenblatt", "Digitalreport", "Spreebote",
}

// Fictional authors' first and last names.
var (
	firstNames = [...]string{"Anna", "Jonas", "Lea", "Felix", "Miriam", "Tobias", "Sophie", "Lukas", "Hannah",
		"Niklas", "Clara", "Moritz", "Julia", "David", "Paula", "Stefan", "Katrin", "Jan", "Sabine", "Matthias"}
	lastNames = [...]string{"Becker", "Hoffmann", "Schulz", "Wagner", "Krüger", "Lehmann", "Brandt", "Vogel",
		"Kaiser", "Fuchs", "Roth", "Berger", "Winkler", "Lorenz", "Seidel", "Hartmann", "Franke", "Kühn",
		"Sommer", "Engel"}
)

// Generate returns the files of a corpus of n articles drawn from v: n
// article files and IndexFile, sorted by name. The same vocabulary, n and
// seed always give the same bytes, and the articles of a corpus are the
// first n of every larger corpus with the same seed (though not
// necessarily in file name order).
func (v *Vocabulary) Generate(n int, seed uint64) ([]File, error) {
	if n < 1 {
		return nil, fmt.Errorf("corpus: %d articles, want at least 1", n)
	}
	g := &generator{
		x:        newLexicon(v, seed),
		rng:      rand.New(rand.NewPCG(seed, 0x636f72707573)), // "corpus"
		ids:      make(map[string]bool, n),
		nameHits: make([]int, len(names)),
	}
	files := make([]File, 0, n+1)
	for range n {
		files = append(files, g.article())
	}
	files = append(files, g.index(n, seed))
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

// generator writes the articles of one corpus, in order.
type generator struct {
	x        *lexicon
	rng      *rand.Rand
	ids      map[string]bool // article IDs taken
	nameHits []int           // occurrences of each of names so far
	topic    []*lemma        // the current article's topic words
	out      bytes.Buffer    // the file being written, reused
	line     int             // runes on the current line of out
}

// word draws a lemma: one of the article's topic words, or one from the
// whole vocabulary.
func (g *generator) word() *lemma {
	if len(g.topic) > 0 && g.rng.IntN(100) < topicPercent {
		return g.topic[g.rng.IntN(len(g.topic))]
	}
	return g.x.lemma(g.x.rank(g.rng))
}

// form draws a form of l and counts the names used.
func (g *generator) form(l *lemma) string {
	if l.nameAt >= 0 {
		g.nameHits[l.nameAt]++
	}
	if l.cum == nil {
		return l.forms[0]
	}
	return l.form(g.rng.IntN(l.total()))
}

// phrase returns n words for a title or subheading, mostly content words:
// seven in ten stop words drawn are dropped. The first is capitalised.
func (g *generator) phrase(n int) []string {
	ws := make([]string, 0, n)
	for len(ws) < n {
		l := g.word()
		if l.stop && g.rng.IntN(10) < 7 {
			continue
		}
		ws = append(ws, g.form(l))
	}
	ws[0] = capitalize(ws[0])
	return ws
}

// article returns the next article file.
func (g *generator) article() File {
	r := g.rng
	g.topic = g.topic[:0]
	for range 3 + r.IntN(4) {
		for range 20 {
			rank := g.x.rank(r)
			if l := g.x.lemma(rank); rank > minTopicRank && !l.stop {
				g.topic = append(g.topic, l)
				break
			}
		}
	}

	date := g.date()
	title := g.phrase(6 + r.IntN(7))
	base := date.String() + "-" + slug(title[:min(5, len(title))], maxSlugBytes)
	id := base
	for i := 2; g.ids[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	g.ids[id] = true

	g.out.Reset()
	g.out.WriteString("---\ndate: ")
	g.out.WriteString(date.String())
	g.field("title", strings.Join(title, " "))
	if r.IntN(10) < 6 {
		g.field("kicker", g.kicker())
	}
	g.field("source", sources[r.IntN(len(sources))])
	if r.IntN(4) < 3 {
		g.field("author", firstNames[r.IntN(len(firstNames))]+" "+lastNames[r.IntN(len(lastNames))])
	}
	g.out.WriteString("\n---\n")
	g.body()
	return File{Name: id + ".md", Data: bytes.Clone(g.out.Bytes())}
}

// field writes a front matter line with a double-quoted value.
func (g *generator) field(key, value string) {
	g.out.WriteString("\n")
	g.out.WriteString(key)
	g.out.WriteString(": ")
	g.out.WriteString(strconv.Quote(value))
}

// date draws a publication date; one in twelve is known only by its month.
func (g *generator) date() embed.Date {
	r := g.rng
	d := embed.Date{Year: firstYear + r.IntN(years), Month: time.Month(1 + r.IntN(12))}
	if r.IntN(12) > 0 {
		days := time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		d.Day = 1 + r.IntN(days)
	}
	return d
}

// kicker returns the first capitalised topic word, or else a name.
func (g *generator) kicker() string {
	for _, l := range g.topic {
		if f := l.forms[0]; capitalize(f) == f && utf8.RuneCountInString(f) > 2 {
			return g.form(l)
		}
	}
	return g.form(g.x.v.names[g.rng.IntN(len(g.x.v.names))])
}

// body writes the article text: meanWords ± 30% words in paragraphs of
// sentences, with a subheading before one in five paragraphs but the first.
func (g *generator) body() {
	r := g.rng
	total := meanWords*7/10 + r.IntN(meanWords*6/10+1)
	paras := minParagraphs + r.IntN(maxParagraphs-minParagraphs+1)
	weights := make([]int, paras)
	sum := 0
	for i := range weights {
		weights[i] = 2 + r.IntN(4)
		sum += weights[i]
	}
	left := total
	for i, w := range weights {
		n := total * w / sum
		if i == paras-1 {
			n = left
		}
		left -= n
		if i > 0 && r.IntN(5) == 0 {
			g.out.WriteString("\n## ")
			g.out.WriteString(strings.Join(g.phrase(2+r.IntN(4)), " "))
			g.out.WriteString("\n")
		}
		g.out.WriteString("\n")
		g.paragraph(max(n, 1))
	}
}

// paragraph writes n words as sentences of 6 to 20 words, wrapped at
// lineWidth, and ends the line.
func (g *generator) paragraph(n int) {
	r := g.rng
	g.line = 0
	for n > 0 {
		k := 6 + r.IntN(15)
		if n-k < 4 {
			k = n
		}
		n -= k
		for i := range k {
			w := g.form(g.word())
			if i == 0 {
				w = capitalize(w)
			}
			switch {
			case i == k-1 && r.IntN(25) == 0:
				w += "?"
			case i == k-1:
				w += "."
			case r.IntN(16) == 0:
				w += ","
			}
			g.put(w)
		}
	}
	g.out.WriteString("\n")
}

// put writes a word of a paragraph, starting a new line when the current
// one would get longer than lineWidth.
func (g *generator) put(w string) {
	n := utf8.RuneCountInString(w)
	switch {
	case g.line == 0:
	case g.line+1+n > lineWidth:
		g.out.WriteByte('\n')
		g.line = 0
	default:
		g.out.WriteByte(' ')
		g.line++
	}
	g.out.WriteString(w)
	g.line += n
}

// index returns the chronicle's IndexFile. Its actors are four to six of
// the names that occur in the corpus.
func (g *generator) index(n int, seed uint64) File {
	var actors []string
	for i, c := range g.nameHits {
		if c > 0 {
			actors = append(actors, g.x.v.names[i].forms[0])
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x6163746f7273)) // "actors"
	r.Shuffle(len(actors), func(i, j int) { actors[i], actors[j] = actors[j], actors[i] })
	actors = actors[:min(len(actors), 4+r.IntN(3))]

	g.out.Reset()
	fmt.Fprintf(&g.out, "---\n# Generated by go run ./embed/corpus/cmd/corpus -n %d -seed %d: do not edit.\n", n, seed)
	fmt.Fprintf(&g.out, "title: %q\n", fmt.Sprintf("Synthetische Chronik: %d Artikel", n))
	fmt.Fprintf(&g.out, "description: %q\n", fmt.Sprintf(
		"Ein erzeugter deutscher Nachrichtenkorpus für Last- und Skalierungstests (Seed %d): "+
			"Wörter aus den mitgelieferten Artikeln, Komposita und Flexionsformen, "+
			"verteilt nach Zipf, mit einem Wortschatz, der nach Heaps wächst.", seed))
	if len(actors) > 0 {
		fmt.Fprintf(&g.out, "actors: %s\n", strings.Join(actors, ", "))
	}
	g.out.WriteString("---\n")
	return File{Name: IndexFile, Data: bytes.Clone(g.out.Bytes())}
}
