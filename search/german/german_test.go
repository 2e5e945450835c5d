package german

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedDir is the repository's shared directory, which lives next to the
// repository checkout; vocabularyDir inside it holds the official Snowball
// German test vocabulary (voc.txt and output.txt from snowball-data).
var (
	sharedDir     = filepath.Join("..", "..", "..", "shared")
	vocabularyDir = filepath.Join(sharedDir, "testdata", "snowball-german")
)

// readLines returns the lines of the file at path.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()

	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}

// loadVocabulary returns the words of voc.txt and their expected stems
// from output.txt. It skips the test when the shared directory is absent,
// unless the CI environment variable is set, in which case it fails. If the
// shared directory exists, missing vocabulary files are an error.
func loadVocabulary(t testing.TB) (words, stems []string) {
	t.Helper()
	if _, err := os.Stat(sharedDir); errors.Is(err, fs.ErrNotExist) {
		msg := "shared directory " + sharedDir + " not found, so the Snowball German vocabulary " +
			vocabularyDir + " (voc.txt, output.txt) is unavailable"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI is set, so this is an error")
		}
		t.Skip(msg + "; skipping")
	}
	words = readLines(t, filepath.Join(vocabularyDir, "voc.txt"))
	stems = readLines(t, filepath.Join(vocabularyDir, "output.txt"))
	require.Len(t, stems, len(words), "voc.txt and output.txt must have the same number of lines")
	return words, stems
}

func TestStemAgreesWithSnowballVocabulary(t *testing.T) {
	words, stems := loadVocabulary(t)

	const maxReported = 20
	agree := 0
	var mismatches []string
	for i, word := range words {
		got := Stem(word, true)
		if got == stems[i] {
			agree++
			continue
		}
		if len(mismatches) < maxReported {
			mismatches = append(mismatches,
				"word="+word+" want="+stems[i]+" got="+got)
		}
	}
	t.Logf("agreement: %d/%d", agree, len(words))
	for _, m := range mismatches {
		t.Log(m)
	}
	require.Equal(t, len(words), agree, "stems disagree with the Snowball vocabulary")
}

func TestStemHandlesEdgeCases(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty string stays empty", "", ""},
		{"single letter is kept", "a", "a"},
		{"single umlaut loses its accent", "ä", "a"},
		{"lone sharp s becomes ss", "ß", "ss"},
		{"short word is not stemmed", "ab", "ab"},
		{"sharp s is spelled ss", "straße", "strass"},
		{"ss spelling stems like sharp s", "strasse", "strass"},
		{"ue after a vowel is not an umlaut", "feuer", "feu"},
		{"y between vowels is kept as y", "bayern", "bay"},
		{"ue after q is not an umlaut", "quelle", "quell"},
		{"marked u after qu is kept", "queue", "queu"},
		{"ae before qu becomes a", "aequator", "aquator"},
		{"syst keeps its em", "system", "system"},
		{"et after tick is kept", "ticket", "ticket"},
		{"et after a valid et-ending is removed", "abgebildet", "abgebild"},
		{"nisse loses both endings", "bedürfnissen", "bedurfnis"},
		{"erinnen is removed", "lehrerinnen", "lehr"},
		{"keit and ig are removed", "beständigkeit", "bestand"},
		{"uppercase-free input with digits is unchanged", "2024", "2024"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Stem(tc.in, true))
		})
	}
}

func TestStemTreatsDigraphsLikeUmlauts(t *testing.T) {
	pairs := [][2]string{
		{"uebernahme", "übernahme"},
		{"aerger", "ärger"},
		{"maedchen", "mädchen"},
		{"schoen", "schön"},
		{"oeffentliche", "öffentliche"},
		{"mueller", "müller"},
		{"groesse", "größe"},
		{"fuesse", "füße"},
	}
	for _, p := range pairs {
		t.Run(p[0], func(t *testing.T) {
			assert.Equal(t, Stem(p[1], true), Stem(p[0], true))
		})
	}
	assert.Equal(t, "ubernahm", Stem("uebernahme", true))
}

func TestStemNeverTurnsQueIntoUmlaut(t *testing.T) {
	for _, word := range []string{"quelle", "quer", "queue", "bequem", "equipe", "aequator"} {
		got := Stem(word, true)
		assert.Contains(t, got, "qu", "Stem(%q) = %q", word, got)
		assert.NotContains(t, got, "ü", "Stem(%q) = %q", word, got)
	}
}

func TestStemLeavesStopWordsAloneUnlessAsked(t *testing.T) {
	cases := []struct {
		word          string
		stemStopWords bool
		want          string
	}{
		{"keine", false, "keine"},
		{"keine", true, "kein"},
		{"und", false, "und"},
		{"dass", false, "dass"},
		{"daß", false, "daß"},
		{"daß", true, "dass"},
		{"während", false, "während"},
		{"während", true, "wahrend"},
		{"wegen", false, "weg"},
		{"häuser", false, "haus"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, Stem(tc.word, tc.stemStopWords),
			"Stem(%q, %v)", tc.word, tc.stemStopWords)
	}
}

func TestIsStopWordUsesSnowballListWithDassAndWithoutWeg(t *testing.T) {
	for _, word := range []string{"aber", "und", "daß", "dass", "für", "über", "zwischen", "anderr", "unse"} {
		assert.True(t, IsStopWord(word), "IsStopWord(%q)", word)
	}
	for _, word := range []string{"weg", "wege", "haus", "", "Und", "dass ", "stemmer"} {
		assert.False(t, IsStopWord(word), "IsStopWord(%q)", word)
	}
}

func TestStemDoesNotPanicOnArbitraryBytes(t *testing.T) {
	inputs := []string{
		"\xff",
		"\xc3",
		"ab\xc3",
		"\xc3\x28",
		"\xe2\x82",
		"\x00",
		"ue\x00e",
		"a\xffe\xffu\xffe",
		"ß\xdf\xdfß",
		"\xed\xa0\x80", // UTF-16 surrogate encoded as UTF-8
		"\U0010FFFF\U0010FFFF\U0010FFFF",
		"UUUYYY",
		"eueueueueueu",
		"ungungungkeitkeit",
		strings.Repeat("ae", 1000),
		strings.Repeat("\xff", 100),
	}
	for _, in := range inputs {
		assert.NotPanics(t, func() { Stem(in, true) }, "Stem(%q, true)", in)
		assert.NotPanics(t, func() { Stem(in, false) }, "Stem(%q, false)", in)
	}
}

func TestStemReplacesInvalidBytesWithReplacementCharacter(t *testing.T) {
	got := Stem("a\xffb", true)
	assert.True(t, utf8.ValidString(got))
	assert.Equal(t, "a\uFFFDb", got)
}

func FuzzStem(f *testing.F) {
	for _, seed := range []string{"", "a", "häuser", "uebernahme", "quelle", "straße", "\xff", "bedürfnissen"} {
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, word string, stemStopWords bool) {
		got := Stem(word, stemStopWords)
		if utf8.ValidString(word) && !utf8.ValidString(got) {
			t.Fatalf("Stem(%q, %v) = %q is not valid UTF-8", word, stemStopWords, got)
		}
		if again := Stem(word, stemStopWords); again != got {
			t.Fatalf("Stem(%q, %v) is not deterministic: %q then %q", word, stemStopWords, got, again)
		}
	})
}

func BenchmarkStem(b *testing.B) {
	words, _ := loadVocabulary(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Stem(words[i], true)
		i++
		if i == len(words) {
			i = 0
		}
	}
}
