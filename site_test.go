//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeWASM stands in for app.wasm where only its name and bytes matter:
// exportSite does not look inside it.
var fakeWASM = []byte("\x00asm\x01\x00\x00\x00 stands in for app.wasm")

// entryPoints are the files published under stable names at the site's root.
var entryPoints = []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "app.css", "wasm_exec.js", "embed.js", "demo.html"}

// exportTo writes the site of the embedded chronicle under base to a fresh
// folder, laid out as a host serves it (the site in base's folder), and
// returns the site's own folder.
func exportTo(t *testing.T, base string, wasm []byte, assetFS fs.FS) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), filepath.FromSlash(strings.Trim(base, "/")))
	require.NoError(t, exportSite(dir, load(t), base, wasm, assetFS))
	return dir
}

// readSite returns every file in dir by its slash path.
func readSite(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	}))
	return files
}

// webNames returns the names of the files under web/, compressed ones left out.
func webNames(files map[string][]byte) []string {
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "web/") && !isEncoding(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func isEncoding(name string) bool {
	return strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br")
}

var (
	headRef   = regexp.MustCompile(`<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]*)"`)
	wasmRef   = regexp.MustCompile(`fetchWithProgress\(\s*"([^"]*)"`)
	workerRef = regexp.MustCompile(`serviceWorker\.register\(\s*"([^"]*)"`)
	cacheList = regexp.MustCompile(`const resourcesToCache = (\[.*\]);`)
)

// references returns, for each entry point that go-app writes, the URLs it
// makes the browser load: index.html's links, scripts and images, app.js's
// app.wasm and service worker, the worker's files to cache and the
// manifest's icons and start URL.
func references(t *testing.T, files map[string][]byte) map[string][]string {
	t.Helper()
	refs := map[string][]string{}
	for _, m := range headRef.FindAllStringSubmatch(string(files["index.html"]), -1) {
		refs["index.html"] = append(refs["index.html"], m[1])
	}
	for _, re := range []*regexp.Regexp{wasmRef, workerRef} {
		m := re.FindStringSubmatch(string(files["app.js"]))
		require.NotNil(t, m, "app.js has no match for %s", re)
		refs["app.js"] = append(refs["app.js"], m[1])
	}
	m := cacheList.FindStringSubmatch(string(files["app-worker.js"]))
	require.NotNil(t, m, "app-worker.js lists no files to cache")
	var cached []string
	require.NoError(t, json.Unmarshal([]byte(m[1]), &cached))
	refs["app-worker.js"] = cached
	var manifest struct {
		StartURL string `json:"start_url"`
		Icons    []struct{ Src string }
	}
	require.NoError(t, json.Unmarshal(files["manifest.webmanifest"], &manifest))
	refs["manifest.webmanifest"] = append(refs["manifest.webmanifest"], manifest.StartURL)
	for _, icon := range manifest.Icons {
		refs["manifest.webmanifest"] = append(refs["manifest.webmanifest"], icon.Src)
	}
	return refs
}

// fileOf returns the file in the site's folder that the host serves for
// url under base, and false for a URL outside the site.
func fileOf(base, url string) (string, bool) {
	rest, ok := strings.CutPrefix(url, base+"/")
	if !ok {
		return "", false
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	return rest, true
}

func TestStaticSiteEntryPointsReferOnlyToFilesItWrote(t *testing.T) {
	for _, tt := range []struct{ name, base string }{
		{"at the root", ""},
		{"under a sub-path", "/chronik"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := readSite(t, exportTo(t, tt.base, fakeWASM, assets))
			refs := references(t, files)
			for _, from := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest"} {
				require.NotEmpty(t, refs[from], from)
				for _, url := range refs[from] {
					name, ok := fileOf(tt.base, url)
					if assert.True(t, ok, "%s refers to %s, outside the site", from, url) {
						assert.Contains(t, files, name, "%s refers to %s, which was not written", from, url)
					}
				}
			}
			wasm := hashedName("web/app.wasm", fakeWASM)
			assert.Equal(t, tt.base+"/"+wasm, refs["app.js"][0], "app.js loads the hashed app.wasm")
			assert.Contains(t, refs["app-worker.js"], tt.base+"/"+wasm, "the worker caches the hashed app.wasm")
			for _, name := range webNames(files) {
				assert.Contains(t, refs["app-worker.js"], tt.base+"/"+name, "the worker caches %s for offline use", name)
			}
		})
	}
}

