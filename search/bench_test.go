package search

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/require"
)

// benchStopWords are frequent German function words, most frequent first.
var benchStopWords = strings.Fields(`der die und in den von zu das mit sich des auf für ist im dem
nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie
einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei`)

// benchWords are words and names of German news text that the benchmark
// queries look for, placed at increasing ranks of the Zipf distribution of
// the synthetic vocabulary, from a few hundred documents in a thousand to a
// few. Entries with spaces are written as one unit, so that phrases match.
var benchWords = strings.Fields(`Regierung Unternehmen Präsident Milliarden Geschäft Daten Europa
Berlin China Trump Plattform Gespräche Übernahme Sicherheit Tiktok Microsoft Oracle Konzern
Washington Verhandlungen Entwickler Kritik Angebot Frist Datenschutz Straße Behörde Gericht
Dekret Verbot Werbung Nutzerdaten Videoplattform US-Präsident Bytedance Nutzer*innen
Singapur Larry_Ellison Wahlkampf-Veranstaltung Donald_Trump Schutz trusted_tech_partner`)

// benchSyllables are the pieces the synthetic vocabulary is made of: German
// prefixes, stems and suffixes, so that words start with letters in about
// the proportions of German text, many long words are compounds of shorter
// ones, and umlauts and ß occur.
var benchSyllables = strings.Fields(`ver be ge er un an auf aus bei ein ent zer vor nach über um ab
zu haus stadt land recht arbeit schaft heit keit ung lich isch bar sam los wert zeit welt markt
bahn weg werk feld berg burg dorf kraft stand gang fall satz zug spiel schul kind frau mann volk
geld preis wahl rat amt bund tag nacht jahr monat woche grund lage frage sache teil punkt bild
wort schrift buch blatt netz bank kasse steuer polizei straf klage ärzte kranken pflege gesund
wirt händler kauf lohn miete wohn bau bürger gemein schön groß klein neu alt hoch tief lang kurz
stark früh spät öffent süd nord west ost mittel ober unter außen innen grenz krieg frieden sicher
hilfe flucht reise fahr flug hafen schiff auto rad strom gas öl kohle wind sonnen wasser luft
klima wetter regen feuer brand wald tier pflanz acker ernte milch brot fleisch fisch kunst musik
theater film sport fußball trainer spieler verein liga meister pokal schule lehrer studie forsch
technik digital daten firma betrieb leitung führung vorstand aktie börse zins kredit schuld
haushalt plan gesetz partei minister kanzler wahl stimme mehr heit gegen lösung streit`)

// benchWord returns the synthetic lemma of rank r of the vocabulary, and
// whether it is a noun, capitalised and inflected as one.
func benchWord(r int) (string, bool) {
	g := rand.New(rand.NewPCG(uint64(r), 0x5eed))
	n := 1 + g.IntN(2)
	if r > 2000 {
		n += g.IntN(2)
	}
	var b strings.Builder
	for range n {
		b.WriteString(benchSyllables[g.IntN(len(benchSyllables))])
	}
	if g.IntN(3) == 0 {
		b.WriteString([]string{"en", "er", "e", "ung", "heit", "ling", "ik"}[g.IntN(7)])
	}
	w := b.String()
	noun := g.IntN(5) < 3
	if noun {
		first, size := utf8.DecodeRuneInString(w)
		w = string(unicode.ToUpper(first)) + w[size:]
	}
	return w, noun
}

