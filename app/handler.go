//go:build !wasm

package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/embed"
)

// Options configure the page that serves a chronicle.
type Options struct {
	// Base is the sub-path the site lives under, such as "/chronik";
	// empty for the root of the host.
	Base string
	// Version identifies the build; the service worker replaces its cache
	// when it changes, so it must be a content hash, not a constant.
	Version string
	// WasmSize is the uncompressed size of app.wasm, for the load progress.
	WasmSize int
	// Assets maps the logical path of a file under /web/, such as
	// "/web/app.wasm", to the path it is published under, such as
	// "/web/app.3f2a9c1d7e.wasm". The page, app.js, the manifest and the
	// service worker refer to the published path; a path that is not in
	// Assets is published as it is.
	Assets map[string]string
}

// Handler returns the go-app handler for c: German, with the project's own
// icon and stylesheet, so the page requests nothing from another origin.
// (go-app's default icon is loaded from GitHub.)
func Handler(c *embed.Chronicle, o Options) *app.Handler {
	h := &app.Handler{
		Name:            attrText(c.Title),
		ShortName:       "Chronik",
		Title:           attrText(c.Title),
		Description:     attrText(c.Description),
		Lang:            German().Lang,
		BackgroundColor: "#fbfaf7",
		ThemeColor:      "#b3261e",
		LoadingLabel:    German().Loading,
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/chronik.css"},
		// Blocking, in <head>: it sets the theme before the first paint.
		Scripts: []string{"/web/frame.js"},
		// go-app's worker caches the PNG icons but not the SVG one, the
		// page's favicon.
		CacheableResources: []string{"/web/icon.svg"},
		Version:            o.Version,
	}
	if o.WasmSize > 0 {
		h.WasmContentLength = strconv.Itoa(o.WasmSize)
	}
	prefix := strings.TrimRight(o.Base, "/")
	if prefix != "" && !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	r := resolver{prefix: prefix, names: o.Assets}
	h.Resources = r
	h.ServiceWorkerTemplate = workerTemplate(r.Resolve("/"))
	return h
}

// attrText makes publisher text safe for go-app's prerendered <meta>
// attributes, which are quoted with strconv.Quote but not HTML-escaped: a
// '"' would end the attribute. It becomes a typographic quote.
func attrText(s string) string {
	return strings.NewReplacer(`"`, "”", `\`, "/").Replace(s)
}
