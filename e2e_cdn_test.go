//go:build !wasm

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The static site on a host configured as the README says: precompressed
// files, long-lived caching for the hashed files, and a new deployment
// that reaches readers who have the old one cached.

// cdn serves a static site the way the README tells a host to: the .br or
// .gz beside a file when the browser accepts that encoding (with
// Content-Encoding and Vary), an ETag, and the README's Cache-Control. It
// records every request, and the folder it serves can be switched, as a
// new deployment switches it.
type cdn struct {
	origin string

	mu  sync.Mutex
	dir string
	log []cdnRequest
}

// cdnRequest is one request the cdn answered.
type cdnRequest struct {
	path     string
	encoding string // Content-Encoding of the response, "" for none
	status   int
}

// serveCDN serves dir on a fresh loopback port.
func serveCDN(t *testing.T, dir string) *cdn {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	c := &cdn{origin: "http://" + ln.Addr().String(), dir: dir}
	srv := &http.Server{Handler: c}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return c
}

// deploy makes the cdn serve dir from now on.
func (c *cdn) deploy(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dir = dir
}

// requests returns the requests answered so far.
func (c *cdn) requests() []cdnRequest {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.log)
}

// ServeHTTP answers r from the folder deployed now.
func (c *cdn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	dir := c.dir
	c.mu.Unlock()
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	req := cdnRequest{path: r.URL.Path, status: http.StatusNotFound}
	defer func() {
		c.mu.Lock()
		c.log = append(c.log, req)
		c.mu.Unlock()
	}()
	file := filepath.Join(dir, filepath.FromSlash(name))
	if info, err := os.Stat(file); err != nil || info.IsDir() {
		http.NotFound(w, r)
		return
	}
	if compressible(name) {
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if _, err := os.Stat(file + enc.ext); err == nil && accepts(r, enc.token) {
				file, req.encoding = file+enc.ext, enc.token
				break
			}
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(data)
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", cacheControl(name))
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	if req.encoding != "" {
		h.Set("Content-Encoding", req.encoding)
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	http.ServeContent(sw, r, name, time.Time{}, strings.NewReader(string(data)))
	req.status = sw.status
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records status and sends it.
func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// accepts reports whether r's Accept-Encoding allows token.
func accepts(r *http.Request, token string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), token) {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// response is what the browser received for one URL.
type response struct {
	status        int64
	headers       map[string]string // names in lower case
	fromWorker    bool
	encodedLength float64 // bytes on the wire, body and headers
}

// responses records what the page's requests received, by URL.
type responses struct {
	mu   sync.Mutex
	byID map[network.RequestID]string
	got  map[string][]*response
}

// listenResponses starts recording the responses of ctx's page.
func listenResponses(ctx context.Context) *responses {
	rs := &responses{byID: map[network.RequestID]string{}, got: map[string][]*response{}}
	ids := map[network.RequestID]*response{}
	chromedp.ListenTarget(ctx, func(ev any) {
		rs.mu.Lock()
		defer rs.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventResponseReceived:
			res := &response{status: e.Response.Status, headers: map[string]string{}, fromWorker: e.Response.FromServiceWorker}
			for k, v := range e.Response.Headers {
				res.headers[strings.ToLower(k)] = fmt.Sprint(v)
			}
			ids[e.RequestID] = res
			rs.got[e.Response.URL] = append(rs.got[e.Response.URL], res)
		case *network.EventLoadingFinished:
			if res, ok := ids[e.RequestID]; ok {
				res.encodedLength = e.EncodedDataLength
			}
		}
	})
	return rs
}

// all returns the responses recorded so far, by URL.
func (rs *responses) all() map[string][]response {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	out := map[string][]response{}
	for url, list := range rs.got {
		for _, r := range list {
			out[url] = append(out[url], *r)
		}
	}
	return out
}

// publishedWasm returns the path app.js of the site in dir loads app.wasm from.
func publishedWasm(t *testing.T, dir string) string {
	t.Helper()
	appJS, err := os.ReadFile(filepath.Join(dir, "app.js"))
	require.NoError(t, err)
	m := wasmRef.FindSubmatch(appJS)
	require.NotNil(t, m, "app.js loads no app.wasm")
	return string(m[1])
}

// siteVersion returns the version in the service worker of the site in dir.
func siteVersion(t *testing.T, dir string) string {
	t.Helper()
	worker, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	require.NoError(t, err)
	return workerVersion(t, map[string][]byte{"app-worker.js": worker})
}

// webFiles returns the paths of the site's files under /web/, as URLs.
func webFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, name := range webNames(readSite(t, dir)) {
		out = append(out, "/"+name)
	}
	return out
}

func TestE2ECDNServesPrecompressedFilesWithCacheHeaders(t *testing.T) {
	b, dir := staticSite(t)
	c := serveCDN(t, dir)
	ctx := browser(t)
	rs := listenResponses(ctx)
	var reqs requests
	reqs.listen(ctx)
	require.NoError(t, chromedp.Run(ctx, network.Enable(), chromedp.Navigate(c.origin+"/")))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, typeQuery(ctx, "Oracle"))
	require.NoError(t, waitCount(ctx, fmt.Sprintf("2 von %d Artikeln", len(b.Chronicle.Articles))))

	wasm := publishedWasm(t, dir)
	raw, err := os.Stat(filepath.Join(dir, filepath.FromSlash(wasm)))
	require.NoError(t, err)
	br, err := os.Stat(filepath.Join(dir, filepath.FromSlash(wasm)+".br"))
	require.NoError(t, err)
	got := rs.all()

	t.Run("app.wasm arrives brotli-encoded, as application/wasm, cached for good", func(t *testing.T) {
		list := got[c.origin+wasm]
		require.NotEmpty(t, list, "the page loaded no %s", wasm)
		res := list[0]
		assert.False(t, res.fromWorker, "the first visit loads app.wasm from the network")
		assert.Equal(t, "br", res.headers["content-encoding"])
		assert.Equal(t, "application/wasm", res.headers["content-type"])
		assert.Equal(t, immutable, res.headers["cache-control"])
		assert.Greater(t, res.encodedLength, float64(br.Size()), "the body and the headers were transferred")
		assert.Less(t, res.encodedLength, float64(br.Size()+4096), "%d bytes on the wire for a %d-byte .br of a %d-byte app.wasm", int(res.encodedLength), br.Size(), raw.Size())
		t.Logf("%s: %d bytes on the wire, %d-byte .br, %d bytes raw", wasm, int(res.encodedLength), br.Size(), raw.Size())
		for _, req := range c.requests() {
			if req.path == wasm {
				assert.Equal(t, "br", req.encoding, "every download of app.wasm is the .br")
			}
		}
	})

	t.Run("entry points are revalidated, hashed files cached for a year", func(t *testing.T) {
		seen := 0
		for url, list := range got {
			p, ok := strings.CutPrefix(url, c.origin+"/")
			if !ok {
				continue
			}
			for _, res := range list {
				if res.fromWorker {
					continue
				}
				seen++
				assert.Contains(t, []int64{http.StatusOK, http.StatusNotModified}, res.status, url)
				if strings.HasPrefix(p, "web/") {
					assert.Equal(t, immutable, res.headers["cache-control"], url)
				} else {
					assert.Equal(t, "no-cache", res.headers["cache-control"], url)
				}
				if compressible(p) || p == "" {
					assert.Equal(t, "br", res.headers["content-encoding"], url)
				}
			}
		}
		assert.GreaterOrEqual(t, seen, 7, "index.html, app.js, wasm_exec.js, app.css, chronik.css, frame.js, app.wasm")
		for _, req := range c.requests() {
			assert.NotEqual(t, http.StatusNotFound, req.status, "%s is missing", req.path)
		}
	})

	t.Run("every file the page loads from web/ has a hashed name", func(t *testing.T) {
		reqs.mu.Lock()
		defer reqs.mu.Unlock()
		hashed := regexp.MustCompile(`/web/[^/]+\.[0-9a-f]{10}\.[a-z]+$`)
		web := 0
		for _, u := range reqs.urls {
			if strings.HasPrefix(u, c.origin+"/web/") {
				web++
				assert.Regexp(t, hashed, u)
			}
		}
		assert.GreaterOrEqual(t, web, 4, "chronik.css, frame.js, an icon and app.wasm")
	})
}

