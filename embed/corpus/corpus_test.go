package corpus

import (
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
	"chronik/search"
	"chronik/search/german"
)

// seedVocabulary returns the vocabulary of the embedded articles.
func seedVocabulary(t testing.TB) *Vocabulary {
	t.Helper()
	v, err := LoadVocabulary(os.DirFS("../articles"), ".")
	require.NoError(t, err)
	return v
}

// generate returns a corpus of n articles from the embedded articles' words.
func generate(t testing.TB, v *Vocabulary, n int, seed uint64) []File {
	t.Helper()
	files, err := v.Generate(n, seed)
	require.NoError(t, err)
	return files
}

// mapFS returns files as the folder "corpus" of an in-memory file system.
func mapFS(files []File) fstest.MapFS {
	fsys := make(fstest.MapFS, len(files))
	for _, f := range files {
		fsys["corpus/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// load parses files with embed.LoadDir, as a build does.
func load(t testing.TB, files []File) *embed.Chronicle {
	t.Helper()
	c, err := embed.LoadDir(mapFS(files), "corpus")
	require.NoError(t, err)
	return c
}

// bodyWords returns the lower-case words of the bodies of articles,
// subheadings included, in order.
func bodyWords(articles []embed.Article) []string {
	out := make([]string, 0, len(articles)*meanWords*11/10)
	for _, a := range articles {
		out = appendWords(out, a.Body)
	}
	return out
}

func TestGenerateIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed uint64
	}{
		{"one article", 1, 1},
		{"hundred articles", 100, 1},
		{"another seed", 100, 7},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := generate(t, v, tt.n, tt.seed)
			b := generate(t, seedVocabulary(t), tt.n, tt.seed)
			require.Equal(t, a, b, "the same vocabulary, n and seed must give the same files")
			assert.NotEqual(t, a, generate(t, v, tt.n, tt.seed+1), "another seed must give another corpus")
		})
	}
}

func TestGenerateStartsLargerCorporaWithTheSameArticles(t *testing.T) {
	v := seedVocabulary(t)
	large := mapFS(generate(t, v, 300, 3))
	for _, f := range generate(t, v, 100, 3) {
		if f.Name == IndexFile {
			continue
		}
		got, ok := large["corpus/"+f.Name]
		require.True(t, ok, "%s is missing from the larger corpus", f.Name)
		assert.Equal(t, string(f.Data), string(got.Data), f.Name)
	}
}

func TestGenerateRejectsEmptyCorpus(t *testing.T) {
	v := seedVocabulary(t)
	for _, n := range []int{0, -1} {
		_, err := v.Generate(n, 1)
		assert.ErrorContains(t, err, "want at least 1", "n=%d", n)
	}
}

func TestLoadDirAcceptsGeneratedCorpus(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed uint64
	}{
		{"one article", 1, 1},
		{"ten articles", 10, 2},
		{"thousand articles", 1000, 1},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := generate(t, v, tt.n, tt.seed)
			require.Len(t, files, tt.n+1, "n articles and the index")
			c := load(t, files)
			require.Len(t, c.Articles, tt.n)
			assert.Equal(t, "Synthetische Chronik: "+strconv.Itoa(tt.n)+" Artikel", c.Title)
			assert.NotEmpty(t, c.Description)

			names := make(map[string]bool)
			for _, f := range files {
				names[f.Name] = true
			}
			for _, a := range c.Articles {
				assert.True(t, names[a.ID+".md"], "%s: the ID is the file name", a.ID)
				assert.True(t, a.Date.Year >= firstYear && a.Date.Year < firstYear+years, "%s: date %s", a.ID, a.Date)
				assert.Contains(t, sources, a.Source, a.ID)
				n := len(words(a.Title))
				assert.True(t, n >= 6 && n <= 12, "%s: title of %d words: %q", a.ID, n, a.Title)
				paras := 0
				for _, p := range a.Paragraphs() {
					if !strings.HasPrefix(p, "## ") {
						paras++
					}
				}
				assert.True(t, paras >= minParagraphs && paras <= maxParagraphs, "%s: %d paragraphs", a.ID, paras)
			}
		})
	}
}

func TestGeneratedFilesWrapBodyLines(t *testing.T) {
	for _, f := range generate(t, seedVocabulary(t), 50, 1) {
		_, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "---\n"), "\n---\n")
		if f.Name == IndexFile {
			assert.Empty(t, body, "the index has no body")
			continue
		}
		require.True(t, ok, "%s: front matter", f.Name)
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "## ") {
				continue // a subheading is one line
			}
			n := utf8.RuneCountInString(line)
			assert.True(t, n <= lineWidth || !strings.Contains(line, " "), "%s: line of %d runes: %q", f.Name, n, line)
		}
	}
}

