package corpus

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
)

// lemmaOf returns the lemma of v that has the form f, or nil.
func lemmaOf(v *Vocabulary, f string) *lemma {
	for _, l := range v.lemmas {
		if slices.Contains(l.forms, f) {
			return l
		}
	}
	return nil
}

func TestNewVocabularyGroupsInflectedFormsByStem(t *testing.T) {
	tests := []struct {
		name  string
		forms []string
	}{
		{"plural", []string{"Gespräche", "Gespräch"}},
		{"plural -en", []string{"Übernahme", "Übernahmen"}},
		{"genitive of a name", []string{"Trump", "Trumps"}},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := lemmaOf(v, tt.forms[0])
			require.NotNil(t, l, "no lemma with %q", tt.forms[0])
			for _, f := range tt.forms[1:] {
				assert.Contains(t, l.forms, f)
			}
		})
	}
}

func TestNewVocabularySpellsWordsAsWithinSentences(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"stop words lower case", "die"},
		{"nouns capitalised", "Daten"},
		{"names as written", "Microsoft"},
	}
	v := seedVocabulary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NotNil(t, lemmaOf(v, tt.want), "%q not spelt so", tt.want)
			assert.True(t, v.Known(strings.ToLower(tt.want)))
		})
	}
}

func TestNewVocabularyRanksNamesAmongTheMostFrequentWords(t *testing.T) {
	v := seedVocabulary(t)
	for i, n := range names {
		t.Run(n, func(t *testing.T) {
			l := v.lemmas[nameRanks[i]-1]
			assert.Same(t, v.names[i], l)
			assert.True(t, strings.EqualFold(n, l.forms[0]), "rank %d is %q", nameRanks[i], l.forms[0])
			assert.Empty(t, l.base, "names are not compound parts")
		})
	}
}

func TestNewVocabularyUsesCommonNounsAsCompoundParts(t *testing.T) {
	v := seedVocabulary(t)
	var parts []string
	for _, l := range v.nouns {
		parts = append(parts, l.base)
	}
	assert.Greater(t, len(parts), 100)
	assert.Contains(t, parts, "Daten")
	assert.Contains(t, parts, "Sicherheit")
	for _, name := range []string{"Donald", "Larry", "Microsoft"} {
		assert.NotContains(t, parts, name, "a name is no compound part")
	}
}

func TestNewVocabularyRejectsSeedWithoutNouns(t *testing.T) {
	c := &embed.Chronicle{Title: "Klein", Articles: []embed.Article{{
		ID: "a", Title: "Kurz", Body: "Die Behörde prüft die Daten.",
	}}}
	_, err := NewVocabulary(c)
	assert.ErrorContains(t, err, "nouns")
}

func TestLoadVocabularyReportsLoadErrors(t *testing.T) {
	_, err := LoadVocabulary(mapFS(nil), "corpus")
	assert.ErrorContains(t, err, "seed vocabulary")
}
