package app

import (
	"net/url"
	"slices"
	"strings"

	"chronik/embed"
)

// URL parameters of the reader's choices, so that a view of the timeline
// is shareable and survives a reload. QueryParam holds the search.
const (
	SortParam   = "sort"
	SourceParam = "source" // repeated: one per selected source
	ActorParam  = "actor"  // repeated: one per selected actor
	FromParam   = "from"   // first day shown, YYYY-MM-DD
	ToParam     = "to"     // last day shown, YYYY-MM-DD
)

// Sort is the order of the timeline's cards.
type Sort string

// The orders a reader can choose. Chronological is the default, the order
// of a timeline; Relevance applies only while searching, and falls back to
// chronological without a query.
const (
	Chronological Sort = "chronological"
	Newest        Sort = "newest"
	Relevance     Sort = "relevance"
)

// View is what the reader chose: the query, the order and the filters.
// The zero value shows every article in chronological order.
type View struct {
	Query   string
	Sort    Sort
	Sources []string   // selected sources; an article matches any of them
	Actors  []string   // selected actors; an article matches any of them
	From    embed.Date // the first day shown; zero: no lower bound
	To      embed.Date // the last day shown; zero: no upper bound
}

// ParseView reads a view from URL parameters. Values that c does not know
// (a source no article has, an unknown sort, a malformed date) are
// dropped, so a hand-edited or stale link still shows a sensible page.
func ParseView(v url.Values, c *embed.Chronicle) View {
	view := View{Query: v.Get(QueryParam), Sort: Chronological}
	switch s := Sort(v.Get(SortParam)); s {
	case Newest, Relevance:
		view.Sort = s
	}
	view.Sources = known(v[SourceParam], Sources(c))
	view.Actors = known(v[ActorParam], c.Actors)
	view.From = dayParam(v.Get(FromParam))
	view.To = dayParam(v.Get(ToParam))
	if view.From != (embed.Date{}) && view.To != (embed.Date{}) && view.To.Before(view.From) {
		view.From, view.To = view.To, view.From
	}
	return view
}

// known returns the distinct values of vs that are in allowed, in the
// order of allowed.
func known(vs, allowed []string) []string {
	var out []string
	for _, a := range allowed {
		if slices.Contains(vs, a) {
			out = append(out, a)
		}
	}
	return out
}

// dayParam parses a full date, YYYY-MM-DD; anything else is no bound.
func dayParam(s string) embed.Date {
	if len(s) != len("2006-01-02") {
		return embed.Date{}
	}
	d, err := embed.ParseDate(s)
	if err != nil {
		return embed.Date{}
	}
	return d
}

// Encode writes the view into u's query, keeping parameters it does not
// own (such as an embed's theme) and leaving out defaults, so the plain
// timeline keeps its plain URL.
func (v View) Encode(u *url.URL) {
	q := u.Query()
	set := func(key string, vals ...string) {
		q.Del(key)
		for _, s := range vals {
			if s != "" {
				q.Add(key, s)
			}
		}
	}
	query := v.Query
	if strings.TrimSpace(query) == "" {
		query = ""
	}
	sort := string(v.Sort)
	if v.Sort == Chronological {
		sort = ""
	}
	set(QueryParam, query)
	set(SortParam, sort)
	set(SourceParam, v.Sources...)
	set(ActorParam, v.Actors...)
	set(FromParam, dateParam(v.From))
	set(ToParam, dateParam(v.To))
	u.RawQuery = q.Encode()
}

// dateParam formats a bound for the URL and the date fields.
func dateParam(d embed.Date) string {
	return d.String() // "" for no bound
}

// Searching reports whether the view has a query.
func (v View) Searching() bool { return strings.TrimSpace(v.Query) != "" }

// Filtered reports whether any filter narrows the articles.
func (v View) Filtered() bool {
	return len(v.Sources) > 0 || len(v.Actors) > 0 || v.From != (embed.Date{}) || v.To != (embed.Date{})
}

// Order returns the order the cards are shown in: relevance only while
// searching.
func (v View) Order() Sort {
	if v.Sort == Relevance && !v.Searching() {
		return Chronological
	}
	return v.Sort
}

// Sources returns the distinct sources of c's articles, most articles
// first, then by name.
func Sources(c *embed.Chronicle) []string {
	n := map[string]int{}
	for _, a := range c.Articles {
		if a.Source != "" {
			n[a.Source]++
		}
	}
	out := make([]string, 0, len(n))
	for s := range n {
		out = append(out, s)
	}
	// Most articles first, then by name; by insertion, as there are few
	// sources (and a slices.SortFunc instance for strings would add some
	// 15 KB to the WASM).
	before := func(a, b string) bool { return n[a] > n[b] || (n[a] == n[b] && a < b) }
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && before(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