// share returns the fraction of articles for which has is true.
func share(articles []embed.Article, has func(embed.Article) bool) float64 {
	n := 0
	for _, a := range articles {
		if has(a) {
			n++
		}
	}
	return float64(n) / float64(len(articles))
}

func TestArticlesVaryLikeNews(t *testing.T) {
	c := load(t, generate(t, seedVocabulary(t), 1000, 1))
	tests := []struct {
		name     string
		has      func(embed.Article) bool
		min, max float64
	}{
		{"month-only dates", func(a embed.Article) bool { return a.Date.Day == 0 }, 0.04, 0.14},
		{"kickers", func(a embed.Article) bool { return a.Kicker != "" }, 0.5, 0.7},
		{"authors", func(a embed.Article) bool { return a.Author != "" }, 0.65, 0.85},
		{"subheadings", func(a embed.Article) bool { return strings.Contains(a.Body, "\n\n## ") }, 0.3, 0.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := share(c.Articles, tt.has)
			assert.True(t, got >= tt.min && got <= tt.max, "share %.3f, want %.2f–%.2f", got, tt.min, tt.max)
		})
	}
	t.Run("every year and source", func(t *testing.T) {
		seenYears, seenSources := map[int]bool{}, map[string]bool{}
		for _, a := range c.Articles {
			seenYears[a.Date.Year] = true
			seenSources[a.Source] = true
		}
		assert.Len(t, seenYears, years)
		assert.Len(t, seenSources, len(sources))
	})
}

func TestActorsOccurAndAreFoundBySearch(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed uint64
	}{
		{"seed 1", 200, 1},
		{"seed 2", 200, 2},
		{"seed 3", 200, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, generate(t, seedVocabulary(t), tt.n, tt.seed))
			require.True(t, len(c.Actors) >= 4 && len(c.Actors) <= 6, "actors %q", c.Actors)
			ix := search.Build(embed.Documents(c.Articles))
			docs := embed.Documents(c.Articles)
			for _, actor := range c.Actors {
				found := false
				for _, n := range names {
					found = found || strings.EqualFold(n, actor)
				}
				assert.True(t, found, "%s is not one of the names", actor)
				r := ix.Search(actor, docs)
				assert.Greater(t, r.Total, tt.n/10, "articles about %s", actor)
			}
		})
	}
}

func TestMeanArticleLengthIsAbout500Words(t *testing.T) {
	c := load(t, generate(t, seedVocabulary(t), 1000, 1))
	total := 0
	for _, a := range c.Articles {
		n := len(words(a.Body))
		total += n
		// Subheadings add up to 5 words before each paragraph but the first.
		assert.True(t, n >= meanWords*7/10 && n <= meanWords*13/10+5*(maxParagraphs-1), "%s: %d words", a.ID, n)
	}
	mean := float64(total) / float64(len(c.Articles))
	t.Logf("mean article length: %.1f words", mean)
	assert.InDelta(t, meanWords, mean, 20)
}

// zipfSlope fits log frequency against log rank by least squares over the
// ranks lo to hi (from 1) of the words ws, and returns the slope.
func zipfSlope(ws []string, lo, hi int) float64 {
	counts := make(map[string]int)
	for _, w := range ws {
		counts[w]++
	}
	freq := make([]int, 0, len(counts))
	for _, n := range counts {
		freq = append(freq, n)
	}
	return rankFrequencySlope(freq, lo, hi)
}

// rankFrequencySlope is zipfSlope for the word frequencies freq, in any
// order.
func rankFrequencySlope(freq []int, lo, hi int) float64 {
	freq = slices.Clone(freq)
	slices.SortFunc(freq, func(a, b int) int { return b - a })
	var sx, sy, sxx, sxy, n float64
	for r := lo; r <= hi && r <= len(freq); r++ {
		x, y := math.Log(float64(r)), math.Log(float64(freq[r-1]))
		sx, sy, sxx, sxy, n = sx+x, sy+y, sxx+x*x, sxy+x*y, n+1
	}
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

func TestRankFrequencySlopeOfPowerLaw(t *testing.T) {
	tests := []struct {
		name     string
		exponent float64
	}{
		{"exponent 1", 1},
		{"exponent 1.5", 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var freq []int
			for r := 2000; r >= 1; r-- { // in any order
				freq = append(freq, int(math.Round(1e6*math.Pow(float64(r), -tt.exponent))))
			}
			assert.InDelta(t, -tt.exponent, rankFrequencySlope(freq, 10, 1000), 0.01)
		})
	}
}

func TestWordFrequenciesFollowZipf(t *testing.T) {
	ws := bodyWords(load(t, generate(t, seedVocabulary(t), 1000, 1)).Articles)
	slope := zipfSlope(ws, 10, 1000)
	t.Logf("rank-frequency slope over ranks 10..1000 of %d words: %.3f", len(ws), slope)
	assert.True(t, slope >= -1.3 && slope <= -0.7, "slope %.3f, want -1.3…-0.7", slope)
}

