package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/embed"
	"chronik/search"
)

// QueryParam is the URL parameter that holds the search query, so that a
// search is shareable and survives a reload.
const QueryParam = "q"

// Register makes the timeline of b the page at "/" (and "/index.html", which
// static hosts serve for the same page).
func Register(b *embed.Bundle) {
	newTimeline := func() app.Composer { return &Timeline{bundle: b} }
	app.Route("/", newTimeline)
	app.Route("/index.html", newTimeline)
}

// Timeline is the chronicle page: a header, a search field, filters, a
// live result count and the matching articles as cards under month
// headings.
type Timeline struct {
	app.Compo

	bundle   *embed.Bundle
	facets   *facets
	view     View
	searched bool // result holds the search for view.Query
	result   search.Result
	marked   map[int]search.Hit // the highlighted hits of result shown so far, by document
	urlDue   int                // counts URL writes asked for, so that a late one can tell it is stale
	limit    int                // the most cards shown; grows by PageSize with "Mehr anzeigen"
	expanded map[int]bool
	keys     app.Func     // the keyboard shortcut listener, while mounted
	mounted  *app.Context // the component's own context, once mounted
}

// PageSize is how many cards the timeline shows at first and adds with
// each "Mehr anzeigen": a few screens to read on, few enough that a
// keystroke renders quickly however many articles match. The cost of a
// keystroke grows with the cards shown (each is highlighted and diffed);
// at 50, as first built, it took 40 ms at 1,000 articles (docs/performance.md).
const PageSize = 20

// NewTimeline returns a timeline of b showing the results for query, as the
// page would after navigating to ?q=query.
func NewTimeline(b *embed.Bundle, query string) *Timeline {
	return NewTimelineView(b, View{Query: query, Sort: Chronological})
}

// NewTimelineView returns a timeline of b showing v, as the page would
// after navigating to v's URL.
func NewTimelineView(b *embed.Bundle, v View) *Timeline {
	t := &Timeline{bundle: b}
	t.apply(v)
	return t
}

// OnInit shows every article, so that the component renders before any
// navigation (for example in tests).
func (t *Timeline) OnInit() {
	if !t.searched {
		t.apply(View{Sort: Chronological})
	}
}

// OnNav reads the view from the URL. It runs in the prerender too, so a
// shared link arrives already searched, filtered and sorted.
func (t *Timeline) OnNav(ctx app.Context) {
	if t.bundle != nil {
		t.apply(ParseView(ctx.Page().URL().Query(), t.bundle.Chronicle))
	}
}

// apply shows v, searching again only when the query changed.
func (t *Timeline) apply(v View) {
	if t.bundle == nil {
		return
	}
	if t.facets == nil {
		t.facets = newFacets(t.bundle)
	}
	if !t.searched || v.Query != t.view.Query {
		t.result = t.bundle.Index.SearchOptions(v.Query, t.bundle.Docs, SearchOptions())
		t.marked = nil
		t.searched = true
	}
	t.view = v
	t.limit = PageSize
}

// SearchOptions are the options of the timeline's search: every feature,
// and lazy highlighting, because of all the hits, which the counts and the
// order need, only the few on screen (at most [PageSize] at first) are
// highlighted.
func SearchOptions() search.Options {
	o := search.DefaultOptions()
	o.Lazy = true
	return o
}

// marks highlights hits, the hits about to be shown, in place. Each hit is
// highlighted once a search, however often the page renders it.
func (t *Timeline) marks(hits []search.Hit) {
	if t.marked == nil {
		t.marked = make(map[int]search.Hit, len(hits))
	}
	for i := range hits {
		h, ok := t.marked[hits[i].Doc]
		if !ok {
			h = hits[i]
			t.result.HighlightHit(&h)
			t.marked[h.Doc] = h
		}
		hits[i] = h
	}
}

// update shows v and writes it to the URL with history.replaceState,
// which neither reloads nor floods the history.
func (t *Timeline) update(ctx app.Context, v View) {
	t.apply(v)
	t.urlDue++ // a query waiting to be written is written now
	t.writeURL(ctx)
}