func TestStaticSiteNamesEveryWebFileByItsContentHash(t *testing.T) {
	files := readSite(t, exportTo(t, "", fakeWASM, assets))
	hashed := regexp.MustCompile(`^web/(.+)\.([0-9a-f]{10})(\.[a-z]+)$`)
	var logical []string
	for _, name := range webNames(files) {
		m := hashed.FindStringSubmatch(name)
		require.NotNil(t, m, "%s has no content hash in its name", name)
		sum := sha256.Sum256(files[name])
		assert.Equal(t, hex.EncodeToString(sum[:])[:10], m[2], "%s is named by another content", name)
		logical = append(logical, m[1]+m[3])
	}
	want := []string{"app.wasm"}
	require.NoError(t, fs.WalkDir(assets, "web", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != "web/embed.js" && p != "web/demo.html" {
			want = append(want, path.Base(p))
		}
		return err
	}))
	assert.ElementsMatch(t, want, logical, "every file under web/ is published once, hashed")
	for _, name := range entryPoints {
		assert.Contains(t, files, name, "the entry point %s keeps its stable name", name)
	}
}

// assetsWith returns the widget's assets with the file name replaced by data.
func assetsWith(t *testing.T, name string, data []byte) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := assets.ReadFile(p)
		m[p] = &fstest.MapFile{Data: content}
		return err
	}))
	require.Contains(t, m, name)
	m[name] = &fstest.MapFile{Data: data}
	return m
}

// workerVersion returns the version in the service worker of files.
func workerVersion(t *testing.T, files map[string][]byte) string {
	t.Helper()
	m := regexp.MustCompile(`const cacheName = "app-" \+ "([^"]+)"`).FindSubmatch(files["app-worker.js"])
	require.NotNil(t, m, "app-worker.js names no cache")
	return string(m[1])
}

func TestStaticSiteChangingOneAssetRenamesOnlyThatFileAndTheVersion(t *testing.T) {
	css, err := assets.ReadFile("web/chronik.css")
	require.NoError(t, err)
	tests := []struct {
		name    string
		wasm    []byte
		assets  fs.FS
		renamed string // the logical name whose published name changes; "" for none
	}{
		{"nothing changed", fakeWASM, assets, ""},
		{"app.wasm changed", append(slices.Clone(fakeWASM), '!'), assets, "app.wasm"},
		{"chronik.css changed", fakeWASM, assetsWith(t, "web/chronik.css", append(slices.Clone(css), "\n/* changed */\n"...)), "chronik.css"},
		{"icon-192.png changed", fakeWASM, assetsWith(t, "web/icon-192.png", []byte("not really a PNG")), "icon-192.png"},
	}
	before := readSite(t, exportTo(t, "", fakeWASM, assets))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := readSite(t, exportTo(t, "", tt.wasm, tt.assets))
			gone, added := difference(webNames(before), webNames(after)), difference(webNames(after), webNames(before))
			if tt.renamed == "" {
				assert.Empty(t, gone)
				assert.Empty(t, added)
				assert.Equal(t, workerVersion(t, before), workerVersion(t, after))
				for name, data := range before {
					// go-app writes a prerendered element's attributes in map
					// order, so only the HTML pages differ between runs.
					if !strings.HasPrefix(name, "index.html") {
						assert.True(t, bytes.Equal(data, after[name]), "a rebuild of the same input rewrites %s byte for byte", name)
					}
				}
				return
			}
			require.Len(t, gone, 1)
			require.Len(t, added, 1)
			stem, ext, _ := strings.Cut(tt.renamed, ".")
			assert.Regexp(t, `^web/`+regexp.QuoteMeta(stem)+`\.[0-9a-f]{10}\.`+ext+`$`, gone[0])
			assert.Regexp(t, `^web/`+regexp.QuoteMeta(stem)+`\.[0-9a-f]{10}\.`+ext+`$`, added[0])
			assert.NotEqual(t, workerVersion(t, before), workerVersion(t, after), "a new build gets a new service worker")
			for _, name := range entryPoints {
				assert.Contains(t, after, name)
			}
		})
	}
}

