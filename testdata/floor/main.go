// Command floor is the smallest go-app v10 app: one search field that
// echoes what is typed, and nothing else. It is the floor Chronik's cost is measured against (make
// bench): what any go-app widget pays for the Go runtime, go-app and its
// loader before a single line of its own.
//
// It is built exactly like Chronik. The browser side:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o app.wasm ./testdata/floor
//
// and natively the same program exports the static site, with its own
// local icons so that the page requests nothing from another origin:
//
//	go run ./testdata/floor -wasm app.wasm OUT
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// readyMark is the performance mark the field sets once it is mounted,
// that is, once the WASM runs and the field takes input.
const readyMark = "floor-ready"

// field is the app's only component: a search field that keeps its value.
type field struct {
	app.Compo

	query string
}

// OnMount marks the moment the WASM has taken over the page.
func (f *field) OnMount(ctx app.Context) {
	app.Window().Get("performance").Call("mark", readyMark)
}

// Render draws the field and echoes what was typed, so that make bench can
// time go-app's own keystroke to render (an event handler, the component
// update on go-app's 120 Hz frame tick, one text node changed) as the floor
// of Chronik's.
func (f *field) Render() app.UI {
	return app.Div().Body(
		app.Input().
			ID("floor-q").
			Type("search").
			Aria("label", "Suche").
			Value(f.query).
			OnInput(f.onInput),
		app.P().ID("floor-echo").Text(f.query),
	)
}

// onInput keeps the typed text.
func (f *field) onInput(ctx app.Context, e app.Event) {
	f.query = ctx.JSSrc().Get("value").String()
}

func main() {
	newField := func() app.Composer { return &field{} }
	app.Route("/", newField)
	app.Route("/index.html", newField)
	app.RunWhenOnBrowser() // in the browser, this never returns
	export()
}