// heaps returns the exponent β of the vocabulary growth V ≈ K·n^β between
// the words of two corpora.
func heaps(small, large []string) float64 {
	v := func(ws []string) float64 {
		seen := make(map[string]bool)
		for _, w := range ws {
			seen[w] = true
		}
		return float64(len(seen))
	}
	return math.Log(v(large)/v(small)) / math.Log(float64(len(large))/float64(len(small)))
}

func TestHeapsOfKnownGrowth(t *testing.T) {
	var small, large []string
	for i := range 100 {
		small = append(small, "w"+strconv.Itoa(i)) // 100 words, 100 distinct
	}
	for i := range 10000 {
		large = append(large, "w"+strconv.Itoa(i%1000)) // 100 times the words, 10 times the vocabulary
	}
	assert.InDelta(t, 0.5, heaps(small, large), 1e-9)
}

func TestVocabularyGrowsAsHeapsLaw(t *testing.T) {
	tests := []struct {
		name         string
		small, large int
		long         bool
	}{
		{"100 to 1,000 articles", 100, 1000, false},
		{"1,000 to 10,000 articles", 1000, 10000, true},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long && (testing.Short() || runtime.GOOS == "js") {
				t.Skip("10,000 articles take seconds, and a minute in WASM")
			}
			small := bodyWords(load(t, generate(t, v, tt.small, 1)).Articles)
			large := bodyWords(load(t, generate(t, v, tt.large, 1)).Articles)
			beta := heaps(small, large)
			t.Logf("Heaps exponent from %d to %d words: %.3f", len(small), len(large), beta)
			assert.True(t, beta >= 0.35 && beta <= 0.8, "β = %.3f, want 0.35…0.8", beta)
		})
	}
}

// splitSeed returns the parts of w if it is a compound of two or three
// seed words of at least minPartRunes letters joined by the linking
// elements the search package knows ("", s, es, n, en), and the linking
// elements used.
func splitSeed(v *Vocabulary, w string) (parts, links []string) {
	for i := range w {
		head := w[:i]
		if utf8.RuneCountInString(head) < minPartRunes || !v.Known(head) {
			continue
		}
		for _, l := range [...]string{"", "s", "es", "n", "en"} {
			rest, ok := strings.CutPrefix(w[i:], l)
			if !ok || utf8.RuneCountInString(rest) < minPartRunes {
				continue
			}
			if v.Known(rest) {
				return []string{head, rest}, []string{l}
			}
			if ps, ls := splitSeed(v, rest); len(ps) == 2 {
				return append([]string{head}, ps...), append([]string{l}, ls...)
			}
		}
	}
	return nil, nil
}

func TestCorpusHasCompoundsAndInflections(t *testing.T) {
	v := seedVocabulary(t)
	ws := bodyWords(load(t, generate(t, v, 1000, 1)).Articles)
	unknown := 0
	forms := make(map[string]map[string]bool) // stem → forms
	links := make(map[string]int)
	compounds, generated := 0, 0
	for _, w := range ws {
		s := german.Stem(w, false)
		if forms[s] == nil {
			forms[s] = make(map[string]bool)
		}
		if v.Known(w) {
			forms[s][w] = true
			continue
		}
		unknown++
		if forms[s][w] {
			continue
		}
		forms[s][w] = true
		generated++
		if parts, ls := splitSeed(v, w); parts != nil {
			compounds++
			for _, l := range ls {
				links[l]++
			}
		}
	}
	inflected := 0
	for _, fs := range forms {
		if len(fs) > 1 {
			inflected++
		}
	}
	t.Logf("%d words: %.1f%% not in the seed; %d generated words, %.1f%% of them compounds of seed words; linking elements %v; %d stems with several forms",
		len(ws), 100*float64(unknown)/float64(len(ws)), generated, 100*float64(compounds)/float64(generated), links, inflected)

	t.Run("15 to 40 percent of the words are generated", func(t *testing.T) {
		assert.Greater(t, float64(unknown)/float64(len(ws)), 0.15)
		assert.Less(t, float64(unknown)/float64(len(ws)), 0.4, "most words come from the seed")
	})
	t.Run("a third or more of the generated words are compounds of seed words", func(t *testing.T) {
		assert.Greater(t, float64(compounds)/float64(generated), 0.33)
	})
	t.Run("compounds use every linking element", func(t *testing.T) {
		for _, l := range [...]string{"", "s", "es", "n", "en"} {
			assert.Greater(t, links[l], 10, "linking element %q", l)
		}
	})
	t.Run("thousands of stems occur in several inflected forms", func(t *testing.T) {
		assert.Greater(t, inflected, 2000)
	})
}
