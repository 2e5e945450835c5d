package app

import (
	"slices"
	"strings"

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

// Timeline is the chronicle page: a header, a search field, a live result
// count and the matching articles as cards in chronological order.
type Timeline struct {
	app.Compo

	bundle   *embed.Bundle
	query    string
	result   search.Result
	expanded map[int]bool
	keys     app.Func // the keyboard shortcut listener, while mounted
}

// NewTimeline returns a timeline of b showing the results for query, as the
// page would after navigating to ?q=query.
func NewTimeline(b *embed.Bundle, query string) *Timeline {
	t := &Timeline{bundle: b}
	t.search(query)
	return t
}

// OnInit runs the empty search, so that the component renders before any
// navigation (for example in tests).
func (t *Timeline) OnInit() {
	if t.result.Hits == nil && t.query == "" {
		t.search("")
	}
}

// OnNav reads the query from the URL. It runs in the prerender too, so a
// shared ?q= link arrives already filtered.
func (t *Timeline) OnNav(ctx app.Context) {
	t.search(ctx.Page().URL().Query().Get(QueryParam))
}

// search runs query and keeps the result.
func (t *Timeline) search(query string) {
	if t.bundle == nil {
		return
	}
	t.query = query
	t.result = t.bundle.Index.Search(query, t.bundle.Docs)
}

// onInput filters on every keystroke.
func (t *Timeline) onInput(ctx app.Context, e app.Event) {
	t.setQuery(ctx, ctx.JSSrc().Get("value").String())
}

// suggest applies a "Meinten Sie …?" suggestion and returns the focus to
// the search field, so the reader can go on typing.
func (t *Timeline) suggest(ctx app.Context, q string) {
	t.setQuery(ctx, q)
	ctx.Defer(func(ctx app.Context) {
		app.Window().GetElementByID("chronik-q").Call("focus")
	})
}

// setQuery searches for q and writes it to the URL with
// history.replaceState, which neither reloads nor floods the history.
func (t *Timeline) setQuery(ctx app.Context, q string) {
	if q == t.query {
		return
	}
	t.search(q)
	u := *ctx.Page().URL()
	v := u.Query()
	if strings.TrimSpace(q) == "" {
		v.Del(QueryParam)
	} else {
		v.Set(QueryParam, q)
	}
	u.RawQuery = v.Encode()
	ctx.Page().ReplaceURL(&u)
}

// toggle expands or collapses the full text of document doc.
func (t *Timeline) toggle(doc int) {
	if t.expanded == nil {
		t.expanded = make(map[int]bool)
	}
	t.expanded[doc] = !t.expanded[doc]
}

// searching reports whether the reader has typed a query.
func (t *Timeline) searching() bool { return strings.TrimSpace(t.query) != "" }

// Hits returns the result's hits in chronological order, the order of the
// chronicle's articles.
func (t *Timeline) Hits() []search.Hit {
	hits := slices.Clone(t.result.Hits)
	slices.SortFunc(hits, func(a, b search.Hit) int { return a.Doc - b.Doc })
	return hits
}

// Render draws the page.
func (t *Timeline) Render() app.UI {
	if t.bundle == nil {
		return app.Main().Text(German().NoChronicle)
	}
	tx := German()
	c := t.bundle.Chronicle
	hits := t.Hits()
	total := len(c.Articles)
	return app.Div().Class("chronik").Body(
		app.Header().Class("chronik-header").Body(
			app.H1().Text(c.Title),
			app.If(c.Description != "", func() app.UI {
				return app.P().Class("chronik-description").Text(c.Description)
			}),
			app.P().Class("chronik-meta").Text(t.meta()),
		),
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
		app.P().ID("chronik-count").Class("chronik-count").Aria("live", "polite").Role("status").
			Text(tx.Count(len(hits), total, t.searching())),
		app.If(len(t.result.Suggestions) > 0, func() app.UI {
			return t.suggestions()
		}),
		app.If(len(hits) == 0, func() app.UI {
			return app.P().Class("chronik-empty").Body(
				app.Text(tx.NoResults[0]),
				app.Strong().Text(t.query),
				app.Text(tx.NoResults[1]),
			)
		}).Else(func() app.UI {
			return app.Ol().Class("chronik-timeline").Body(
				app.Range(hits).Slice(func(i int) app.UI {
					return t.card(hits[i])
				}),
			)
		}),
	)
}

// meta is the header line: the number of articles and the time they cover.
func (t *Timeline) meta() string {
	arts := t.bundle.Chronicle.Articles
	if len(arts) == 0 {
		return "0 Artikel"
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
		return t.query
	}
	return attrSafe(t.query)
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
