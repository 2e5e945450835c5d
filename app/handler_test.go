//go:build !wasm

package app

import (
	"net/http"
	"net/http/httptest"
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