// URLDelay is how long a typed query rests before it goes to the URL.
// history.replaceState costs Chromium some milliseconds a call, and more
// when called on every keystroke (it throttles it), which was a third of
// the time from keystroke to cards; a reader who shares or reloads the
// page has stopped typing by then.
const URLDelay = 400 * time.Millisecond

// updateQuery shows v, as typed, and writes it to the URL once the
// typing has rested for URLDelay.
func (t *Timeline) updateQuery(ctx app.Context, v View) {
	t.apply(v)
	t.urlDue++
	due := t.urlDue
	// On the component's own context: the element typed into may be gone
	// by then (a "Meinten Sie" suggestion), and go-app skips its functions.
	if t.mounted != nil {
		ctx = *t.mounted
	}
	ctx.After(URLDelay, func(ctx app.Context) {
		ctx.PreventUpdate() // nothing on the page changes
		if due == t.urlDue {
			t.writeURL(ctx)
		}
	})
}

// writeURL writes the view to the page's URL.
func (t *Timeline) writeURL(ctx app.Context) {
	u := *ctx.Page().URL()
	t.view.Encode(&u)
	ctx.Page().ReplaceURL(&u)
}

// onInput filters on every keystroke.
func (t *Timeline) onInput(ctx app.Context, e app.Event) {
	t.setQuery(ctx, ctx.JSSrc().Get("value").String())
}

// suggest applies a "Meinten Sie …?" suggestion and returns the focus to
// the search field, so the reader can go on typing.
func (t *Timeline) suggest(ctx app.Context, q string) {
	t.setQuery(ctx, q)
	// At once: ctx.Defer would skip it, as the button goes with the
	// suggestions.
	app.Window().GetElementByID("chronik-q").Call("focus")
}

// setQuery searches for q.
func (t *Timeline) setQuery(ctx app.Context, q string) {
	if q == t.view.Query {
		return
	}
	v := t.view
	v.Query = q
	t.updateQuery(ctx, v)
	t.syncFields()
}

// toggle expands or collapses the full text of document doc.
func (t *Timeline) toggle(doc int) {
	if t.expanded == nil {
		t.expanded = make(map[int]bool)
	}
	t.expanded[doc] = !t.expanded[doc]
}

// Hits returns the hits the page shows, filtered and in the view's order.
func (t *Timeline) Hits() []search.Hit {
	arts := t.bundle.Chronicle.Articles
	return arrange(t.result.Hits, arts, t.facets.selected(t.view), t.view.Order())
}

// Render draws the page.
func (t *Timeline) Render() app.UI {
	if t.bundle == nil {
		return app.Main().Text(German().NoChronicle)
	}
	c := t.bundle.Chronicle
	return app.Div().Class("chronik").Body(
		app.Header().Class("chronik-header").Body(
			app.H1().Text(c.Title),
			app.If(c.Description != "", func() app.UI {
				return app.P().Class("chronik-description").Text(c.Description)
			}),
			app.P().Class("chronik-meta").Text(t.meta()),
		),
		app.Main().Class("chronik-main").Body(t.main(t.Hits())...),
	)
}

