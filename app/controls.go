package app

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/embed"
)

// controls renders the filters and the order: chips for the sources and
// the chronicle's actors, each with the number of articles it would show,
// a date range and the sort. All of them combine with the search.
func (t *Timeline) controls() app.UI {
	tx := German()
	f := t.facets
	sel := f.selected(t.view)
	srcCounts, actorCounts := sel.counts(t.result.Hits, t.bundle.Chronicle.Articles)
	first, last := t.span()
	return app.Div().Class("chronik-controls").Role("group").Aria("label", tx.Filters).Body(
		app.If(len(f.sources) > 1, func() app.UI {
			return t.chips("quelle", tx.Sources, f.sources, t.view.Sources, srcCounts, func(v *View, vals []string) { v.Sources = vals })
		}),
		app.If(len(f.actors) > 0, func() app.UI {
			return t.chips("akteur", tx.Actors, f.actors, t.view.Actors, actorCounts, func(v *View, vals []string) { v.Actors = vals })
		}),
		app.Div().Class("chronik-row").Body(
			app.FieldSet().Class("chronik-period").Body(
				app.Legend().Text(tx.Period),
				t.dateField("chronik-from", tx.From, first, last, t.view.From, func(v *View, d embed.Date) { v.From = d }),
				t.dateField("chronik-to", tx.To, first, last, t.view.To, func(v *View, d embed.Date) { v.To = d }),
			),
			app.Div().Class("chronik-sort").Body(
				app.Label().For("chronik-sort").Text(tx.SortLabel),
				app.Select().ID("chronik-sort").OnChange(t.onSort).Body(
					app.Range([]Sort{Chronological, Newest, Relevance}).Slice(func(i int) app.UI {
						s := []Sort{Chronological, Newest, Relevance}[i]
						o := app.Option().Value(string(s)).Text(tx.Sorts[s])
						// Only true boolean attributes: go-app's prerender
						// writes false ones as disabled="false", which HTML
						// reads as disabled.
						if t.view.Order() == s {
							o = o.Selected(true)
						}
						if s == Relevance && !t.view.Searching() {
							o = o.Disabled(true)
						}
						return o
					}),
				),
			),
		),
		app.If(t.view.Filtered(), func() app.UI {
			return app.Button().Type("button").Class("chronik-reset").OnClick(t.reset).Text(tx.ResetFilters)
		}),
	)
}

// chips renders one group of filter chips. set stores the group's new
// selection in a view.
func (t *Timeline) chips(group, legend string, values, selected []string, counts []int, set func(*View, []string)) app.UI {
	tx := German()
	return app.FieldSet().Class("chronik-chips").Body(
		app.Legend().Text(legend),
		app.Range(values).Slice(func(i int) app.UI {
			value := values[i]
			on := slices.Contains(selected, value)
			b := app.Button().Type("button").Class("chronik-chip").
				Aria("pressed", strconv.FormatBool(on))
			if counts[i] == 0 && !on {
				b = b.Disabled(true) // see the sort options
			}
			return b.OnClick(func(ctx app.Context, e app.Event) {
				v := t.view
				set(&v, toggled(selected, value, values))
				t.update(ctx, v)
			}, app.EventScope(group+"/"+value)).
				Body(
					app.Text(value),
					app.Span().Class("chronik-visually-hidden").Text(tx.ChipCount[0]),
					app.Span().Class("chronik-chip-count").Text(strconv.Itoa(counts[i])),
					app.Span().Class("chronik-visually-hidden").Text(tx.ChipCount[1]),
				)
		}),
	)
}

// toggled returns selected with value added or removed, in the order of
// all.
func toggled(selected []string, value string, all []string) []string {
	var out []string
	for _, a := range all {
		if on := slices.Contains(selected, a); on != (a == value) {
			out = append(out, a)
		}
	}
	return out
}

// dateField renders one end of the date range as a native date input,
// limited to the chronicle's span.
func (t *Timeline) dateField(id, label, first, last string, d embed.Date, set func(*View, embed.Date)) app.UI {
	return app.Label().For(id).Class("chronik-date-field").Body(
		app.Span().Text(label),
		app.Input().ID(id).Type("date").Min(first).Max(last).Value(d.String()).
			OnChange(func(ctx app.Context, e app.Event) {
				v := t.view
				set(&v, dayParam(ctx.JSSrc().Get("value").String()))
				if v.From != (embed.Date{}) && v.To != (embed.Date{}) && v.To.Before(v.From) {
					v.From, v.To = v.To, v.From
				}
				t.update(ctx, v)
				t.syncFields()
			}),
	)
}

// span returns the first and last day of the chronicle as YYYY-MM-DD, the
// limits of the date fields.
func (t *Timeline) span() (first, last string) {
	arts := t.bundle.Chronicle.Articles
	if len(arts) == 0 {
		return "", ""
	}
	a, b := arts[0].Date, arts[len(arts)-1].Date
	if a.Day == 0 {
		a.Day = 1
	}
	if b.Day == 0 {
		b.Day = lastDay(b) % 100
	}
	return a.String(), b.String()
}

// onSort changes the order.
func (t *Timeline) onSort(ctx app.Context, e app.Event) {
	v := t.view
	switch s := Sort(ctx.JSSrc().Get("value").String()); s {
	case Chronological, Newest, Relevance:
		v.Sort = s
	}
	t.update(ctx, v)
}

// reset clears every filter, keeping the query and the order.
func (t *Timeline) reset(ctx app.Context, e app.Event) {
	v := t.view
	v.Sources, v.Actors, v.From, v.To = nil, nil, embed.Date{}, embed.Date{}
	t.update(ctx, v)
	t.syncFields()
	// The button disappears with the filters: keep the focus in the widget.
	// (Not with ctx.Defer, which skips a function whose button is gone.)
	app.Window().GetElementByID("chronik-q").Call("focus")
}

// syncFields sets the form fields' live values to the view after a change
// that did not come from them. go-app updates attributes, which a field
// the reader has edited no longer follows, and removes an emptied value
// attribute without clearing the field. It runs at once, not deferred: the
// next render sets the same values.
func (t *Timeline) syncFields() {
	if !app.IsClient {
		return
	}
	fields := [...][2]string{
		{"chronik-from", t.view.From.String()},
		{"chronik-to", t.view.To.String()},
		{"chronik-sort", string(t.view.Order())},
	}
	for _, f := range fields {
		if el := app.Window().GetElementByID(f[0]); el.Truthy() && el.Get("value").String() != f[1] {
			el.Set("value", f[1])
		}
	}
}
