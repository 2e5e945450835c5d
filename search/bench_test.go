package search

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// benchStopWords are frequent German function words.
var benchStopWords = strings.Fields(`die der das und in zu den von mit sich des auf für ist im dem
nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie`)

// benchWords are content words of German news text, placed at increasing
// ranks of a Zipf distribution among synthetic words.
var benchWords = strings.Fields(`Regierung Unternehmen Präsident Milliarden Geschäft Daten Europa
Berlin China Trump Plattform Gespräche Übernahme Sicherheit Tiktok Microsoft Oracle Konzern
Washington Verhandlungen Entwickler Kritik Angebot Frist Datenschutz Straße Behörde Gericht
Dekret Verbot Werbung Nutzerdaten Videoplattform US-Präsident Bytedance Nutzer*innen
Singapur Larry Ellison Wahlkampf-Veranstaltung`)

// benchCorpus returns n synthetic articles, deterministically. Word
// frequencies follow a Zipf distribution over a vocabulary of 50,000 words,
// so that content words occur in a realistic share of the documents.
func benchCorpus(n int) []Document {
	const vocab = 50_000
	r := rand.New(rand.NewPCG(42, uint64(n)))
	zipf := rand.NewZipf(r, 1.1, 2, vocab-1)
	word := func() string {
		if r.IntN(3) == 0 {
			return benchStopWords[r.IntN(len(benchStopWords))]
		}
		rank := int(zipf.Uint64())
		if rank >= 20 && rank%40 == 20 && (rank-20)/40 < len(benchWords) {
			return benchWords[(rank-20)/40]
		}
		return "Wort" + strconv.Itoa(rank) + []string{"", "e", "en", "ung", "ungen"}[rank%5]
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
		var body strings.Builder
		for p := range 5 {
			if p > 0 {
				body.WriteString("\n\n")
			}
			for s := range 5 {
				if s > 0 {
					body.WriteByte(' ')
				}
				body.WriteString(sentence(8 + r.IntN(8)))
			}
		}
		docs[i] = doc(sentence(6), word(), body.String())
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
		data, err := Build(benchCorpus(n)).MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		b.Run("docs="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
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
	queries := []string{"", "Tiktok ", "Ueber", "Trump Tiktok", "Präsident Singapur ", "Wort12", "W",
		// typos: a word, a prefix being typed, and a word without correction
		"Mircosoft ", "Verhandlungn", "Zebrastreifen ",
		// phrases and exclusion
		`"Wort2en Wort3ung"`, `"Tiktok Microsoft" -Oracle`, "-Tiktok",
		// compounds: a part of compounds, and a compound query
		"Daten ", "Nutzerdaten "}
	for _, n := range []int{1000, 10000} {
		docs := benchCorpus(n)
		ix := Build(docs)
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
