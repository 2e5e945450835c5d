package german

import (
	"testing"

	"github.com/kljensen/snowball/snowballword"
	"github.com/stretchr/testify/assert"
)

// stepCase describes one application of a step function to a word whose
// regions have been set explicitly, in the style of the snowball library's
// own step tests.
type stepCase struct {
	name    string
	in      string
	r1, r2  int
	changed bool
	out     string
}

// runStepCases applies step to each case and checks the result.
func runStepCases(t *testing.T, step func(*snowballword.SnowballWord) bool, cases []stepCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := snowballword.New(tc.in)
			w.R1start, w.R2start = tc.r1, tc.r2
			changed := step(w)
			assert.Equal(t, tc.changed, changed, "changed")
			assert.Equal(t, tc.out, w.String(), "word")
			assert.LessOrEqual(t, w.R1start, len(w.RS), "R1 within word")
			assert.LessOrEqual(t, w.R2start, len(w.RS), "R2 within word")
		})
	}
}

func TestPreprocessMarksVowelsNormalizesSpellingsAndFindsRegions(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		out    string
		r1, r2 int
	}{
		{"empty word has empty regions", "", "", 0, 0},
		{"words shorter than three letters have empty regions", "ab", "ab", 2, 2},
		{"u between vowels becomes U", "feuer", "feUer", 3, 5},
		{"y between vowels becomes Y", "bayern", "baYern", 3, 5},
		{"u not between vowels stays", "haus", "haus", 4, 4},
		{"a marked U no longer counts as a vowel", "queue", "queUe", 4, 5},
		{"sharp s becomes ss", "straße", "strasse", 5, 7},
		{"ae becomes a umlaut", "aerger", "ärger", 3, 5},
		{"oe becomes o umlaut", "schoen", "schön", 5, 5},
		{"ue becomes u umlaut and R2 uses the unadjusted R1", "uebernahme", "übernahme", 3, 4},
		{"ue after q is kept", "quelle", "quelle", 4, 6},
		{"qu is skipped as a whole", "aequator", "äquator", 3, 5},
		{"replacements are not rescanned", "aee", "äe", 2, 2},
		{"R1 is moved to at least three letters", "arm", "arm", 3, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := snowballword.New(tc.in)
			preprocess(w)
			assert.Equal(t, tc.out, w.String())
			assert.Equal(t, tc.r1, w.R1start, "R1start")
			assert.Equal(t, tc.r2, w.R2start, "R2start")
		})
	}
}

func TestStep1RemovesInflectionalEndingsInR1(t *testing.T) {
	runStepCases(t, step1, []stepCase{
		{"em is deleted", "problem", 4, 7, true, "probl"},
		{"em after syst is kept", "system", 3, 6, false, "system"},
		{"erinnen is deleted", "lehrerinnen", 3, 5, true, "lehr"},
		{"erin is deleted", "lehrerin", 3, 5, true, "lehr"},
		{"ern is deleted", "äckern", 3, 6, true, "äck"},
		{"es is deleted", "armes", 3, 5, true, "arm"},
		{"e is deleted", "ende", 3, 4, true, "end"},
		{"en after niss loses the s too", "bedürfnissen", 3, 6, true, "bedürfnis"},
		{"s after a valid s-ending is deleted", "ackers", 3, 5, true, "acker"},
		{"s after an invalid s-ending is kept", "autos", 3, 5, false, "autos"},
		{"lns becomes l", "wandelns", 3, 6, true, "wandel"},
		{"ln becomes l", "wandeln", 3, 6, true, "wandel"},
		{"suffix before R1 is kept", "seen", 4, 4, false, "seen"},
		{"a shorter suffix is not tried when the longest is outside R1", "lehrerinnen", 5, 11, false, "lehrerinnen"},
		{"empty word is unchanged", "", 0, 0, false, ""},
	})
}

func TestStep2RemovesFurtherEndingsInR1(t *testing.T) {
	runStepCases(t, step2, []stepCase{
		{"en is deleted", "lesen", 3, 5, true, "les"},
		{"est is deleted", "kleinest", 5, 8, true, "klein"},
		{"st after st-ending and three letters is deleted", "derbst", 3, 6, true, "derb"},
		{"st after st-ending and two letters is kept", "erbst", 3, 5, false, "erbst"},
		{"st after r is kept", "lehrst", 3, 6, false, "lehrst"},
		{"et after et-ending is deleted", "abgebildet", 3, 5, true, "abgebild"},
		{"et after marked U is deleted", "baUet", 3, 5, true, "baU"},
		{"et after b is kept", "gebet", 3, 5, false, "gebet"},
		{"et after tick is kept", "ticket", 3, 6, false, "ticket"},
		{"et after plan is kept", "planet", 4, 6, false, "planet"},
		{"et after geordn is kept", "geordnet", 3, 5, false, "geordnet"},
		{"et after intern is kept", "internet", 3, 5, false, "internet"},
		{"et after tr is kept", "vertret", 3, 5, false, "vertret"},
		{"suffix before R1 is kept", "seen", 4, 4, false, "seen"},
	})
}

func TestStep3RemovesDerivationalSuffixesInR2(t *testing.T) {
	runStepCases(t, step3, []stepCase{
		{"end is deleted", "erfolgend", 3, 5, true, "erfolg"},
		{"ung is deleted", "wohnung", 4, 0, true, "wohn"},
		{"ig before ung is deleted in R2", "erledigung", 3, 5, true, "erled"},
		{"ig before ung is kept after e", "steigung", 0, 0, true, "steig"},
		{"ung before R2 is kept", "bildung", 3, 6, false, "bildung"},
		{"ig is deleted", "zwig", 0, 0, true, "zw"},
		{"ig after e is kept", "zweig", 0, 0, false, "zweig"},
		{"isch is deleted", "kategorisch", 4, 6, true, "kategor"},
		{"ik is deleted", "ethik", 0, 0, true, "eth"},
		{"ik after e is kept", "scheik", 0, 0, false, "scheik"},
		{"lich is deleted", "ordentlich", 3, 5, true, "ordent"},
		{"heit then en in R1 are deleted", "verschiedenheit", 3, 9, true, "verschied"},
		{"keit then ig in R2 are deleted", "beständigkeit", 3, 6, true, "beständ"},
		{"keit is deleted but lich before R2 is kept", "freundlichkeit", 5, 9, true, "freundlich"},
		{"suffix before R2 is kept", "ehrlich", 3, 6, false, "ehrlich"},
	})
}

func TestPostludeUndoesMarkersAndUmlauts(t *testing.T) {
	cases := map[string]string{
		"":        "",
		"feUer":   "feuer",
		"baYern":  "bayern",
		"äöü":     "aou",
		"übermäß": "ubermaß",
	}
	for in, want := range cases {
		w := snowballword.New(in)
		postlude(w)
		assert.Equal(t, want, w.String(), "postlude(%q)", in)
	}
}