// benchCorpus returns n synthetic German news articles of about 500 words,
// deterministically. Content words are drawn from a Zipf distribution over
// a vocabulary of 60,000 lemmas, inflected, with a third of the words stop
// words; each article repeats words of its own topics, as articles do; the
// words of benchWords, which the benchmark queries look for, have ranks
// spread over the distribution.
func benchCorpus(n int) []Document {
	const (
		vocab  = 60_000
		topics = 12
	)
	r := rand.New(rand.NewPCG(42, uint64(n)))
	zipf := rand.NewZipf(r, 1.07, 1, vocab-1)
	stop := rand.NewZipf(r, 1.2, 1, uint64(len(benchStopWords)-1))
	lemmas := make(map[int]string)
	nouns := make(map[int]bool)
	lemma := func(rank int) string {
		if rank >= 30 && rank%37 == 30 && (rank-30)/37 < len(benchWords) {
			return strings.ReplaceAll(benchWords[(rank-30)/37], "_", " ")
		}
		w, ok := lemmas[rank]
		if !ok {
			w, nouns[rank] = benchWord(rank)
			lemmas[rank] = w
		}
		return w
	}
	var topic [topics]int
	word := func() string {
		if r.IntN(3) == 0 {
			return benchStopWords[stop.Uint64()]
		}
		rank := int(zipf.Uint64())
		if r.IntN(6) == 0 {
			rank = topic[r.IntN(topics)]
		}
		w := lemma(rank)
		if r.IntN(10) < 3 && !strings.ContainsAny(w, " -*") {
			if nouns[rank] {
				w += []string{"s", "n", "en", "e"}[r.IntN(4)]
			} else {
				w += []string{"e", "en", "er", "es"}[r.IntN(4)]
			}
		}
		return w
	}
	sentence := func(words int) string {
		var b strings.Builder
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(word())
		}
		b.WriteByte('.')
		return b.String()
	}
	docs := make([]Document, n)
	for i := range docs {
		for t := range topic {
			topic[t] = 20 + int(zipf.Uint64())%5000
		}
		var body strings.Builder
		for words, target := 0, 420+r.IntN(160); words < target; {
			if words > 0 {
				body.WriteString("\n\n")
			}
			for s := range 3 + r.IntN(4) {
				if s > 0 {
					body.WriteByte(' ')
				}
				k := 8 + r.IntN(14)
				body.WriteString(sentence(k))
				words += k
			}
		}
		docs[i] = doc(sentence(6+r.IntN(5)), lemma(topic[0]), body.String())
	}
	return docs
}

func BenchmarkAnalyze(b *testing.B) {
	text := benchCorpus(1)[0].Fields[Body]
	a := NewAnalyzer()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		a.Analyze(text)
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		docs := benchCorpus(n)
		b.Run("docs="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				Build(docs)
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data, err := Build(benchCorpus(n)).Encode()
		if err != nil {
			b.Fatal(err)
		}
		b.Run("docs="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu := cpuTime()
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(len(data)), "index-bytes")
		})
	}
}

func BenchmarkTypoMatches(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		ix := Build(benchCorpus(n))
		b.Run("docs="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				ix.typoMatches("verhandlungn")
			}
			b.ReportMetric(float64(len(ix.surfs)), "vocabulary")
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	queries := []string{"", "Tiktok ", "Ueber", "Trump Tiktok", "Präsident Singapur ", "Regierung", "W",
		// typos: a word, a prefix being typed, and a word without correction
		"Mircosoft ", "Verhandlungn", "Zebrastreifen ",
		// phrases and exclusion
		`"Larry Ellison"`, `"Tiktok Microsoft" -Oracle`, "-Tiktok",
		// compounds: a part of compounds, and a compound query
		"Daten ", "Nutzerdaten "}
	for _, n := range []int{1000, 10000} {
		docs := benchCorpus(n)
		ix := Build(docs)
		debug.FreeOSMemory() // the garbage of Build
		for _, q := range queries {
			b.Run("docs="+strconv.Itoa(n)+"/q="+strconv.Quote(q), func(b *testing.B) {
				hits := 0
				for b.Loop() {
					hits = len(ix.Search(q, docs).Hits)
				}
				b.ReportMetric(float64(hits), "hits")
			})
		}
		// A UI showing the first results only bounds the highlighting work.
		b.Run("docs="+strconv.Itoa(n)+"/q=\"W\"/n=20", func(b *testing.B) {
			for b.Loop() {
				ix.SearchN("W", docs, 20)
			}
		})
	}
}

