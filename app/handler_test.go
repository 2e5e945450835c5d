//go:build !wasm

package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandlerPrerendersGermanPageWithOwnAssetsOnly(t *testing.T) {
	b := bundle(t, "a.md", article("2020-08-03", "Oracle", "Oracle übernimmt."))
	b.Chronicle.Title = `Die "Tiktok" onmouseover="alert(1)" Chronik \ Test`
	b.Chronicle.Description = `Beschreibung" onfocus="alert(2)`
	Register(b)
	h := Handler(b.Chronicle, Options{Version: "test"})

	for _, path := range []string{"/", "/index.html", "/?q=Oracle"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		require.Equal(t, http.StatusOK, w.Code, path)
		got := w.Body.String()
		assert.Contains(t, got, `<html lang="de">`)
		assert.Contains(t, got, "/web/chronik.css")
		assert.Contains(t, got, "/web/icon.svg")
		assert.NotContains(t, got, "raw.githubusercontent.com", "go-app's default icon is remote")
		// go-app quotes attributes with strconv.Quote: an escaped quote \"
		// would end the attribute in HTML and open a new one.
		assert.NotContains(t, got, `\"`, "a quote in the title must not end an attribute")
		assert.Contains(t, got, `content="Die ”Tiktok” onmouseover=”alert(1)” Chronik / Test"`)
		assert.Contains(t, got, `class="chronik-card"`)
	}

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/?q=Oracle", nil))
	assert.Contains(t, w.Body.String(), "<mark>Oracle</mark>", "a shared ?q= link arrives filtered and marked")

	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/app-worker.js", nil))
	assert.NotContains(t, w.Body.String(), "https://", "the service worker caches only own files")
}

func TestWorkerAnswersNavigationsFromCacheUnderSubPath(t *testing.T) {
	b := bundle(t, "a.md", article("2020-08-03", "Oracle", "Oracle übernimmt."))
	Register(b)
	for _, tt := range []struct{ base, root string }{{"", "/"}, {"/chronik", "/chronik/"}, {"/chronik/", "/chronik/"}} {
		h := Handler(b.Chronicle, Options{Base: tt.base, Version: "v1"})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/app-worker.js", nil))
		js := w.Body.String()
		assert.Contains(t, js, `ignoreSearch: true`)
		assert.Contains(t, js, `const rootURL = "`+tt.root+`"`)
		assert.Contains(t, js, `"`+tt.root+`"`, "the start page is cached under the URL hosts serve it at")
		assert.Contains(t, js, "v1", "the version is in the worker, so a new build replaces it")
	}
}

func TestResolverPublishesHashedNamesUnderTheBase(t *testing.T) {
	names := map[string]string{
		"/web/app.wasm":    "/web/app.0123456789.wasm",
		"/web/chronik.css": "/web/chronik.abcdefabcd.css",
	}
	tests := []struct {
		name, base, location, want string
	}{
		{"hashed file at the root", "", "/web/app.wasm", "/web/app.0123456789.wasm"},
		{"hashed file under a sub-path", "/chronik", "/web/app.wasm", "/chronik/web/app.0123456789.wasm"},
		{"hashed file without the leading slash", "/chronik", "web/chronik.css", "/chronik/web/chronik.abcdefabcd.css"},
		{"a file without a hashed name keeps its name", "/chronik", "/web/robots.txt", "/chronik/web/robots.txt"},
		{"an entry point keeps its name", "/chronik", "/app.js", "/chronik/app.js"},
		{"the root at the root", "", "/", "/"},
		{"the root under a sub-path ends with a slash", "/chronik", "/", "/chronik/"},
		{"the empty path is the root", "/chronik", "", "/chronik/"},
		{"the static folder itself", "/chronik", "/web", "/chronik/web"},
		{"a remote URL stays as it is", "/chronik", "https://example.com/web/app.wasm", "https://example.com/web/app.wasm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, resolver{prefix: tt.base, names: names}.Resolve(tt.location))
		})
	}
}

// go-app learns every file's URL from Handler.Resources: the page head,
// app.js (app.wasm), the manifest and the worker's list of files to cache
// must all name the published, hashed files, and never the logical ones.
func TestHandlerRefersToPublishedAssetNames(t *testing.T) {
	b := bundle(t, "a.md", article("2020-08-03", "Oracle", "Oracle übernimmt."))
	Register(b)
	assets := map[string]string{
		"/web/app.wasm":     "/web/app.1111111111.wasm",
		"/web/chronik.css":  "/web/chronik.2222222222.css",
		"/web/frame.js":     "/web/frame.3333333333.js",
		"/web/icon.svg":     "/web/icon.4444444444.svg",
		"/web/icon-192.png": "/web/icon-192.5555555555.png",
		"/web/icon-512.png": "/web/icon-512.6666666666.png",
	}
	for _, base := range []string{"", "/chronik"} {
		t.Run("base "+base, func(t *testing.T) {
			h := Handler(b.Chronicle, Options{Base: base, Version: "v1", Assets: assets})
			get := func(path string) string {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
				require.Equal(t, http.StatusOK, w.Code, path)
				return w.Body.String()
			}
			page, appJS, worker, manifest := get("/"), get("/app.js"), get("/app-worker.js"), get("/manifest.webmanifest")
			for _, want := range []string{"chronik.2222222222.css", "frame.3333333333.js", "icon.4444444444.svg", "icon-512.6666666666.png"} {
				assert.Contains(t, page, `"`+base+"/web/"+want+`"`)
			}
			assert.Contains(t, appJS, `"`+base+`/web/app.1111111111.wasm"`)
			_, cached, ok := strings.Cut(worker, "const resourcesToCache = ")
			require.True(t, ok, "the worker lists the files to cache")
			cached, _, _ = strings.Cut(cached, "\n")
			for _, published := range assets {
				assert.Contains(t, cached, `"`+base+published+`"`, "the worker caches %s", published)
			}
			assert.Contains(t, manifest, `"`+base+`/web/icon-192.5555555555.png"`)
			for logical := range assets {
				for name, body := range map[string]string{"page": page, "app.js": appJS, "worker": worker, "manifest": manifest} {
					assert.NotContains(t, body, `"`+base+logical+`"`, "%s refers to the unhashed %s", name, logical)
				}
			}
		})
	}
}
