package app

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
)

// chronicle builds a bundle from articles given as front matter lines
// (date, source, title) and a body, with the given actors.
func chronicle(t *testing.T, actors []string, arts ...[4]string) *embed.Bundle {
	t.Helper()
	c := &embed.Chronicle{Title: "Testchronik", Actors: actors}
	for i, a := range arts {
		src := "---\ndate: " + a[0] + "\ntitle: " + a[2] + "\n"
		if a[1] != "" {
			src += "source: " + a[1] + "\n"
		}
		art, err := embed.Parse(fmt.Sprintf("a%d.md", i), []byte(src+"---\n"+a[3]+"\n"))
		require.NoError(t, err)
		c.Articles = append(c.Articles, art)
	}
	json, index, err := embed.Encode(c)
	require.NoError(t, err)
	b, err := embed.Decode(string(json), index)
	require.NoError(t, err)
	return b
}

// fiveArticles is a small chronicle over three months and two sources.
func fiveArticles(t *testing.T) *embed.Bundle {
	return chronicle(t, []string{"Microsoft", "Oracle", "Trump"},
		[4]string{"2020-07-31", "nd", "Trump droht", "Trump droht Tiktok mit einem Verbot."},
		[4]string{"2020-08-03", "nd", "Microsoft verhandelt", "Microsoft will Tiktok kaufen, Trump setzt eine Frist."},
		[4]string{"2020-08", "1E9", "Fragen zur Übernahme", "Ob Microsoft oder Oracle: vieles ist offen."},
		[4]string{"2020-09-14", "1E9", "Oracle gewinnt", "Oracle wird Partner von Tiktok."},
		[4]string{"2020-09-20", "nd", "Bytedance zögert", "Bytedance will den Algorithmus behalten."},
	)
}

func titles(t *Timeline) []string {
	var out []string
	for _, h := range t.Hits() {
		out = append(out, t.bundle.Chronicle.Articles[h.Doc].Title)
	}
	return out
}

func TestParseViewKeepsOnlyValuesTheChronicleKnows(t *testing.T) {
	b := fiveArticles(t)
	tests := []struct {
		name, query string
		want        View
	}{
		{"empty", "", View{Sort: Chronological}},
		{"everything", "q=Tiktok&sort=newest&source=nd&actor=Oracle&actor=Trump&from=2020-08-01&to=2020-08-31",
			View{Query: "Tiktok", Sort: Newest, Sources: []string{"nd"}, Actors: []string{"Oracle", "Trump"},
				From: embed.Date{Year: 2020, Month: 8, Day: 1}, To: embed.Date{Year: 2020, Month: 8, Day: 31}}},
		{"unknown values", "sort=random&source=Bild&actor=Musk&from=gestern&to=2020-08",
			View{Sort: Chronological}},
		{"hostile values", "sort=%3Cscript%3E&source=%22%3E%3Cimg&from=2020-02-30",
			View{Sort: Chronological}},
		{"duplicates once, in the chronicle's order", "actor=Trump&actor=Microsoft&actor=Trump",
			View{Sort: Chronological, Actors: []string{"Microsoft", "Trump"}}},
		{"a reversed range is swapped", "from=2020-09-01&to=2020-08-01",
			View{Sort: Chronological, From: embed.Date{Year: 2020, Month: 8, Day: 1}, To: embed.Date{Year: 2020, Month: 9, Day: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ParseView(v, b.Chronicle))
		})
	}
}

func TestViewEncodeRoundTripsAndKeepsForeignParams(t *testing.T) {
	b := fiveArticles(t)
	v := View{Query: "Tiktok Oracle", Sort: Relevance, Sources: []string{"1E9"}, Actors: []string{"Oracle"},
		From: embed.Date{Year: 2020, Month: 8, Day: 1}}
	u, err := url.Parse("https://cdn.example/chronik/?theme=dark&embed=c1&q=alt")
	require.NoError(t, err)
	v.Encode(u)
	assert.Equal(t, "dark", u.Query().Get("theme"), "the embed's own parameters survive")
	assert.Equal(t, "c1", u.Query().Get("embed"))
	assert.Equal(t, v, ParseView(u.Query(), b.Chronicle))

	(View{Sort: Chronological}).Encode(u)
	assert.Equal(t, "embed=c1&theme=dark", u.RawQuery, "the default view adds nothing to the URL")
}

