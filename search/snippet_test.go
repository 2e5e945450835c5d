package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// filler returns n words of neutral text.
func filler(n int) string {
	words := strings.Fields("Das Wetter war am Vormittag freundlich und die Lage blieb ruhig während Beobachter weitere Gespräche erwarteten")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// requireWordBoundaries checks that the snippet text of body starts and ends
// at whitespace or at the ends of body.
func requireWordBoundaries(t *testing.T, body string, sn Snippet) {
	t.Helper()
	start := strings.Index(body, sn.Text)
	require.GreaterOrEqual(t, start, 0)
	end := start + len(sn.Text)
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(body[:start])
		assert.True(t, unicode.IsSpace(r), "snippet starts inside a word: %q", body[max(start-10, 0):start+10])
	}
	if end < len(body) {
		r, _ := utf8.DecodeRuneInString(body[end:])
		assert.True(t, unicode.IsSpace(r), "snippet ends inside a word: %q", body[end-10:min(end+10, len(body))])
	}
}

func TestSnippetCentresOnMatches(t *testing.T) {
	body := filler(100) + " Die Übernahme von Tiktok durch Oracle ist beschlossen. " + filler(100)
	docs := []Document{doc("Titel", "", body)}
	res := Build(docs).Search("Übernahme ", docs)
	require.Len(t, res.Hits, 1)
	sn := res.Hits[0].Snippet
	requireValidHit(t, docs, res.Hits[0])
	assert.True(t, sn.Before)
	assert.True(t, sn.After)
	assert.Equal(t, []string{"Übernahme"}, spanTexts(sn.Text, sn.Spans))
	n := utf8.RuneCountInString(sn.Text)
	assert.True(t, n >= snippetRunes-2*snippetSlack && n <= snippetRunes+2*snippetSlack, "snippet has %d runes", n)
	requireWordBoundaries(t, body, sn)
}

func TestSnippetPrefersWindowWithMostDistinctTerms(t *testing.T) {
	body := "Tiktok wächst. " + filler(80) + " Oracle und Tiktok einigen sich. " + filler(80) + " Tiktok, Tiktok, Tiktok."
	docs := []Document{doc("Titel", "", body)}
	res := Build(docs).Search("Tiktok Oracle ", docs)
	require.Len(t, res.Hits, 1)
	sn := res.Hits[0].Snippet
	assert.Contains(t, sn.Text, "Oracle und Tiktok einigen sich")
	assert.Equal(t, []string{"Oracle", "Tiktok"}, spanTexts(sn.Text, sn.Spans))
	requireWordBoundaries(t, body, sn)
}

func TestSnippetAtEndOfBodyIsFilledFromBefore(t *testing.T) {
	body := filler(100) + " Am Ende steht Singapur."
	docs := []Document{doc("Titel", "", body)}
	res := Build(docs).Search("Singapur ", docs)
	require.Len(t, res.Hits, 1)
	sn := res.Hits[0].Snippet
	assert.True(t, sn.Before)
	assert.False(t, sn.After)
	assert.True(t, strings.HasSuffix(sn.Text, "Singapur."))
	assert.Greater(t, utf8.RuneCountInString(sn.Text), snippetRunes-snippetSlack)
	requireWordBoundaries(t, body, sn)
}

func TestTeaserIsStartOfBody(t *testing.T) {
	body := filler(100)
	sn := teaser(body)
	assert.False(t, sn.Before)
	assert.True(t, sn.After)
	assert.Empty(t, sn.Spans)
	assert.True(t, strings.HasPrefix(body, sn.Text))
	n := utf8.RuneCountInString(sn.Text)
	assert.True(t, n > snippetRunes-snippetSlack && n <= snippetRunes+snippetSlack, "teaser has %d runes", n)
	requireWordBoundaries(t, body, sn)

	short := "  Kurzer Text.\n"
	assert.Equal(t, Snippet{Text: "Kurzer Text."}, teaser(short))
	assert.Equal(t, Snippet{}, teaser(""))
	assert.Equal(t, Snippet{}, teaser(" \n "))
}

func TestSnippetCutsTextWithoutSpacesBetweenRunes(t *testing.T) {
	body := strings.Repeat("微软", 300) + " 微软 " + strings.Repeat("微软", 300)
	docs := []Document{doc("", "", body)}
	res := Build(docs).Search("微软 ", docs)
	require.Len(t, res.Hits, 1)
	sn := res.Hits[0].Snippet
	requireValidHit(t, docs, res.Hits[0])
	assert.True(t, utf8.ValidString(sn.Text))
	assert.Equal(t, []string{"微软"}, spanTexts(sn.Text, sn.Spans))
	assert.LessOrEqual(t, utf8.RuneCountInString(sn.Text), snippetRunes+2*snippetSlack)
}

func TestSnippetOfTitleOnlyMatchIsTeaser(t *testing.T) {
	body := filler(100)
	docs := []Document{doc("Singapur", "", body)}
	res := Build(docs).Search("Singapur ", docs)
	require.Len(t, res.Hits, 1)
	assert.Equal(t, teaser(body), res.Hits[0].Snippet)
}

func TestSnippetWithLongMatch(t *testing.T) {
	long := strings.Repeat("x", 400)
	body := filler(50) + " " + long + " " + filler(50)
	docs := []Document{doc("", "", body)}
	res := Build(docs).Search(long+" ", docs)
	require.Len(t, res.Hits, 1)
	sn := res.Hits[0].Snippet
	requireValidHit(t, docs, res.Hits[0])
	assert.Contains(t, sn.Text, long)
	assert.Equal(t, []string{long}, spanTexts(sn.Text, sn.Spans))
}