// benchShown is the number of hits a result list shows, which the UI
// highlights.
const benchShown = 50

// benchScales are the corpus sizes of the scale benchmarks, in articles.
var benchScales = []int{1000, 10000}

// readBenchQueries returns the queries of testdata/bench-queries.txt: one
// JSON string per line, skipping blank lines and # comments.
func readBenchQueries() ([]string, error) {
	data, err := os.ReadFile("testdata/bench-queries.txt")
	if err != nil {
		return nil, fmt.Errorf("read benchmark queries: %w", err)
	}
	var qs []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var q string
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("benchmark queries line %d: %w", n, err)
		}
		qs = append(qs, q)
	}
	return qs, nil
}

// benchQueries returns the benchmark queries or fails tb.
func benchQueries(tb testing.TB) []string {
	tb.Helper()
	qs, err := readBenchQueries()
	require.NoError(tb, err)
	return qs
}

func TestBenchQueriesAreDistinctAndEnough(t *testing.T) {
	qs := benchQueries(t)
	require.GreaterOrEqual(t, len(qs), 30)
	seen := make(map[string]bool)
	for _, q := range qs {
		require.False(t, seen[q], "query %q twice", q)
		seen[q] = true
	}
}

// BenchmarkSearchScale measures what the UI does on a keystroke: a lazy
// search for every hit, then highlighting the hits it shows.
func BenchmarkSearchScale(b *testing.B) {
	benchScale(b, benchShown)
}

// BenchmarkSearchOnly measures a lazy search without highlighting: the
// matching, ranking and suggestions.
func BenchmarkSearchOnly(b *testing.B) {
	benchScale(b, 0)
}

// benchScale runs the benchmark queries lazily on the benchmark corpora,
// highlighting the first shown hits of each result.
func benchScale(b *testing.B, shown int) {
	queries := benchQueries(b)
	opt := DefaultOptions()
	opt.Lazy = true
	for _, n := range benchScales {
		docs := benchCorpus(n)
		ix := Build(docs)
		// Collect the garbage of Build and return it to the system now,
		// then run every query once, so that the first ones measured do
		// not grow the heap again.
		debug.FreeOSMemory()
		for _, q := range queries {
			ix.SearchOptions(q, docs, opt)
		}
		for _, q := range queries {
			b.Run(fmt.Sprintf("articles=%d/q=%s", n, strconv.Quote(q)), func(b *testing.B) {
				hits := 0
				cpu := cpuTime()
				for b.Loop() {
					res := ix.SearchOptions(q, docs, opt)
					for i := range min(shown, len(res.Hits)) {
						res.Highlight(i)
					}
					hits = res.Total
				}
				reportCPU(b, cpu)
				b.ReportMetric(float64(hits), "hits")
			})
		}
	}
}

// reportCPU reports the CPU time per operation of the process since cpu, a
// value of cpuTime, which includes the garbage collector's work on other
// threads (a WebAssembly program does all its work on one) but not the time
// spent waiting for a processor on a busy machine.
func reportCPU(b *testing.B, cpu int64) {
	if now := cpuTime(); cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(now-cpu)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkIndexSize reports the size of the encoded index per article, raw
// and compressed with brotli at quality 11, as it is served.
func BenchmarkIndexSize(b *testing.B) {
	for _, n := range benchScales {
		b.Run("articles="+strconv.Itoa(n), func(b *testing.B) {
			data, err := Build(benchCorpus(n)).Encode()
			require.NoError(b, err)
			var br bytes.Buffer
			w := brotli.NewWriterLevel(&br, brotli.BestCompression)
			_, err = w.Write(data)
			require.NoError(b, err)
			require.NoError(b, w.Close())
			for b.Loop() {
			}
			b.ReportMetric(float64(len(data))/float64(n), "raw-B/article")
			b.ReportMetric(float64(br.Len())/float64(n), "br-B/article")
		})
	}
}
