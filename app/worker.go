//go:build !wasm

package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// workerTemplate is go-app's service worker with one change: a page
// navigation is answered from the cache whatever its query string, and any
// page of the site falls back to the cached start page. go-app's own worker
// matches the exact URL, so an offline reload of "?q=Oracle" or of
// "/chronik/index.html" would fail.
func workerTemplate(root string) string {
	const fetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);`
	const offline = `const rootURL = ROOT_URL;

async function fetchWithCache(request) {
  if (request.mode === "navigate") {
    const page = (await caches.match(request, { ignoreSearch: true })) ||
      (await caches.match(rootURL));
    if (page) {
      return page;
    }
  }
  const cachedResponse = await caches.match(request);`
	if !strings.Contains(app.DefaultAppWorkerJS, fetch) {
		panic("go-app's service worker changed: update app/worker.go")
	}
	return strings.Replace(app.DefaultAppWorkerJS, fetch,
		strings.Replace(offline, "ROOT_URL", quoteJS(root), 1), 1)
}

// quoteJS quotes a path for a JavaScript string literal.
func quoteJS(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", "", "<", `\u003c`).Replace(s) + `"`
}

// resolver resolves the site's resource paths. A file under /web/ is
// published under its content-hashed name, such as
// "/web/app.3f2a9c1d7e.wasm" for "/web/app.wasm", so that a long-cached copy
// of an old build is never mixed with a new one. Every path then moves under
// the sub-path, if any, such as "/chronik". Unlike app.PrefixedLocation, it
// maps the root to the prefix with its trailing slash, "/chronik/", the URL a
// static host serves the start page at, which the service worker caches and
// the router strips.
type resolver struct {
	prefix string            // "" or "/chronik", without the trailing slash
	names  map[string]string // logical path → published path
}

// Resolve returns the URL of location on the site.
func (r resolver) Resolve(location string) string {
	if location == "/" || location == "" {
		return r.prefix + "/"
	}
	if strings.HasPrefix(location, "https://") || strings.HasPrefix(location, "http://") {
		return location
	}
	if !strings.HasPrefix(location, "/") {
		location = "/" + location
	}
	if name, ok := r.names[location]; ok {
		location = name
	}
	return r.prefix + location
}