// difference returns the elements of a that are not in b.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func TestStaticSitePrecompressedFilesDecompressToTheOriginal(t *testing.T) {
	files := readSite(t, exportTo(t, "", fakeWASM, assets))
	decoders := []struct {
		ext    string
		decode func(t *testing.T, data []byte) []byte
	}{
		{".gz", func(t *testing.T, data []byte) []byte {
			r, err := gzip.NewReader(bytes.NewReader(data))
			require.NoError(t, err)
			assert.True(t, r.ModTime.IsZero(), "no time in the gzip header: the output is deterministic")
			assert.Empty(t, r.Name)
			out, err := io.ReadAll(r)
			require.NoError(t, err)
			return out
		}},
		{".br", func(t *testing.T, data []byte) []byte {
			out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
			require.NoError(t, err)
			return out
		}},
	}
	originals := 0
	for name, data := range files {
		if isEncoding(name) {
			assert.Contains(t, files, name[:len(name)-3], "%s has no original", name)
			continue
		}
		for _, d := range decoders {
			encoded, ok := files[name+d.ext]
			if strings.HasSuffix(name, ".png") {
				assert.False(t, ok, "PNGs are compressed already: no %s%s", name, d.ext)
				continue
			}
			if assert.True(t, ok, "%s has no %s", name, d.ext) {
				assert.True(t, bytes.Equal(data, d.decode(t, encoded)), "%s%s decompresses to other bytes", name, d.ext)
			}
		}
		originals++
	}
	assert.GreaterOrEqual(t, originals, len(entryPoints)+6)
}

// The brotli encoding of app.wasm is smaller than its gzip one: the large
// file gets a lower quality than 11, but still brotli's strong one.
func TestStaticSiteBrotliCompressesLargeFilesBetterThanGzip(t *testing.T) {
	data := bytes.Repeat([]byte("Oracle übernimmt das US-Geschäft von TikTok. "), largeFile/40)
	require.Greater(t, len(data), largeFile)
	gz, err := gzipBytes(data)
	require.NoError(t, err)
	br, err := brotliBytes(data)
	require.NoError(t, err)
	assert.Less(t, len(br), len(gz))
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, out))
}

// chronik serve (make run) serves the page under the same hashed names as
// the static export, each with its type and cache header.
func TestSiteHandlerServesThePageUnderTheExportsNames(t *testing.T) {
	h, err := siteHandler(load(t), fakeWASM)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(url string) (*http.Response, []byte) {
		res, err := http.Get(srv.URL + url)
		require.NoError(t, err)
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, res.StatusCode, url)
		return res, body
	}
	files := map[string][]byte{}
	for _, name := range entryPoints {
		_, files[name] = get("/" + name)
	}
	static := readSite(t, exportTo(t, "", fakeWASM, assets))
	refs := references(t, files)
	for _, from := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest"} {
		for _, url := range refs[from] {
			res, body := get(url)
			name, _ := fileOf("", url)
			if strings.HasPrefix(name, "web/") {
				assert.Equal(t, static[name], body, "%s is the file the static export writes", url)
				assert.Equal(t, immutable, res.Header.Get("Cache-Control"), url)
				assert.Equal(t, contentType(name), res.Header.Get("Content-Type"), url)
			}
		}
	}
	res, body := get(refs["app.js"][0])
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, fakeWASM, body)
	for _, name := range []string{"wasm_exec.js", "embed.js", "demo.html"} {
		assert.Equal(t, static[name], files[name], "serve and the export agree on %s", name)
	}
}

// copyArticles copies the embedded articles to a fresh folder, except the
// files named in leave, and returns the folder.
func copyArticles(t *testing.T, leave ...string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("embed/articles")
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() || slices.Contains(leave, e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join("embed/articles", e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
	return dir
}

// static -articles builds app.wasm with the other folder's articles (go
// build -overlay) and prerenders the page from the same articles, without
// touching the committed embed/data.
func TestStaticArticlesBuildsTheWidgetFromThatFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds app.wasm")
	}
	const removed = "2020-09-14-ticktack-fuer-tiktok"
	committed, err := os.ReadFile("embed/data/chronicle.bin")
	require.NoError(t, err)
	articles := copyArticles(t, removed+".md")
	out := t.TempDir()
	require.NoError(t, writeStaticArticles(articles, out, ""))

	files := readSite(t, out)
	index := string(files["index.html"])
	for _, a := range load(t).Chronicle.Articles {
		if a.ID == removed {
			assert.NotContains(t, index, `id="artikel-`+a.ID+`"`, "the page is prerendered without the removed article")
		} else {
			assert.Contains(t, index, `id="artikel-`+a.ID+`"`)
		}
	}
	wasm := files[strings.TrimPrefix(wasmRef.FindStringSubmatch(string(files["app.js"]))[1], "/")]
	require.NotEmpty(t, wasm)
	assert.False(t, bytes.Contains(wasm, committed), "app.wasm must not embed the committed articles")
	assert.False(t, bytes.Contains(wasm, []byte(removed)), "app.wasm must not embed the removed article")
	assert.True(t, bytes.Contains(wasm, []byte("2020-09-14-oracle-trusted-tech-partner")), "app.wasm embeds the folder's articles")
	after, err := os.ReadFile("embed/data/chronicle.bin")
	require.NoError(t, err)
	assert.Equal(t, committed, after, "embed/data is left alone")
}