func TestTimelineSortsChronologicallyNewestFirstOrByRelevance(t *testing.T) {
	b := fiveArticles(t)
	tl := NewTimelineView(b, View{Sort: Chronological})
	assert.Equal(t, []string{"Trump droht", "Microsoft verhandelt", "Fragen zur Übernahme", "Oracle gewinnt", "Bytedance zögert"}, titles(tl))

	tl = NewTimelineView(b, View{Sort: Newest})
	assert.Equal(t, []string{"Bytedance zögert", "Oracle gewinnt", "Fragen zur Übernahme", "Microsoft verhandelt", "Trump droht"}, titles(tl))

	tl = NewTimelineView(b, View{Query: "Oracle", Sort: Relevance})
	assert.Equal(t, []string{"Oracle gewinnt", "Fragen zur Übernahme"}, titles(tl), "the title match ranks first")
	tl = NewTimelineView(b, View{Query: "Oracle", Sort: Chronological})
	assert.Equal(t, []string{"Fragen zur Übernahme", "Oracle gewinnt"}, titles(tl))

	tl = NewTimelineView(b, View{Sort: Relevance})
	assert.Equal(t, Chronological, tl.view.Order(), "relevance without a query falls back to the timeline")
}

func TestFiltersCombineWithEachOtherAndTheSearch(t *testing.T) {
	b := fiveArticles(t)
	aug1, aug31 := embed.Date{Year: 2020, Month: 8, Day: 1}, embed.Date{Year: 2020, Month: 8, Day: 31}
	tests := []struct {
		name string
		view View
		want []string
	}{
		{"a source", View{Sources: []string{"1E9"}}, []string{"Fragen zur Übernahme", "Oracle gewinnt"}},
		{"two sources: either", View{Sources: []string{"1E9", "nd"}}, []string{"Trump droht", "Microsoft verhandelt", "Fragen zur Übernahme", "Oracle gewinnt", "Bytedance zögert"}},
		{"an actor", View{Actors: []string{"Trump"}}, []string{"Trump droht", "Microsoft verhandelt"}},
		{"two actors: either", View{Actors: []string{"Trump", "Oracle"}}, []string{"Trump droht", "Microsoft verhandelt", "Fragen zur Übernahme", "Oracle gewinnt"}},
		{"source and actor: both", View{Sources: []string{"nd"}, Actors: []string{"Microsoft"}}, []string{"Microsoft verhandelt"}},
		{"a month-only date overlaps the range", View{From: aug1, To: aug31}, []string{"Microsoft verhandelt", "Fragen zur Übernahme"}},
		{"an open end", View{From: embed.Date{Year: 2020, Month: 9, Day: 15}}, []string{"Bytedance zögert"}},
		{"with the search", View{Query: "Tiktok", Actors: []string{"Trump"}}, []string{"Trump droht", "Microsoft verhandelt"}},
		{"nothing left", View{Sources: []string{"1E9"}, Actors: []string{"Trump"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.view.Sort = Chronological
			assert.Equal(t, tt.want, titles(NewTimelineView(b, tt.view)))
		})
	}
}

func TestChipCountsSayWhatSelectingThemWouldShow(t *testing.T) {
	b := fiveArticles(t)
	tl := NewTimelineView(b, View{Sort: Chronological, Actors: []string{"Oracle"}})
	sel := tl.facets.selected(tl.view)
	sources, actors := sel.counts(tl.result.Hits, b.Chronicle.Articles)
	// Sources are counted within the Oracle articles (both 1E9); actors
	// ignore their own group's selection.
	assert.Equal(t, []string{"nd", "1E9"}, tl.facets.sources, "most articles first")
	assert.Equal(t, []int{0, 2}, sources)
	assert.Equal(t, []int{2, 2, 2}, actors, "Microsoft, Oracle, Trump")

	tl = NewTimelineView(b, View{Sort: Chronological, Query: "Tiktok"})
	sel = tl.facets.selected(tl.view)
	sources, actors = sel.counts(tl.result.Hits, b.Chronicle.Articles)
	assert.Equal(t, []int{2, 1}, sources, "with the search")
	assert.Equal(t, []int{1, 1, 2}, actors)

	got := html(NewTimelineView(b, View{Sort: Chronological, Sources: []string{"nd"}}))
	attrs, count := chip(t, got, "nd")
	assert.Equal(t, "3", count)
	assert.Regexp(t, `aria-pressed(="true")?( |$)`, attrs)
	attrs, count = chip(t, got, "Microsoft")
	assert.Equal(t, "1", count)
	assert.Contains(t, attrs, `aria-pressed="false"`)
	assert.NotContains(t, attrs, "disabled")
	assert.Contains(t, got, "Filter zurücksetzen")
	assert.Contains(t, got, "3 von 5 Artikeln")
}

func TestChipWithoutArticlesIsDisabledUnlessSelected(t *testing.T) {
	b := fiveArticles(t)
	got := html(NewTimelineView(b, View{Sort: Chronological, Query: "Bytedance", Actors: []string{"Trump"}}))
	attrs, count := chip(t, got, "Oracle")
	assert.Equal(t, "0", count)
	assert.Regexp(t, `\bdisabled\b`, attrs)
	attrs, count = chip(t, got, "Trump")
	assert.Equal(t, "0", count)
	assert.NotContains(t, attrs, "disabled", "a selected chip can always be switched off")
	assert.NotRegexp(t, `(disabled|selected)="false"`, got, "no false boolean attribute, which HTML would read as true")
}

// chip finds the filter chip named name in the rendered page and returns
// its attributes and its count.
func chip(t *testing.T, page, name string) (attrs, count string) {
	t.Helper()
	re := regexp.MustCompile(`<button([^>]*)>` + regexp.QuoteMeta(name) +
		`<span class="chronik-visually-hidden">, </span><span class="chronik-chip-count">(\d+)</span>`)
	m := re.FindStringSubmatch(page)
	require.NotNil(t, m, "no chip %q in %s", name, page)
	assert.Contains(t, m[1], `class="chronik-chip"`)
	return m[1], m[2]
}

func TestTimelineGroupsCardsUnderMonthHeadings(t *testing.T) {
	b := fiveArticles(t)
	got := html(NewTimelineView(b, View{Sort: Chronological}))
	jul, aug, sep := strings.Index(got, ">Juli 2020</h2>"), strings.Index(got, ">August 2020</h2>"), strings.Index(got, ">September 2020</h2>")
	require.Positive(t, jul)
	assert.Less(t, jul, strings.Index(got, "Trump droht"))
	assert.Less(t, strings.Index(got, "Trump droht"), aug)
	assert.Less(t, aug, strings.Index(got, "Fragen zur Übernahme"), "a month-only article belongs to its month")
	assert.Less(t, strings.Index(got, "Fragen zur Übernahme"), sep)
	assert.Equal(t, 3, strings.Count(got, `class="chronik-month-title"`))

	got = html(NewTimelineView(b, View{Sort: Newest}))
	assert.Less(t, strings.Index(got, ">September 2020</h2>"), strings.Index(got, ">Juli 2020</h2>"), "newest first, headings too")

	got = html(NewTimelineView(b, View{Sort: Relevance, Query: "Tiktok"}))
	assert.NotContains(t, got, `class="chronik-month-title"`, "relevance order has no month headings")
	assert.Contains(t, got, "Treffer nach Relevanz")
}

func TestToggledAddsOrRemovesInCanonicalOrder(t *testing.T) {
	all := []string{"a", "b", "c"}
	assert.Equal(t, []string{"a", "c"}, toggled([]string{"c"}, "a", all))
	assert.Equal(t, []string{"c"}, toggled([]string{"a", "c"}, "a", all))
	assert.Nil(t, toggled([]string{"b"}, "b", all))
}

func TestLongListsShowAPageOfCardsAndMoreOnRequest(t *testing.T) {
	n := 2*PageSize + PageSize/2
	var arts [][4]string
	for i := range n {
		arts = append(arts, [4]string{fmt.Sprintf("2020-%02d-%02d", 1+i/28, 1+i%28), "nd", fmt.Sprintf("Meldung %d", i), "Tiktok und Oracle verhandeln."})
	}
	b := chronicle(t, nil, arts...)
	tl := NewTimelineView(b, View{Sort: Chronological, Query: "Tiktok"})
	tx := German()
	got := html(tl)
	assert.Equal(t, PageSize, strings.Count(got, `class="chronik-card"`))
	assert.Contains(t, got, fmt.Sprintf("%d von %d Artikeln", n, n), "the count is of every match")
	assert.Contains(t, got, tx.ShowMore(PageSize, n-PageSize))
	assert.Equal(t, PageSize, strings.Count(got, "<mark>Tiktok</mark>"), "every card shown is highlighted")
	assert.Len(t, tl.marked, PageSize, "the search highlights only the cards shown")

	tl.showMore(tl.Hits()[PageSize].Doc)
	got = html(tl)
	assert.Equal(t, 2*PageSize, strings.Count(got, `class="chronik-card"`))
	assert.Equal(t, 2*PageSize, strings.Count(got, "<mark>Tiktok</mark>"), "the cards shown later are highlighted too")
	assert.Contains(t, got, tx.ShowMore(PageSize/2, PageSize/2))

	tl.showMore(tl.Hits()[2*PageSize].Doc)
	got = html(tl)
	assert.Equal(t, n, strings.Count(got, `class="chronik-card"`))
	assert.NotContains(t, got, "chronik-more-cards")

	tl.apply(View{Sort: Newest, Query: "Tiktok"})
	assert.Equal(t, PageSize, strings.Count(html(tl), `class="chronik-card"`), "a new view starts with one page again")
}

func TestShowMoreLabelReadsAsGerman(t *testing.T) {
	tx := German()
	assert.Equal(t, "50 weitere anzeigen (noch 70)", tx.ShowMore(50, 70))
	assert.Equal(t, "Die letzten 20 Artikel anzeigen", tx.ShowMore(20, 20))
	assert.Equal(t, "Den letzten Artikel anzeigen", tx.ShowMore(1, 1))
}
