package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// OnMount listens for the keyboard shortcuts readers know from news sites
// and search pages: "/" jumps to the search field, Esc in it clears the
// query.
func (t *Timeline) OnMount(ctx app.Context) {
	t.mounted = &ctx
	t.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		target := e.Get("target")
		inField := target.Truthy() && (target.Get("isContentEditable").Bool() ||
			isEditable(target.Get("tagName").String()))
		switch key := e.Get("key").String(); {
		case key == "/" && !inField:
			e.Call("preventDefault")
			app.Window().GetElementByID("chronik-q").Call("focus")
		case key == "Escape" && target.Truthy() && target.Get("id").String() == "chronik-q":
			e.Call("preventDefault")
			// go-app removes an emptied value attribute, which leaves the
			// field's typed text; clear the text itself.
			target.Set("value", "")
			ctx.Dispatch(func(ctx app.Context) { t.setQuery(ctx, "") })
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", t.keys)
	app.Window().Get("performance").Call("mark", "chronik-ready") // for make bench: the WASM runs, the index is decoded
}

// OnDismount removes the keyboard listener.
func (t *Timeline) OnDismount() {
	if t.keys != nil {
		app.Window().Call("removeEventListener", "keydown", t.keys)
		t.keys.Release()
		t.keys = nil
	}
}

// isEditable reports whether an element with this tag takes typed text, so
// that "/" typed into it is not a shortcut.
func isEditable(tag string) bool {
	switch tag {
	case "INPUT", "TEXTAREA", "SELECT":
		return true
	}
	return false
}
