package search

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// doc returns a document with the given title, kicker and body.
func doc(title, kicker, body string) Document {
	return Document{Fields: [NumFields]string{Title: title, Kicker: kicker, Body: body}}
}

// corpus is a small set of made-up German news articles.
var corpus = []Document{
	doc("Tiktok-Übernahme: Microsoft verhandelt weiter",
		"Microsoft",
		"Die Übernahme des Videodienstes Tiktok durch Microsoft ist noch nicht entschieden. "+
			"US-Präsident Donald Trump setzt eine Frist bis Mitte September. "+
			"Nutzer*innen in Europa sind verunsichert."),
	doc("Oracle steigt bei Tiktok ein",
		"Larry Ellison",
		"Der Oracle-Gründer Larry Ellison gilt als Unterstützer des US-Präsidenten. "+
			"Oracle soll Partner für die Daten der amerikanischen Nutzer werden. "+
			"Die Uebernahme durch Microsoft ist damit vom Tisch."),
	doc("Wahlkampf-Veranstaltung in Tulsa",
		"USA",
		"Bei einer Wahlkampfveranstaltung in Tulsa sprach der Präsident vor halb leeren Rängen. "+
			"Viele Tickets hatten junge NutzerInnen von Tiktok reserviert, ohne zu kommen."),
	doc("Bytedance sucht einen neuen Firmensitz",
		"Singapur",
		"Der chinesische Konzern Bytedance erwägt, seinen Sitz nach Singapur oder London zu verlegen. "+
			"In der Strasse vor dem Büro in Peking warten Reporter auf Nachrichten."),
	doc("Datenschutz in Europa",
		"Analyse",
		"Die Straße zum ersten europäischen Datenzentrum in Irland ist lang. "+
			"Die Praesidentin der Datenschutzbehörde fordert mehr Schutz für Nutzer:innen und Nutzer_innen."),
}

// hitDocs returns the documents of hits, in rank order.
func hitDocs(hits []Hit) []int {
	out := []int{}
	for _, h := range hits {
		out = append(out, h.Doc)
	}
	return out
}

// spanTexts returns the text of each span in text.
func spanTexts(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// runeBoundaries returns, for each offset of s and its end, whether a rune
// starts there when s is decoded from the start, as the analyzer decodes it
// (an invalid byte counts as one rune).
func runeBoundaries(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := range s {
		b[i] = true
	}
	b[len(s)] = true
	return b
}

// requireValidSpans checks that spans lie within text, on rune boundaries,
// are non-empty, sorted and do not overlap.
func requireValidSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	if len(spans) == 0 {
		return
	}
	bounds := runeBoundaries(text)
	prev := -1
	for _, s := range spans {
		require.True(t, 0 <= s.Start && s.Start < s.End && s.End <= len(text), "span %v outside [0, %d]", s, len(text))
		require.Greater(t, s.Start, prev, "span %v overlaps or touches the previous one in %q", s, text)
		require.True(t, bounds[s.Start] && bounds[s.End], "span %v not on rune boundaries of %q", s, text)
		prev = s.End
	}
}

// requireValidHit checks the invariants of a hit of docs.
func requireValidHit(t testing.TB, docs []Document, h Hit) {
	t.Helper()
	require.True(t, h.Doc >= 0 && h.Doc < len(docs))
	for f := range h.Spans {
		requireValidSpans(t, docs[h.Doc].Fields[f], h.Spans[f])
	}
	sn := h.Snippet
	require.True(t, utf8.ValidString(sn.Text) || !utf8.ValidString(docs[h.Doc].Fields[Body]))
	requireValidSpans(t, sn.Text, sn.Spans)
	require.Contains(t, docs[h.Doc].Fields[Body], sn.Text)
}