// main renders the page's main landmark: the search, the filters, the
// count and the first t.limit of the cards.
func (t *Timeline) main(all []search.Hit) []app.UI {
	tx := German()
	c := t.bundle.Chronicle
	total := len(c.Articles)
	hits := all[:min(len(all), t.limit)]
	t.marks(hits)
	return []app.UI{
		app.Form().Class("chronik-search").Aria("label", tx.SearchRegion).
			OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
			Body(
				app.Label().For("chronik-q").Text(tx.SearchLabel),
				app.Input().
					ID("chronik-q").
					Type("search").
					Name(QueryParam).
					Placeholder(tx.Placeholder).
					Aria("describedby", "chronik-keys").
					AutoComplete(false).
					Spellcheck(false).
					Value(t.fieldValue()).
					OnInput(t.onInput),
				app.P().ID("chronik-keys").Class("chronik-visually-hidden").Text(tx.KeyboardHints),
			),
		t.controls(),
		app.P().ID("chronik-count").Class("chronik-count").Aria("live", "polite").Role("status").
			Text(tx.Count(len(all), total, t.view.Searching() || t.view.Filtered())),
		app.If(len(t.result.Suggestions) > 0, func() app.UI {
			return t.suggestions()
		}),
		app.If(len(hits) == 0, func() app.UI {
			if !t.view.Searching() {
				return app.P().Class("chronik-empty").Text(tx.NoFilterMatch)
			}
			return app.P().Class("chronik-empty").Body(
				app.Text(tx.NoResults[0]),
				app.Strong().Text(t.view.Query),
				app.Text(tx.NoResults[1]),
			)
		}).ElseIf(t.view.Order() == Relevance, func() app.UI {
			return app.Section().Class("chronik-results").Body(
				app.H2().Class("chronik-visually-hidden").Text(tx.ByRelevance),
				t.list(hits),
			)
		}).Else(func() app.UI {
			ms := byMonth(hits, c.Articles)
			return app.Div().Class("chronik-months").Body(
				app.Range(ms).Slice(func(i int) app.UI {
					m := ms[i]
					id := fmt.Sprintf("monat-%04d-%02d", m.year, int(m.month))
					return app.Section().Class("chronik-month").Aria("labelledby", id).Body(
						app.H2().ID(id).Class("chronik-month-title").Text(tx.Month(m.year, m.month)),
						t.list(m.hits),
					)
				}),
			)
		}),
		app.If(len(all) > len(hits), func() app.UI {
			rest := len(all) - len(hits)
			return app.P().Class("chronik-more-cards").Body(
				app.Button().ID("chronik-more-cards").Type("button").
					OnClick(func(ctx app.Context, e app.Event) { t.showMore(all[len(hits)].Doc) }).
					Text(tx.ShowMore(min(rest, PageSize), rest)),
			)
		}),
	}
}

// showMore shows the next PageSize cards and moves the focus to the first
// of them, where the reader goes on reading.
func (t *Timeline) showMore(next int) {
	t.limit += PageSize
	id := "weiter-" + t.bundle.Chronicle.Articles[next].ID
	// The component's own context: the button may be gone after the update,
	// and ctx.Defer skips functions of elements that are gone.
	if t.mounted != nil {
		t.mounted.Defer(func(app.Context) {
			if el := app.Window().GetElementByID(id); el.Truthy() {
				el.Call("focus")
			}
		})
	}
}

// list renders hits as cards on the timeline axis.
func (t *Timeline) list(hits []search.Hit) app.UI {
	return app.Ol().Class("chronik-timeline").Body(
		app.Range(hits).Slice(func(i int) app.UI {
			return t.card(hits[i])
		}),
	)
}

// meta is the header line: the number of articles and the time they cover.
func (t *Timeline) meta() string {
	arts := t.bundle.Chronicle.Articles
	if len(arts) == 0 {
		return German().Count(0, 0, false)
	}
	tx := German()
	return tx.Count(0, len(arts), false) + " · " + tx.DateSpan(arts[0].Date, arts[len(arts)-1].Date)
}

// suggestions offers the closest vocabulary words as buttons: "Meinten Sie
// Microsoft?".
func (t *Timeline) suggestions() app.UI {
	sug := t.result.Suggestions
	var body []app.UI
	tx := German()
	body = append(body, app.Text(tx.DidYouMean[0]))
	for i, s := range sug {
		if i > 0 {
			sep := ", "
			if i == len(sug)-1 {
				sep = tx.Or
			}
			body = append(body, app.Text(sep))
		}
		body = append(body, app.Button().Class("chronik-suggestion").Type("button").
			OnClick(func(ctx app.Context, e app.Event) { t.suggest(ctx, s) }, app.EventScope(s)).
			Text(s))
	}
	body = append(body, app.Text(tx.DidYouMean[1]))
	return app.P().Class("chronik-suggest").Body(body...)
}

// fieldValue is the search field's value: the query itself in the browser;
// in the prerender, where go-app does not escape attributes, the query
// without the characters that could end the attribute.
func (t *Timeline) fieldValue() string {
	if app.IsClient {
		return t.view.Query
	}
	return attrSafe(t.view.Query)
}

// attrSafe removes the characters that could break out of an attribute in
// go-app's prerendered HTML, whose attributes are quoted but not escaped.
// The browser-side render sets the attribute through the DOM and is safe
// either way; the query itself is never altered, only its echo in the field.
func attrSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '"', '\\', '<', '>', '&', '\'', '`':
			return -1
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