// waitWorker waits until the service worker of version is active, its
// cache is the only one, and it holds the file at path.
func waitWorker(ctx context.Context, version, path string) error {
	js := fmt.Sprintf(`(async () => {
		if (!navigator.serviceWorker.controller) return false;
		const keys = await caches.keys();
		if (keys.length !== 1 || keys[0] !== %q) return false;
		const c = await caches.open(keys[0]);
		return (await c.keys()).some(r => new URL(r.url).pathname === %q);
	})()`, "app-"+version, path)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(js, &ok, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}))
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the service worker %s did not take over within a minute", version)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// A reader has build A cached; the publisher deploys build B (one article
// fewer, so another app.wasm) to the same origin. As the README says: the
// next visit still shows A, from the old worker's cache, while the new
// worker installs B; the load after that shows B. No request for A's
// hashed files reaches the host after the switch, so the host may drop
// them once readers have moved on.
func TestE2ENewDeploymentIsPickedUpOnTheNextLoad(t *testing.T) {
	bundleA, dirA := staticSite(t)
	const removed = "2020-09-14-ticktack-fuer-tiktok"
	dirB := filepath.Join(t.TempDir(), "site")
	require.NoError(t, writeStaticArticles(copyArticles(t, removed+".md"), dirB, ""))
	countA := fmt.Sprintf("%d Artikel", len(bundleA.Chronicle.Articles))
	countB := fmt.Sprintf("%d Artikel", len(bundleA.Chronicle.Articles)-1)
	wasmA, wasmB := publishedWasm(t, dirA), publishedWasm(t, dirB)
	require.NotEqual(t, wasmA, wasmB, "B has its own app.wasm")
	versionA, versionB := siteVersion(t, dirA), siteVersion(t, dirB)
	require.NotEqual(t, versionA, versionB)
	var onlyA []string
	for _, p := range webFiles(t, dirA) {
		if !slices.Contains(webFiles(t, dirB), p) {
			onlyA = append(onlyA, p)
		}
	}
	require.Contains(t, onlyA, wasmA)

	c := serveCDN(t, dirA)
	ctx := browser(t)
	var reqs requests
	reqs.listen(ctx)
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(c.origin+"/")))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, waitCount(ctx, countA))
	require.NoError(t, waitWorker(ctx, versionA, wasmA), "build A is cached")

	c.deploy(dirB)
	deployed := len(c.requests())

	// The next visit: the old worker answers from its cache, and the
	// browser finds the new app-worker.js and installs it.
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(c.origin+"/")))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, waitCount(ctx, countA), "the first visit after the deployment still shows A")
	require.NoError(t, waitWorker(ctx, versionB, wasmB), "the new worker cached B and deleted A's cache")

	// The load after that runs B.
	reqs.mu.Lock()
	before := len(reqs.urls)
	reqs.mu.Unlock()
	require.NoError(t, chromedp.Run(ctx, chromedp.Reload()))
	require.NoError(t, waitReady(ctx))
	require.NoError(t, waitCount(ctx, countB))
	ids, err := shown(ctx)
	require.NoError(t, err)
	assert.NotContains(t, ids, removed)
	assert.Len(t, ids, len(bundleA.Chronicle.Articles)-1)

	reqs.mu.Lock()
	loaded := slices.Clone(reqs.urls[before:])
	reqs.mu.Unlock()
	assert.Contains(t, loaded, c.origin+wasmB, "the page runs B's app.wasm")
	for _, u := range loaded {
		for _, p := range onlyA {
			assert.NotEqual(t, c.origin+p, u, "B's page loads A's %s", p)
		}
	}
	served := c.requests()[deployed:]
	var paths []string
	for _, req := range served {
		paths = append(paths, req.path)
		assert.NotContains(t, onlyA, req.path, "a request for A's %s reached the host after the switch", req.path)
		assert.NotEqual(t, http.StatusNotFound, req.status, "%s is missing", req.path)
	}
	assert.Contains(t, paths, "/app-worker.js", "the browser checked for a new worker")
	assert.Contains(t, paths, wasmB, "the new worker downloaded B's app.wasm")
	t.Logf("requests to the host after the switch: %s", strings.Join(paths, " "))
}
