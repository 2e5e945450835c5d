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

// subPath resolves the site's resources under a sub-path such as
// "/chronik". Unlike app.PrefixedLocation, it maps the root to the prefix
// with its trailing slash, "/chronik/", the URL a static host serves the
// start page at, which the service worker caches and the router strips.
type subPath struct {
	prefix string // without the trailing slash
	app.ResourceResolver
}

// Resolve returns the URL of location under the sub-path.
func (r subPath) Resolve(location string) string {
	if location == "/" || location == "" {
		return r.prefix + "/"
	}
	return r.ResourceResolver.Resolve(location)
}
