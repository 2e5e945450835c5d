package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/search"
)

// card renders one article of the timeline. Ids and the link are the only
// article data in attributes; the loader validated both.
func (t *Timeline) card(h search.Hit) app.UI {
	a := t.bundle.Chronicle.Articles[h.Doc]
	open := t.expanded[h.Doc]
	textID := "text-" + a.ID
	doc := h.Doc
	return app.Li().Class("chronik-item").Body(
		app.Article().ID("artikel-"+a.ID).Class("chronik-card").Aria("labelledby", "titel-"+a.ID).Body(
			app.P().Class("chronik-dateline").Body(
				app.Time().DateTime(a.Date.String()).Class("chronik-date").Text(German().Date(a.Date)),
				app.If(a.Source != "", func() app.UI {
					return app.Span().Class("chronik-source").Text(a.Source)
				}),
				app.If(a.Author != "", func() app.UI {
					return app.Span().Class("chronik-author").Text(a.Author)
				}),
			),
			// The kicker's paragraph is there even when empty (the style
			// sheet hides it), so that every card has the same elements
			// and go-app, which compares children by position, updates a
			// card in place when the results change instead of replacing
			// everything after a missing kicker.
			app.P().Class("chronik-kicker").Body(Highlight(a.Kicker, h.Spans[search.Kicker])...),
			app.H3().ID("titel-"+a.ID).Class("chronik-title").Body(Highlight(a.Title, h.Spans[search.Title])...),
			app.If(!open, func() app.UI {
				return t.snippet(h)
			}).Else(func() app.UI {
				ps := Paragraphs(a.Body, h.Spans[search.Body])
				return app.Div().ID(textID).Class("chronik-text").Body(
					app.Range(ps).Slice(func(i int) app.UI {
						p := ps[i]
						if p.Heading {
							return app.H4().Body(Highlight(p.Text, p.Spans)...)
						}
						return app.P().Body(Highlight(p.Text, p.Spans)...)
					}),
				)
			}),
			app.P().Class("chronik-actions").Body(
				app.Button().ID("weiter-"+a.ID).Class("chronik-more").Type("button").
					Aria("expanded", strconv.FormatBool(open)).Aria("controls", textID).
					OnClick(func(ctx app.Context, e app.Event) { t.toggle(doc) }, app.EventScope(a.ID)).
					Text(moreLabel(open)),
				app.If(a.URL != "", func() app.UI {
					return app.A().Class("chronik-link").Href(a.URL).Target("_blank").Rel("noopener noreferrer").
						Text(German().Original)
				}),
			),
		),
	)
}

// moreLabel is the text of the expand toggle.
func moreLabel(open bool) string {
	if open {
		return German().ReadLess
	}
	return German().ReadMore
}

// snippet renders the teaser, or with a query the best passage with its
// matches marked.
func (t *Timeline) snippet(h search.Hit) app.UI {
	text, spans := Flatten(h.Snippet.Text, h.Snippet.Spans)
	var body []app.UI
	if h.Snippet.Before {
		body = append(body, app.Text("… "))
	}
	body = append(body, Highlight(text, spans)...)
	if h.Snippet.After {
		body = append(body, app.Text(" …"))
	}
	return app.P().Class("chronik-snippet").Body(body...)
}
