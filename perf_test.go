//go:build !wasm && bench

// make bench: the measurements behind docs/performance.md, in one run, in
// headless Chromium on this machine. TestPerf builds every site it needs
// once (Chronik at each corpus size, the same with -tags chronikbench, the
// floor app of testdata/floor and a Pagefind site of the default articles),
// serves each like a CDN that honours .br and .gz (e2e_cdn_test.go), and
// measures bytes, cold loads, query latency, the JS engines side by side,
// and memory; it summarises the native benchmarks make bench wrote to
// docs/bench/native.txt and writes the report.
//
// These are measurements, not tests: nothing here asserts a time. The
// budgets are reported as met or not met.

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"chronik/app"
	chronik "chronik/embed"
	"chronik/search"
)

// The knobs of make bench, from the environment.
const (
	envSizes      = "CHRONIK_BENCH_SIZES"      // corpus sizes, default "5,1000,10000"; 5 is the embedded articles
	envRuns       = "CHRONIK_BENCH_RUNS"       // runs of each measurement, default 5
	envOut        = "CHRONIK_BENCH_OUT"        // the report, default docs/performance.md
	envNative     = "CHRONIK_BENCH_NATIVE"     // the native benchmarks' output, default docs/bench/native.txt
	envKeystrokes = "CHRONIK_BENCH_KEYSTROKES" // keystrokes of the memory run, default 10000
	envOnly       = "CHRONIK_BENCH_ONLY"       // for a quick look: only these sections (bytes,breakdown,coldload,keystrokes,queries,memory,native); the build always runs
	// The corpus sizes the JS engines run at, default "1000,10000".
	envEngineSizes = "CHRONIK_BENCH_ENGINE_SIZES"
)

const (
	// perfCards is the number of cards the timeline renders at first.
	perfCards = app.PageSize
	// perfCorpusDir is where make corpus writes corpora: perfCorpusDir/N.
	perfCorpusDir = ".cache/corpus"
	// perfNPM is where make tools installs the pinned npm packages.
	perfNPM = ".cache/npm/node_modules"
	// perfQueries is the query list of the search benchmarks.
	perfQueries = "search/testdata/bench-queries.txt"
	// perfFirstQuery is typed once the page is ready, to time the first
	// answer: it changes the count at every corpus size.
	perfFirstQuery = "Oracle"
	// perfLoopMS is how long a timed loop of chronikBench.search runs at
	// least: Go's clock in the browser moves in steps of about 0.1 ms.
	perfLoopMS = 20.0
	// perfKeyBudget bounds the time the keystroke measurement spends on
	// one query: no new run starts after it (the first always runs), so
	// that keystrokes of seconds do not stretch make bench by many minutes.
	perfKeyBudget = 2 * time.Second
	// perfTypeBudget bounds the memory run's typing likewise: it stops
	// short of its keystrokes when a keystroke takes a large part of a
	// second.
	perfTypeBudget = 2 * time.Minute
)

// Budgets.
const (
	budgetOverhead = 0.15 // Chronik's app.wasm.br over the floor's, at 5 articles
	budgetKeyP95   = 16.0 // keystroke-to-render p95 at 1,000 articles, ms
	budgetKeySize  = 1000
	budgetQueryP95 = 5.0 // search-only p95 at 10,000 articles, ms
	budgetQuerySz  = 10000
)

// perfEnv is the state of one make bench run: the corpora, the sites built
// from them (each built once and shared by every section) and the servers.
type perfEnv struct {
	t           *testing.T
	root        string // temporary folder of the sites
	sizes       []int
	engineSizes []int
	runs        int
	queries     []string

	corpora map[int]*perfCorpus
	sites   map[string]*perfSite
	servers []*http.Server

	// Brotli at quality 11 takes minutes for the large files: it runs in
	// the background while the sites build, and buildAll waits for it
	// before any measurement.
	bg    sync.WaitGroup
	bgMu  sync.Mutex
	bgErr error
	q11   map[string]int // app.wasm at brotli q11, by site
}

// background runs f while the builds go on; buildAll waits for it.
func (e *perfEnv) background(f func() error) {
	e.bg.Go(func() {
		if err := f(); err != nil {
			e.bgMu.Lock()
			e.bgErr = errors.Join(e.bgErr, err)
			e.bgMu.Unlock()
		}
	})
}

// perfCorpus is one corpus: the articles and, built natively as the
// static build does, Chronik's index of them.
type perfCorpus struct {
	n         int
	dir       string // the article folder
	articles  []chronik.Article
	chronicle []byte  // chronicle.bin
	index     []byte  // index.bin
	buildMS   float64 // search.Build, natively, median of the runs (one run from 1,000 articles)
	indexBr   int     // index.bin, brotli q11
}

// perfSite is one static site, served on loopback.
type perfSite struct {
	name   string
	dir    string
	origin string
	wasm   string // app.wasm's path in dir, slash-separated; "" for Pagefind
}

// TestPerf runs every measurement of make bench and writes the report.
func TestPerf(t *testing.T) {
	chromium(t)
	start := time.Now()
	e := newPerfEnv(t)
	r := &perfReport{Runs: e.runs, Sizes: e.sizes, EngineSizes: e.engineSizes, Queries: len(e.queries), QueryList: e.queries, Started: start}
	r.Machine = perfMachine(t)

	only := strings.Split(os.Getenv(envOnly), ",")
	section := func(name string, f func(t *testing.T)) {
		if name != "build" && only[0] != "" && !slices.Contains(only, name) {
			return
		}
		began := time.Now()
		ok := t.Run(name, f)
		r.Durations = append(r.Durations, perfDuration{name, time.Since(began), ok})
	}
	section("build", func(t *testing.T) { e.buildAll(t) })
	section("bytes", func(t *testing.T) { r.Bytes = e.measureBytes(t) })
	section("breakdown", func(t *testing.T) { r.Breakdown = e.measureBreakdown(t) })
	section("coldload", func(t *testing.T) { r.Cold = e.measureColdLoads(t) })
	section("keystrokes", func(t *testing.T) { r.Keys = e.measureKeystrokes(t) })
	section("queries", func(t *testing.T) { r.Search, r.Engines, r.Heap = e.measureQueries(t) })
	section("memory", func(t *testing.T) { r.Typing = e.measureTypingMemory(t) })
	section("native", func(t *testing.T) { r.Native = perfNative(t, perfEnvString(envNative, "docs/bench/native.txt")) })
	r.Corpora = e.corpusRows()
	r.Total = time.Since(start)
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		r.LoadEnd = strings.Fields(string(data))[0]
	}

	out := perfEnvString(envOut, filepath.Join("docs", "performance.md"))
	require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
	require.NoError(t, os.WriteFile(out, []byte(r.markdown()), 0o644))
	t.Logf("wrote %s in %v", out, r.Total.Round(time.Second))
}

// newPerfEnv reads the knobs and the query list.
func newPerfEnv(t *testing.T) *perfEnv {
	e := &perfEnv{t: t, corpora: map[int]*perfCorpus{}, sites: map[string]*perfSite{}, q11: map[string]int{}}
	for _, s := range strings.Split(perfEnvString(envSizes, "5,1000,10000"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		require.NoError(t, err, "%s=%q", envSizes, os.Getenv(envSizes))
		e.sizes = append(e.sizes, n)
	}
	require.Contains(t, e.sizes, 5, "%s must include 5, the embedded articles", envSizes)
	for _, s := range strings.Split(perfEnvString(envEngineSizes, "1000,10000"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		require.NoError(t, err, "%s=%q", envEngineSizes, os.Getenv(envEngineSizes))
		e.engineSizes = append(e.engineSizes, n)
	}
	e.runs = perfEnvInt(t, envRuns, 5)
	var err error
	e.queries, err = perfReadQueries(perfQueries)
	require.NoError(t, err)
	root, err := os.MkdirTemp("", "chronik-bench")
	require.NoError(t, err)
	e.root = root
	t.Cleanup(func() {
		for _, s := range e.servers {
			s.Close()
		}
		os.RemoveAll(root)
	})
	return e
}

func perfEnvString(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func perfEnvInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, "%s=%q", name, v)
	return n
}

// perfReadQueries reads the benchmark query list: one JSON string a line,
// lines starting with # and blank lines ignored.
func perfReadQueries(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("the query list: %w", err)
	}
	var qs []string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var q string
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s: no queries", path)
	}
	return qs, nil
}

// ---------------------------------------------------------------------------
// Building

// buildAll builds every corpus and site the sections use, before any
// measurement, so that no build competes with the browser for the CPU.
func (e *perfEnv) buildAll(t *testing.T) {
	began := time.Now()
	_, err := e.floorSite()
	require.NoError(t, err)
	t.Logf("site floor in %v", time.Since(began).Round(time.Millisecond))
	for _, n := range e.sizes {
		began := time.Now()
		c, err := e.corpus(n)
		require.NoError(t, err)
		t.Logf("corpus %d: %d articles, index %d bytes, built natively in %.0f ms (%v)", n, len(c.articles), len(c.index), c.buildMS, time.Since(began).Round(time.Millisecond))
		for _, bench := range []bool{false, true} {
			began := time.Now()
			s, err := e.chronikSite(n, bench)
			require.NoError(t, err)
			t.Logf("site %s in %v", s.name, time.Since(began).Round(time.Millisecond))
		}
		if n == 5 {
			for _, name := range []string{"chronik-5", "floor"} {
				s := e.sites[name]
				e.background(func() error {
					raw, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(s.wasm)))
					if err != nil {
						return err
					}
					br, err := brotliSize(raw, 11)
					e.bgMu.Lock()
					e.q11[name] = br
					e.bgMu.Unlock()
					return err
				})
			}
		}
	}
	began = time.Now()
	_, err = e.pagefindSite()
	require.NoError(t, err)
	t.Logf("site pagefind in %v", time.Since(began).Round(time.Millisecond))
	began = time.Now()
	e.bg.Wait()
	require.NoError(t, e.bgErr)
	t.Logf("waited %v for brotli q11 in the background", time.Since(began).Round(time.Millisecond))
}

// corpus returns the corpus of n articles: the embedded ones for 5, else
// .cache/corpus/N as make corpus N=n writes it (the default seed).
func (e *perfEnv) corpus(n int) (*perfCorpus, error) {
	if c, ok := e.corpora[n]; ok {
		return c, nil
	}
	dir := filepath.Join("embed", "articles")
	if n != 5 {
		// Generated every time (a few seconds for 10,000): the generator is
		// deterministic and removes stale files, so an old corpus left by
		// an earlier version of it is never measured.
		dir = filepath.Join(perfCorpusDir, strconv.Itoa(n))
		cmd := exec.Command("go", "run", "./embed/corpus/cmd/corpus", "-n", strconv.Itoa(n), "-out", dir)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("generate the corpus of %d articles (make corpus N=%d): %w", n, n, err)
		}
	}
	ch, err := chronik.LoadDir(os.DirFS(dir), ".")
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if len(ch.Articles) != n {
		return nil, fmt.Errorf("%s has %d articles, want %d", dir, len(ch.Articles), n)
	}
	// As chronik.Encode does, with the index build timed: natively, at
	// build time, as the static build runs it.
	chronicle := chronik.MarshalChronicle(ch)
	docs := chronik.Documents(ch.Articles)
	builds := e.runs
	if n >= 1000 {
		builds = 1
	}
	var ms []float64
	var ix *search.Index
	for range builds {
		began := time.Now()
		ix = search.Build(docs)
		ms = append(ms, float64(time.Since(began).Microseconds())/1e3)
	}
	index, err := ix.Encode()
	if err != nil {
		return nil, fmt.Errorf("encode the index: %w", err)
	}
	c := &perfCorpus{n: n, dir: dir, articles: ch.Articles, chronicle: chronicle, index: index, buildMS: perfMedian(ms)}
	e.background(func() error {
		var err error
		c.indexBr, err = brotliSize(index, 11)
		return err
	})
	e.corpora[n] = c
	return c, nil
}

// chronikSite returns Chronik's static site of the corpus of n articles,
// built as go run . static -articles DIR OUT builds it. With bench, it is
// that site with app.wasm built with -tags chronikbench (through
// GOFLAGS), which adds window.chronikBench, in its place (and without its
// .br and .gz, which would take a minute at 10,000 articles and which no
// measurement of the bench build needs).
func (e *perfEnv) chronikSite(n int, bench bool) (*perfSite, error) {
	name := fmt.Sprintf("chronik-%d", n)
	if bench {
		name += "-bench"
	}
	if s, ok := e.sites[name]; ok {
		return s, nil
	}
	c, err := e.corpus(n)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(e.root, name)
	if !bench {
		if err := writeStaticArticles(c.dir, dir, ""); err != nil {
			return nil, fmt.Errorf("build %s: %w", name, err)
		}
		wasm, err := perfPublishedWasm(dir)
		if err != nil {
			return nil, err
		}
		return e.serve(name, dir, wasm)
	}
	prod, err := e.chronikSite(n, false)
	if err != nil {
		return nil, err
	}
	prev, had := os.LookupEnv("GOFLAGS")
	os.Setenv("GOFLAGS", strings.TrimSpace(prev+" -tags=chronikbench"))
	wasm, err := buildWASMWithData(c.chronicle, c.index)
	if had {
		os.Setenv("GOFLAGS", prev)
	} else {
		os.Unsetenv("GOFLAGS")
	}
	if err != nil {
		return nil, fmt.Errorf("build %s: %w", name, err)
	}
	if err := os.CopyFS(dir, os.DirFS(prod.dir)); err != nil {
		return nil, fmt.Errorf("copy %s: %w", prod.dir, err)
	}
	target := filepath.Join(dir, filepath.FromSlash(prod.wasm))
	for _, ext := range []string{".br", ".gz"} {
		if err := os.Remove(target + ext); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(target, wasm, 0o644); err != nil {
		return nil, err
	}
	return e.serve(name, dir, prod.wasm)
}

// perfPublishedWasm returns the path app.js of the site in dir loads
// app.wasm from, relative to dir.
func perfPublishedWasm(dir string) (string, error) {
	appJS, err := os.ReadFile(filepath.Join(dir, "app.js"))
	if err != nil {
		return "", err
	}
	m := wasmRef.FindSubmatch(appJS)
	if m == nil {
		return "", fmt.Errorf("%s/app.js loads no app.wasm", dir)
	}
	return strings.TrimPrefix(string(m[1]), "/"), nil
}

// floorSite builds testdata/floor as Chronik is built and exports its site.
func (e *perfEnv) floorSite() (*perfSite, error) {
	if s, ok := e.sites["floor"]; ok {
		return s, nil
	}
	dir := filepath.Join(e.root, "floor")
	wasm := filepath.Join(e.root, "floor.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./testdata/floor")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("build the floor's app.wasm: %w", err)
	}
	export := exec.Command("go", "run", "./testdata/floor", "-wasm", wasm, dir)
	export.Stdout, export.Stderr = os.Stderr, os.Stderr
	if err := export.Run(); err != nil {
		return nil, fmt.Errorf("export the floor's site: %w", err)
	}
	return e.serve("floor", dir, "web/app.wasm")
}

// serve serves dir like a CDN (see cdn in e2e_cdn_test.go) until the test
// ends and records the site as name.
func (e *perfEnv) serve(name, dir, wasm string) (*perfSite, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &cdn{origin: "http://" + ln.Addr().String(), dir: dir}
	srv := &http.Server{Handler: c}
	go srv.Serve(ln)
	e.servers = append(e.servers, srv)
	s := &perfSite{name: name, dir: dir, origin: c.origin, wasm: wasm}
	e.sites[name] = s
	return s, nil
}

// ---------------------------------------------------------------------------
// Pagefind

// pagefindVersion reads the installed pagefind's version.
func pagefindVersion() (string, error) {
	raw, err := os.ReadFile(filepath.Join(perfNPM, "pagefind", "package.json"))
	if err != nil {
		return "", fmt.Errorf("pagefind is not installed (make tools): %w", err)
	}
	var p struct{ Version string }
	if err := json.Unmarshal(raw, &p); err != nil {
		return "", err
	}
	return p.Version, nil
}

// pagefindSearchJS is the Pagefind site's search page script: it loads
// Pagefind through its JS API, answers the first query and marks
// "pagefind-loaded" and, once the first results are drawn,
// "pagefind-ready".
const pagefindSearchJS = `const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
performance.mark("pagefind-loaded");
const input = document.getElementById("pf-q");
const list = document.getElementById("pf-results");
const count = document.getElementById("pf-count");
async function run(q) {
  const r = await pagefind.search(q);
  const shown = await Promise.all(r.results.slice(0, 50).map(x => x.data()));
  count.textContent = r.results.length + " Treffer";
  list.replaceChildren(...shown.map(d => {
    const li = document.createElement("li");
    const h = document.createElement("h2");
    h.textContent = d.meta.title;
    const p = document.createElement("p");
    p.innerHTML = d.excerpt;
    li.append(h, p);
    return li;
  }));
}
input.addEventListener("input", () => run(input.value));
input.value = new URLSearchParams(location.search).get("q") || %q;
await run(input.value);
requestAnimationFrame(() => performance.mark("pagefind-ready"));
`

// pagefindSite writes the default articles as plain HTML pages, indexes
// them with the pinned pagefind and adds a search page that uses
// Pagefind's JS API; text files get a .gz and a .br like Chronik's.
func (e *perfEnv) pagefindSite() (*perfSite, error) {
	if s, ok := e.sites["pagefind"]; ok {
		return s, nil
	}
	if _, err := pagefindVersion(); err != nil {
		return nil, err
	}
	c, err := e.corpus(5)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(e.root, "pagefind")
	if err := os.MkdirAll(filepath.Join(dir, "artikel"), 0o755); err != nil {
		return nil, err
	}
	const head = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>`
	for _, a := range c.articles {
		var b strings.Builder
		fmt.Fprintf(&b, head, html.EscapeString(a.Title))
		b.WriteString("<body><main data-pagefind-body>")
		if a.Kicker != "" {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(a.Kicker))
		}
		fmt.Fprintf(&b, "<h1>%s</h1>", html.EscapeString(a.Title))
		for _, p := range a.Paragraphs() {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString("</main></body></html>\n")
		if err := os.WriteFile(filepath.Join(dir, "artikel", a.ID+".html"), []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
	}
	index := fmt.Sprintf(head, "Chronik mit Pagefind") + `<body><h1>Chronik mit Pagefind</h1>
<form role="search" onsubmit="return false"><label for="pf-q">Suche</label> <input id="pf-q" type="search"></form>
<p id="pf-count" role="status"></p><ol id="pf-results"></ol>
<script type="module" src="/search.js"></script></body></html>
`
	files := map[string][]byte{
		"index.html": []byte(index),
		"search.js":  []byte(fmt.Sprintf(pagefindSearchJS, perfFirstQuery)),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(filepath.Join(perfNPM, ".bin", "pagefind"), "--site", dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("pagefind --site %s: %w\n%s", dir, err, out.Bytes())
	}
	if err := perfPrecompress(dir); err != nil {
		return nil, err
	}
	return e.serve("pagefind", dir, "")
}

// perfPrecompress writes a .gz and a .br beside every file of dir that
// Chronik's static build would compress, with the same function.
func perfPrecompress(dir string) error {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible(p) {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = data
		return err
	})
	if err != nil {
		return err
	}
	compressed, err := precompress(files)
	if err != nil {
		return err
	}
	for p, data := range compressed {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Section 1: bytes

// perfBytes are the sizes of app.wasm and of the floor's.
type perfBytes struct {
	Sites        []perfWasmSize // Chronik at each size, then the floor
	ChronikQ11   int            // Chronik's app.wasm at 5 articles, brotli q11
	FloorQ11     int
	Overhead     float64 // (Chronik .br − floor .br) / floor .br, shipped files (q9)
	OverheadQ11  float64
	IndexSizes   []perfIndexSize
	LargeQuality int
}

// site returns the sizes of the site name's app.wasm.
func (b *perfBytes) site(name string) perfWasmSize {
	for _, s := range b.Sites {
		if s.Name == name {
			return s
		}
	}
	return perfWasmSize{Name: name}
}

// perfWasmSize is one site's app.wasm.
type perfWasmSize struct {
	Name          string
	Raw, Gzip, Br int
}

// perfIndexSize is the size of Chronik's data at one corpus size.
type perfIndexSize struct {
	N                     int
	Chronicle, Index, IBr int
}

func (e *perfEnv) measureBytes(t *testing.T) *perfBytes {
	b := &perfBytes{LargeQuality: largeBrotliQuality}
	for _, name := range append(e.chronikNames(false), "floor") {
		s := e.sites[name]
		require.NotNil(t, s, "site %s was not built", name)
		p := filepath.Join(s.dir, filepath.FromSlash(s.wasm))
		raw, err := os.Stat(p)
		require.NoError(t, err)
		gz, err := os.Stat(p + ".gz")
		require.NoError(t, err)
		br, err := os.Stat(p + ".br")
		require.NoError(t, err)
		b.Sites = append(b.Sites, perfWasmSize{name, int(raw.Size()), int(gz.Size()), int(br.Size())})
	}
	b.ChronikQ11, b.FloorQ11 = e.q11["chronik-5"], e.q11["floor"]
	require.Positive(t, b.ChronikQ11, "no brotli q11 of Chronik's app.wasm")
	require.Positive(t, b.FloorQ11, "no brotli q11 of the floor's app.wasm")
	chronikBr, floorBr := b.site("chronik-5").Br, b.site("floor").Br
	b.Overhead = float64(chronikBr-floorBr) / float64(floorBr)
	b.OverheadQ11 = float64(b.ChronikQ11-b.FloorQ11) / float64(b.FloorQ11)
	for _, n := range e.sizes {
		c := e.corpora[n]
		b.IndexSizes = append(b.IndexSizes, perfIndexSize{n, len(c.chronicle), len(c.index), c.indexBr})
	}
	return b
}

// chronikNames returns the names of Chronik's sites, by size.
func (e *perfEnv) chronikNames(bench bool) []string {
	var out []string
	for _, n := range e.sizes {
		name := fmt.Sprintf("chronik-%d", n)
		if bench {
			name += "-bench"
		}
		out = append(out, name)
	}
	return out
}

// brotliSize returns the size of data compressed with brotli at quality.
func brotliSize(data []byte, quality int) (int, error) {
	var n perfCounter
	w := brotli.NewWriterLevel(&n, quality)
	if _, err := w.Write(data); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int(n), nil
}

// perfCounter is an io.Writer that counts.
type perfCounter int

func (c *perfCounter) Write(p []byte) (int, error) {
	*c += perfCounter(len(p))
	return len(p), nil
}

// ---------------------------------------------------------------------------
// Section 1b: where app.wasm's bytes go

// perfBreakdown is Chronik's app.wasm at 5 articles, by package.
type perfBreakdown struct {
	Stripped   int // the shipped app.wasm (-s -w)
	Unstripped int // the same without -s -w: with the name section
	Code, Data int // the code and data sections
	Embedded   int // chronicle.bin and index.bin, in the data section
	Groups     []perfGroup
	Packages   []perfGroup // the largest packages
	Names      int         // functions named
}

// perfGroup is the code of a group of packages.
type perfGroup struct {
	Name  string
	Bytes int
	Funcs int
}

// measureBreakdown builds app.wasm without -s -w (go tool nm does not
// read WebAssembly, so the name and code sections are read here) and sums
// the size of each function's body by package.
func (e *perfEnv) measureBreakdown(t *testing.T) *perfBreakdown {
	out := filepath.Join(e.root, "app-symbols.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	require.NoError(t, cmd.Run())
	raw, err := os.ReadFile(out)
	require.NoError(t, err)
	w, err := parseWasm(raw)
	require.NoError(t, err)
	require.NotEmpty(t, w.names, "the unstripped app.wasm has no name section")

	s := e.sites["chronik-5"]
	require.NotNil(t, s)
	stripped, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(s.wasm)))
	require.NoError(t, err)
	b := &perfBreakdown{Stripped: int(stripped.Size()), Unstripped: len(raw), Code: w.sections[10], Data: w.sections[11], Names: len(w.names)}
	for _, f := range []string{"chronicle.bin", "index.bin"} {
		data, err := os.ReadFile(filepath.Join("embed", "data", f))
		require.NoError(t, err)
		if bytes.Contains(w.data, data) {
			b.Embedded += len(data)
		}
	}
	known, err := wasmPackages()
	require.NoError(t, err)
	groups := map[string]*perfGroup{}
	pkgs := map[string]*perfGroup{}
	for i, size := range w.bodies {
		name := w.names[w.imported+i]
		pkg := symbolPackage(name, known)
		for _, m := range []struct {
			key string
			in  map[string]*perfGroup
		}{{packageGroup(pkg), groups}, {pkg, pkgs}} {
			g := m.in[m.key]
			if g == nil {
				g = &perfGroup{Name: m.key}
				m.in[m.key] = g
			}
			g.Bytes += size
			g.Funcs++
		}
	}
	bySize := func(m map[string]*perfGroup) []perfGroup {
		var out []perfGroup
		for _, g := range m {
			out = append(out, *g)
		}
		slices.SortFunc(out, func(a, b perfGroup) int { return b.Bytes - a.Bytes })
		return out
	}
	b.Groups = bySize(groups)
	b.Packages = bySize(pkgs)
	if len(b.Packages) > 15 {
		b.Packages = b.Packages[:15]
	}
	return b
}

// perfWasm is what measureBreakdown reads of a WebAssembly module.
type perfWasm struct {
	sections map[byte]int   // payload size by section id
	imported int            // imported functions, which come first in the index space
	bodies   []int          // the size of each defined function's body
	names    map[int]string // function names, by index
	data     []byte         // the data section's payload
}

// parseWasm reads the sections, the code bodies and the function names of
// the WebAssembly module m.
func parseWasm(m []byte) (*perfWasm, error) {
	if len(m) < 8 || string(m[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly module")
	}
	w := &perfWasm{sections: map[byte]int{}, names: map[int]string{}}
	r := &wasmReader{b: m[8:]}
	for !r.done() {
		id := r.byte()
		size := int(r.uleb())
		payload := r.bytes(size)
		if r.err != nil {
			return nil, r.err
		}
		w.sections[id] += size
		p := &wasmReader{b: payload}
		switch id {
		case 2: // imports
			for n := p.uleb(); n > 0 && p.err == nil; n-- {
				p.name()
				p.name()
				switch p.byte() {
				case 0: // function
					p.uleb()
					w.imported++
				case 1: // table
					p.byte()
					p.limits()
				case 2: // memory
					p.limits()
				case 3: // global
					p.byte()
					p.byte()
				}
			}
		case 10: // code
			for n := p.uleb(); n > 0 && p.err == nil; n-- {
				size := int(p.uleb())
				p.bytes(size)
				w.bodies = append(w.bodies, size)
			}
		case 11: // data
			w.data = payload
		case 0: // custom
			if p.name() != "name" {
				continue
			}
			for !p.done() && p.err == nil {
				sub := p.byte()
				sp := &wasmReader{b: p.bytes(int(p.uleb()))}
				if sub != 1 { // function names
					continue
				}
				for n := sp.uleb(); n > 0 && sp.err == nil; n-- {
					idx := int(sp.uleb())
					w.names[idx] = sp.name()
				}
			}
		}
		if p.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, p.err)
		}
	}
	return w, nil
}

// wasmReader reads the encoding of a WebAssembly module.
type wasmReader struct {
	b   []byte
	err error
}

func (r *wasmReader) done() bool { return len(r.b) == 0 || r.err != nil }

func (r *wasmReader) byte() byte {
	if len(r.b) == 0 {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *wasmReader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *wasmReader) uleb() uint64 {
	var x uint64
	for shift := 0; r.err == nil; shift += 7 {
		c := r.byte()
		x |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			break
		}
	}
	return x
}

func (r *wasmReader) name() string { return string(r.bytes(int(r.uleb()))) }

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}

// wasmPackages returns the import paths of the packages of the WASM build
// of the main package, by their names in the name section: Go writes
// "chronik/search.(*Index).search" there as
// "chronik_search.__Index_.search", with every character of the path
// other than letters, digits, '.' and '_' made '_'.
func wasmPackages() (map[string]string, error) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps: %w", err)
	}
	pkgs := map[string]string{}
	for _, path := range strings.Fields(string(out)) {
		if path == "chronik" {
			path = "main"
		}
		pkgs[strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return r
			}
			return '_'
		}, path)] = path
	}
	return pkgs, nil
}

// symbolPackage returns the import path of the package of the function
// named name in the name section, the longest of pkgs (see wasmPackages)
// that name starts with, followed by a '.'.
func symbolPackage(name string, pkgs map[string]string) string {
	if strings.HasPrefix(name, "type_") || strings.HasPrefix(name, "go_") {
		return "(compiler-generated)"
	}
	best := ""
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if _, ok := pkgs[name[:i]]; ok {
			best = name[:i]
		}
	}
	if best == "" {
		return "(other)"
	}
	return pkgs[best]
}

// packageGroup puts a package into one of the report's groups.
func packageGroup(pkg string) string {
	has := func(prefix string) bool { return pkg == prefix || strings.HasPrefix(pkg, prefix+"/") }
	switch {
	case has("runtime") || has("internal") || pkg == "sync" || has("sync/atomic") || has("syscall"):
		return "runtime (runtime, internal/…, sync, syscall/js)"
	case has("reflect"):
		return "reflect"
	case has("encoding/json"):
		return "encoding/json"
	case has("fmt"):
		return "fmt"
	case has("net") || has("crypto") || has("mime") || has("vendor"):
		return "net/…, crypto/…, mime/… (go-app's net/http)"
	case has("regexp"):
		return "regexp"
	case has("github.com/maxence-charriere/go-app"):
		return "go-app"
	case has("github.com/kljensen/snowball"):
		return "snowball"
	case has("chronik/search"):
		return "chronik/search (+ search/german)"
	case has("chronik/embed"):
		return "chronik/embed (decoding)"
	case has("chronik/app"):
		return "chronik/app"
	case pkg == "main":
		return "main"
	case pkg == "(compiler-generated)":
		return "compiler-generated (type:.eq, …)"
	case pkg == "(other)":
		return "unattributed"
	case !strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return "other standard library"
	}
	return "other third-party"
}

// ---------------------------------------------------------------------------
// Browsers

// perfBrowser starts a fresh headless Chromium with an empty profile, as
// browser does, and returns its context and a function that closes it.
func perfBrowser(t *testing.T, timeout time.Duration) (context.Context, func()) {
	t.Helper()
	exe := chromium(t)
	profile, err := os.MkdirTemp("", "chronik-chromium")
	require.NoError(t, err)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1000, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel2 := chromedp.NewContext(actx)
	ctx, cancel3 := context.WithTimeout(ctx, timeout)
	closeAll := func() {
		cancel3()
		cancel2()
		cancel()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(ctx); err != nil {
		closeAll()
		require.NoError(t, err)
	}
	return ctx, closeAll
}

// perfEval evaluates js in ctx's page, awaiting a promise, into out.
func perfEval(ctx context.Context, js string, out any) error {
	return chromedp.Run(ctx, chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// perfWaitMark waits until the page has the performance mark name.
func perfWaitMark(ctx context.Context, name string, timeout time.Duration) error {
	return chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`performance.getEntriesByName(%q, "mark").length > 0`, name), nil,
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(20*time.Millisecond)))
}

// perfJSON marshals v for JavaScript source.
func perfJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// ---------------------------------------------------------------------------
// Section 2: cold loads

// coldTarget is a page whose cold load is measured.
type coldTarget struct {
	Name  string `json:"-"`
	Site  string `json:"-"`
	Card  string `json:"card"`  // selector of the first card, "" for none
	Ready string `json:"ready"` // the performance mark of "usable"
	Query string `json:"query"` // typed once ready, "" for none
	Input string `json:"input"` // the search field
	Count string `json:"count"` // id of the element whose text the query changes
}

// perfColdProbe runs in the page before its own scripts. It records the
// first contentful paint, when the first card is in the document, the
// ready mark and, for Chronik, the first query answered: the query typed
// at once after the ready mark, until the count has changed and the next
// animation frame ran.
const perfColdProbe = `(() => {
  const cfg = %s;
  const t = window.__perf = {fcp: 0, card: 0, ready: 0, search: 0, goStart: 0, decode: 0, done: false};
  const observe = (type, f) => {
    try { new PerformanceObserver(l => l.getEntries().forEach(f)).observe({type, buffered: true}); } catch (e) {}
  };
  observe("paint", e => { if (e.name === "first-contentful-paint") t.fcp = e.startTime; });
  if (cfg.card) {
    const mo = new MutationObserver(() => {
      if (document.querySelector(cfg.card)) { mo.disconnect(); t.card = performance.now(); }
    });
    mo.observe(document, {childList: true, subtree: true});
  }
  observe("measure", e => { if (e.name === "chronik-decode") { t.goStart = e.startTime; t.decode = e.duration; } });
  observe("mark", e => {
    if (e.name !== cfg.ready || t.ready) return;
    t.ready = e.startTime;
    if (!cfg.query) { t.done = true; return; }
    const text = () => (document.getElementById(cfg.count) || {}).textContent;
    const before = text();
    const mo = new MutationObserver(() => {
      if (text() === before) return;
      mo.disconnect();
      requestAnimationFrame(() => { t.search = performance.now(); t.done = true; });
    });
    mo.observe(document.body, {childList: true, subtree: true, characterData: true});
    const input = document.querySelector(cfg.input);
    input.value = cfg.query;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
})();`

// coldRun is one cold load.
type coldRun struct {
	FCP, Card, Ready, Search float64 // ms since navigation start
	GoStart, Decode          float64 // Chronik: when main began to decode, ms since navigation start, and for how long
	Transfer, WasmTransfer   float64 // bytes on the wire
	Requests                 int
	Foreign                  []string // requests to another origin
}

// perfCold is the cold loads of one target: the medians of the runs.
type perfCold struct {
	Name                     string
	Runs                     int
	FCP, Card, Ready, Search float64
	GoStart, Decode          float64
	ReadyP95                 float64
	Transfer, WasmTransfer   float64
	Requests                 int
	Foreign                  int // requests to another origin, in all runs
}

func (e *perfEnv) measureColdLoads(t *testing.T) []perfCold {
	var targets []coldTarget
	for _, n := range e.sizes {
		targets = append(targets, coldTarget{Name: fmt.Sprintf("Chronik, %s articles", perfCount(n)), Site: fmt.Sprintf("chronik-%d", n),
			Card: ".chronik-card", Ready: "chronik-ready", Query: perfFirstQuery, Input: "#chronik-q", Count: "chronik-count"})
	}
	targets = append(targets,
		coldTarget{Name: "floor (go-app, one input)", Site: "floor", Ready: "floor-ready"},
		coldTarget{Name: "Pagefind, 5 articles", Site: "pagefind", Ready: "pagefind-ready"},
	)
	var out []perfCold
	for _, target := range targets {
		s := e.sites[target.Site]
		if s == nil {
			t.Errorf("%s: site not built", target.Name)
			continue
		}
		var runs []coldRun
		for i := range e.runs {
			run, err := coldLoad(t, s, target)
			if err != nil {
				t.Errorf("%s, run %d: %v", target.Name, i+1, err)
				continue
			}
			t.Logf("%s, run %d: FCP %.0f ms, card %.0f ms, WASM runs %.0f ms, decoded in %.0f ms, ready %.0f ms, first answer %.0f ms, %.0f kB in %d requests",
				target.Name, i+1, run.FCP, run.Card, run.GoStart, run.Decode, run.Ready, run.Search, run.Transfer/1e3, run.Requests)
			if len(run.Foreign) > 0 {
				t.Errorf("%s, run %d: requests to another origin: %v", target.Name, i+1, run.Foreign)
			}
			runs = append(runs, run)
		}
		if len(runs) == 0 {
			continue
		}
		foreign := 0
		for _, r := range runs {
			foreign += len(r.Foreign)
		}
		pick := func(f func(coldRun) float64) []float64 {
			var xs []float64
			for _, r := range runs {
				xs = append(xs, f(r))
			}
			return xs
		}
		ready := pick(func(r coldRun) float64 { return r.Ready })
		out = append(out, perfCold{
			Name:         target.Name,
			Runs:         len(runs),
			FCP:          perfMedian(pick(func(r coldRun) float64 { return r.FCP })),
			Card:         perfMedian(pick(func(r coldRun) float64 { return r.Card })),
			Ready:        perfMedian(ready),
			ReadyP95:     perfPercentile(ready, 95),
			Search:       perfMedian(pick(func(r coldRun) float64 { return r.Search })),
			GoStart:      perfMedian(pick(func(r coldRun) float64 { return r.GoStart })),
			Decode:       perfMedian(pick(func(r coldRun) float64 { return r.Decode })),
			Transfer:     perfMedian(pick(func(r coldRun) float64 { return r.Transfer })),
			WasmTransfer: perfMedian(pick(func(r coldRun) float64 { return r.WasmTransfer })),
			Requests:     int(perfMedian(pick(func(r coldRun) float64 { return float64(r.Requests) }))),
			Foreign:      foreign,
		})
	}
	return out
}

// coldLoad loads target's page once in a fresh browser.
func coldLoad(t *testing.T, s *perfSite, target coldTarget) (coldRun, error) {
	ctx, closeBrowser := perfBrowser(t, 3*time.Minute)
	defer closeBrowser()
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	var run coldRun
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
			u := e.Request.URL
			if !strings.HasPrefix(u, s.origin+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				run.Foreign = append(run.Foreign, u)
			}
		case *network.EventLoadingFinished:
			run.Transfer += e.EncodedDataLength
			run.Requests++
			if strings.HasSuffix(urls[e.RequestID], ".wasm") {
				run.WasmTransfer += e.EncodedDataLength
			}
		}
	})
	err := chromedp.Run(ctx,
		network.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(fmt.Sprintf(perfColdProbe, perfJSON(target))).Do(ctx)
			return err
		}),
		chromedp.Navigate(s.origin+"/"),
	)
	if err != nil {
		return run, err
	}
	if err := chromedp.Run(ctx, chromedp.Poll(`window.__perf && window.__perf.done`, nil,
		chromedp.WithPollingTimeout(2*time.Minute), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		return run, fmt.Errorf("wait for %s: %w", target.Ready, err)
	}
	var m struct{ FCP, Card, Ready, Search, GoStart, Decode float64 }
	if err := perfEval(ctx, `({fcp: __perf.fcp, card: __perf.card, ready: __perf.ready, search: __perf.search, goStart: __perf.goStart, decode: __perf.decode})`, &m); err != nil {
		return run, err
	}
	// Let late requests (the manifest, icons) finish.
	time.Sleep(500 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	run.FCP, run.Ready, run.Search = m.FCP, m.Ready, m.Search
	run.GoStart, run.Decode = m.GoStart, m.Decode
	run.Card = max(m.Card, m.FCP)
	if target.Card == "" {
		run.Card = 0
	}
	return run, nil
}

// ---------------------------------------------------------------------------
// Section 3b: keystroke to render

// perfKeyJS types one value into the production build's search field and
// times it: dom when the count's text has changed (a MutationObserver),
// layout when the task that changed it has ended (a message posted then)
// and style and layout are done, frame when the next animation frame after
// the change ran. The keystroke comes at a random moment of the frame, as
// a reader's does.
const perfKeyJS = `window.__perfKey = (value, timeout, inputID, outID) => new Promise(resolve => {
  const input = document.getElementById(inputID);
  const text = () => (document.getElementById(outID) || {}).textContent;
  setTimeout(() => {
    const before = text();
    let start = 0, dom = 0, layout = 0, frame = 0;
    const finish = () => { if (layout && frame) { clearTimeout(timer); resolve({dom, layout, frame}); } };
    const mo = new MutationObserver(() => {
      if (dom || text() === before) return;
      dom = performance.now() - start;
      mo.disconnect();
      requestAnimationFrame(() => { frame = performance.now() - start; finish(); });
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { void document.body.offsetHeight; layout = performance.now() - start; finish(); };
      ch.port2.postMessage(0);
    });
    mo.observe(document.body, {childList: true, subtree: true, characterData: true});
    const timer = setTimeout(() => { mo.disconnect(); resolve({timeout: true}); }, timeout);
    start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, Math.random() * 17);
});`

// keyTiming is one keystroke.
type keyTiming struct {
	DOM, Layout, Frame float64
	Timeout            bool
}

// perfKeys is keystroke-to-render at one corpus size: p50 and p95 over the
// queries of the medians of the runs.
type perfKeys struct {
	N                         int
	Floor                     bool        // the go-app floor, not Chronik
	Type, Clear               perfLatency // "" → query, query → ""
	Timeouts                  int
	TypeSamples, ClearSamples int
	Capped                    int // queries given fewer runs, see perfKeyBudget
	Queries                   []string
	TypeDOM                   []float64 // per query of Queries, the median ms to the DOM
}

// perfLatency are percentiles of the three keystroke times.
type perfLatency struct {
	DOM, Layout, Frame perfPct
}

// perfPct is a p50 and a p95.
type perfPct struct{ P50, P95 float64 }

func (e *perfEnv) measureKeystrokes(t *testing.T) []perfKeys {
	var out []perfKeys
	k, err := e.keystrokes(t, perfKeySite{k: perfKeys{Floor: true}, site: "floor", mark: "floor-ready", input: "floor-q", out: "floor-echo"})
	if err != nil {
		t.Errorf("keystrokes in the floor: %v", err)
	} else {
		out = append(out, k)
	}
	for _, n := range e.sizes {
		k, err := e.keystrokes(t, perfKeySite{k: perfKeys{N: n}, site: fmt.Sprintf("chronik-%d", n), mark: "chronik-ready", input: "chronik-q", out: "chronik-count"})
		if err != nil {
			t.Errorf("keystrokes at %d articles: %v", n, err)
			continue
		}
		out = append(out, k)
	}
	return out
}

// perfKeySite is a page to type into: its site, the mark it sets when it
// takes input, the field, and the element whose text the keystroke changes.
type perfKeySite struct {
	k                      perfKeys
	site, mark, input, out string
}

// keystrokes times, in the production build of a site, typing each query
// of the list into the empty field and clearing it again, runs times.
func (e *perfEnv) keystrokes(t *testing.T, ks perfKeySite) (perfKeys, error) {
	k := ks.k
	s := e.sites[ks.site]
	if s == nil {
		return k, errors.New("site not built")
	}
	ctx, closeBrowser := perfBrowser(t, 20*time.Minute)
	defer closeBrowser()
	if err := chromedp.Run(ctx, chromedp.Navigate(s.origin+"/")); err != nil {
		return k, err
	}
	if err := perfWaitMark(ctx, ks.mark, 2*time.Minute); err != nil {
		return k, err
	}
	if err := perfEval(ctx, perfKeyJS, nil); err != nil {
		return k, err
	}
	var typeRuns, clearRuns [][]keyTiming // by query
	for _, q := range e.queries {
		if strings.TrimSpace(q) == "" {
			continue
		}
		var ty, cl []keyTiming
		began := time.Now()
		for run := range e.runs {
			if run > 0 && time.Since(began) > perfKeyBudget {
				k.Capped++
				break
			}
			for _, v := range []string{q, ""} {
				var kt keyTiming
				if err := perfEval(ctx, fmt.Sprintf(`window.__perfKey(%s, 60000, %q, %q)`, perfJSON(v), ks.input, ks.out), &kt); err != nil {
					return k, fmt.Errorf("type %q: %w", v, err)
				}
				if kt.Timeout {
					k.Timeouts++
					continue
				}
				if v == "" {
					cl = append(cl, kt)
				} else {
					ty = append(ty, kt)
				}
			}
		}
		typeRuns, clearRuns = append(typeRuns, ty), append(clearRuns, cl)
		var dom []float64
		for _, kt := range ty {
			dom = append(dom, kt.DOM)
		}
		k.Queries, k.TypeDOM = append(k.Queries, q), append(k.TypeDOM, perfMedian(dom))
	}
	k.Type, k.TypeSamples = keyPercentiles(typeRuns)
	k.Clear, k.ClearSamples = keyPercentiles(clearRuns)
	t.Logf("keystrokes in %s: type p50/p95 %.1f/%.1f ms to the next frame (%.1f/%.1f ms to the DOM), clear %.1f/%.1f ms, %d timeouts",
		ks.site, k.Type.Frame.P50, k.Type.Frame.P95, k.Type.DOM.P50, k.Type.DOM.P95, k.Clear.Frame.P50, k.Clear.Frame.P95, k.Timeouts)
	return k, nil
}

// keyPercentiles takes the median of each query's runs and returns the
// p50 and p95 over the queries, and the number of queries.
func keyPercentiles(byQuery [][]keyTiming) (perfLatency, int) {
	var dom, layout, frame []float64
	for _, runs := range byQuery {
		if len(runs) == 0 {
			continue
		}
		var d, l, f []float64
		for _, r := range runs {
			d, l, f = append(d, r.DOM), append(l, r.Layout), append(f, r.Frame)
		}
		dom, layout, frame = append(dom, perfMedian(d)), append(layout, perfMedian(l)), append(frame, perfMedian(f))
	}
	pct := func(xs []float64) perfPct { return perfPct{perfPercentile(xs, 50), perfPercentile(xs, 95)} }
	return perfLatency{pct(dom), pct(layout), pct(frame)}, len(frame)
}

// ---------------------------------------------------------------------------
// Section 3a, 4 and 6a: search only, the engines, the heap after load

// perfQuerySize is the search-only latency at one corpus size.
type perfQuerySize struct {
	N int
	// The search alone, as the engines' figures are: every hit matched
	// and ranked, none highlighted.
	P50, P95 float64
	Mean     float64
	PerQuery []float64 // median ms per query, in the list's order
	// The same with the first perfCards hits highlighted, as the timeline
	// does for the cards it shows.
	Shown50, Shown95 float64
	ShownMean        float64
	ShownPerQuery    []float64
}

// perfEngines is the JS engines at one corpus size.
type perfEngines struct {
	N       int
	Results []engineResult
	Err     string
	Skipped bool // n is not in CHRONIK_BENCH_ENGINE_SIZES
}

// perfHeap is Go's heap in the bench build after the page loaded.
type perfHeap struct {
	N               int
	HeapAlloc, Sys  float64
	Linear          float64 // the WASM's linear memory
	JSHeap          float64 // Chromium's JS heap in use, after a GC
	ReadyMS, LoadMS float64
}

// perfInstrumentJS keeps a reference to the WASM instance, for the size of
// its linear memory.
const perfInstrumentJS = `(() => {
  const keep = p => p.then(r => { window.__wasmInstance = r.instance || r; return r; });
  const is = WebAssembly.instantiateStreaming, i = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => keep(is.apply(WebAssembly, a));
  WebAssembly.instantiate = (...a) => keep(i.apply(WebAssembly, a));
})();`

// perfHeapJS reads the bench hook's heap and the linear memory.
const perfHeapJS = `(() => {
  const h = chronikBench.heap();
  const mem = window.__wasmInstance && window.__wasmInstance.exports.mem;
  return {heapAlloc: h.heapAlloc, sys: h.sys, linear: mem ? mem.buffer.byteLength : 0};
})()`

// perfSearchJS times one query with the bench hook: one call to warm up
// and estimate, then runs loops of reps calls each so that a loop takes
// about perfLoopMS, the mean of each loop.
const perfSearchJS = `((q, runs, loopMS, shown) => {
  const est = chronikBench.search(q, 1, shown);
  const reps = Math.max(1, Math.min(2000, Math.ceil(loopMS / Math.max(est, 0.05))));
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push(chronikBench.search(q, reps, shown));
  return {reps, ms};
})(%s, %d, %g, %d)`

func (e *perfEnv) measureQueries(t *testing.T) ([]perfQuerySize, []perfEngines, []perfHeap) {
	var qs []perfQuerySize
	var engines []perfEngines
	var heaps []perfHeap
	for _, n := range e.sizes {
		s := e.sites[fmt.Sprintf("chronik-%d-bench", n)]
		if s == nil {
			t.Errorf("%d articles: the bench site was not built", n)
			continue
		}
		ctx, closeBrowser := perfBrowser(t, 40*time.Minute)
		q, eng, h, err := e.queriesAt(t, ctx, s, n)
		closeBrowser()
		if err != nil {
			t.Errorf("%d articles: %v", n, err)
			continue
		}
		qs, engines, heaps = append(qs, q), append(engines, eng), append(heaps, h)
	}
	return qs, engines, heaps
}

// queriesAt loads the bench build of n articles, reads the heap, times the
// queries with chronikBench.search and then runs the JS engines in the
// same page.
func (e *perfEnv) queriesAt(t *testing.T, ctx context.Context, s *perfSite, n int) (perfQuerySize, perfEngines, perfHeap, error) {
	q := perfQuerySize{N: n}
	eng := perfEngines{N: n}
	h := perfHeap{N: n}
	err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(perfInstrumentJS).Do(ctx)
			return err
		}),
		chromedp.Navigate(s.origin+"/"),
	)
	if err != nil {
		return q, eng, h, err
	}
	if err := perfWaitMark(ctx, "chronik-ready", 2*time.Minute); err != nil {
		return q, eng, h, err
	}
	if err := perfEval(ctx, perfHeapJS, &h); err != nil {
		return q, eng, h, fmt.Errorf("chronikBench.heap (is this a -tags chronikbench build?): %w", err)
	}
	used, err := engineHeap(ctx)
	if err != nil {
		return q, eng, h, err
	}
	h.JSHeap = float64(used)
	t.Logf("%d articles: Go heap after load %.1f MB (Sys %.1f MB), linear memory %.1f MB, JS heap %.1f MB",
		n, h.HeapAlloc/1e6, h.Sys/1e6, h.Linear/1e6, h.JSHeap/1e6)

	for _, shown := range []int{0, perfCards} {
		for _, query := range e.queries {
			var m struct {
				Reps int
				MS   []float64
			}
			if err := perfEval(ctx, fmt.Sprintf(perfSearchJS, perfJSON(query), e.runs, perfLoopMS, shown), &m); err != nil {
				return q, eng, h, fmt.Errorf("chronikBench.search(%q): %w", query, err)
			}
			if shown == 0 {
				q.PerQuery = append(q.PerQuery, perfMedian(m.MS))
			} else {
				q.ShownPerQuery = append(q.ShownPerQuery, perfMedian(m.MS))
			}
		}
	}
	q.P50, q.P95, q.Mean = perfPercentile(q.PerQuery, 50), perfPercentile(q.PerQuery, 95), perfMean(q.PerQuery)
	q.Shown50, q.Shown95, q.ShownMean = perfPercentile(q.ShownPerQuery, 50), perfPercentile(q.ShownPerQuery, 95), perfMean(q.ShownPerQuery)
	t.Logf("%d articles: search only p50 %.3f ms, p95 %.3f ms; highlighting %d cards too: p50 %.3f ms, p95 %.3f ms", n, q.P50, q.P95, perfCards, q.Shown50, q.Shown95)

	if !slices.Contains(e.engineSizes, n) {
		eng.Skipped = true
		return q, eng, h, nil
	}
	c := e.corpora[n]
	docs := make([]engineDoc, len(c.articles))
	for i, a := range c.articles {
		docs[i] = engineDoc{ID: a.ID, Title: a.Title, Kicker: a.Kicker, Body: a.Body}
	}
	engineProgress = t.Logf
	defer func() { engineProgress = nil }()
	began := time.Now()
	eng.Results, err = runEngines(ctx, docs, e.queries, e.runs)
	if err != nil {
		eng.Err = err.Error()
		t.Errorf("%d articles: the engines: %v", n, err)
	}
	t.Logf("%d articles: the engines in %v", n, time.Since(began).Round(time.Millisecond))
	return q, eng, h, nil
}

// ---------------------------------------------------------------------------
// Section 6b: memory while typing

// perfTyping is the memory of the bench build before and after a long
// stretch of typing.
type perfTyping struct {
	N, Keystrokes int
	Typed         int // fewer than Keystrokes when perfTypeBudget ran out
	Before, After perfHeap
	Seconds       float64
}

// perfTypeJS types total keystrokes into the field, or as many as it can
// in budgetMS: the queries of the list letter by letter, each followed by
// clearing the field, in batches of batch input events, each batch
// followed by an animation frame.
const perfTypeJS = `(async (queries, total, batch, budgetMS) => {
  const input = document.getElementById("chronik-q");
  const end = performance.now() + budgetMS;
  let n = 0, qi = 0, ci = 0;
  while (n < total && performance.now() < end) {
    for (let b = 0; b < batch && n < total; b++, n++) {
      const q = queries[qi %% queries.length];
      ci++;
      if (ci > q.length) { ci = 0; qi++; }
      input.value = q.slice(0, ci);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return n;
})(%s, %d, %d, %d)`

func (e *perfEnv) measureTypingMemory(t *testing.T) *perfTyping {
	const n = budgetKeySize
	s := e.sites[fmt.Sprintf("chronik-%d-bench", n)]
	if s == nil {
		t.Skipf("no corpus of %d articles in %s=%v", n, envSizes, e.sizes)
	}
	keystrokes := perfEnvInt(t, envKeystrokes, 10000)
	ctx, closeBrowser := perfBrowser(t, 30*time.Minute)
	defer closeBrowser()
	require.NoError(t, chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(perfInstrumentJS).Do(ctx)
			return err
		}),
		chromedp.Navigate(s.origin+"/"),
	))
	require.NoError(t, perfWaitMark(ctx, "chronik-ready", 2*time.Minute))
	r := &perfTyping{N: n, Keystrokes: keystrokes}
	read := func(h *perfHeap) {
		require.NoError(t, perfEval(ctx, perfHeapJS, h))
		used, err := engineHeap(ctx)
		require.NoError(t, err)
		h.JSHeap = float64(used)
	}
	read(&r.Before)
	began := time.Now()
	var typed int
	require.NoError(t, perfEval(ctx, fmt.Sprintf(perfTypeJS, perfJSON(e.queries), keystrokes, 20, perfTypeBudget.Milliseconds()), &typed))
	r.Seconds = time.Since(began).Seconds()
	r.Typed = typed
	read(&r.After)
	t.Logf("%d of %d keystrokes at %d articles in %.0f s: Go heap %.1f → %.1f MB, Sys %.1f → %.1f MB, linear memory %.1f → %.1f MB",
		typed, keystrokes, n, r.Seconds, r.Before.HeapAlloc/1e6, r.After.HeapAlloc/1e6, r.Before.Sys/1e6, r.After.Sys/1e6, r.Before.Linear/1e6, r.After.Linear/1e6)
	return r
}

// ---------------------------------------------------------------------------
// Section 5: native benchmarks

// perfBench is one native benchmark: the medians of its -count runs.
type perfBench struct {
	Pkg, Name           string
	Count               int
	NsOp, BOp, AllocsOp float64
	Extra               map[string]float64 // custom metrics, such as hits
}

// perfNativeReport is the summary of docs/bench/native.txt.
type perfNativeReport struct {
	Path    string
	Lines   int
	Benches []perfBench
	Err     string
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

// perfNative reads the output of go test -bench in path and takes the
// median of each benchmark's runs.
func perfNative(t *testing.T, path string) *perfNativeReport {
	r := &perfNativeReport{Path: path}
	f, err := os.Open(path)
	if err != nil {
		r.Err = fmt.Sprintf("%v: run make bench, which writes it first", err)
		t.Log(r.Err)
		return r
	}
	defer f.Close()
	type acc struct {
		b       *perfBench
		metrics map[string][]float64
	}
	var order []string
	all := map[string]*acc{}
	pkg := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r.Lines++
		key := pkg + " " + m[1]
		a := all[key]
		if a == nil {
			a = &acc{b: &perfBench{Pkg: pkg, Name: m[1], Extra: map[string]float64{}}, metrics: map[string][]float64{}}
			all[key] = a
			order = append(order, key)
		}
		a.b.Count++
		fields := strings.Fields(m[3])
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			a.metrics[fields[i+1]] = append(a.metrics[fields[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		r.Err = err.Error()
	}
	for _, key := range order {
		a := all[key]
		for unit, vs := range a.metrics {
			v := perfMedian(vs)
			switch unit {
			case "ns/op":
				a.b.NsOp = v
			case "B/op":
				a.b.BOp = v
			case "allocs/op":
				a.b.AllocsOp = v
			default:
				a.b.Extra[unit] = v
			}
		}
		r.Benches = append(r.Benches, *a.b)
	}
	return r
}

// ---------------------------------------------------------------------------
// The machine

// perfMachineInfo describes where the report was measured.
type perfMachineInfo struct {
	CPUs     int
	CPU      string
	Memory   string
	OS       string
	Go       string
	Chromium string
	Date     string
	Load     string // /proc/loadavg's 1-minute average at the start
}

func perfMachine(t *testing.T) perfMachineInfo {
	m := perfMachineInfo{CPUs: goruntime.NumCPU(), Go: goruntime.Version(), OS: goruntime.GOOS + "/" + goruntime.GOARCH, Date: time.Now().UTC().Format("2006-01-02 15:04 MST")}
	if out, err := exec.Command("nproc").Output(); err == nil {
		m.CPUs, _ = strconv.Atoi(strings.TrimSpace(string(out)))
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				m.CPU = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
				m.Memory = fmt.Sprintf("%.0f GB", float64(kb)/1e6)
			}
		}
	}
	if data, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "PRETTY_NAME="); ok {
				m.OS = strings.Trim(v, `"`) + ", " + m.OS
			}
		}
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.Load = strings.Fields(string(data))[0]
	}
	out, err := exec.Command(chromium(t), "--version").Output()
	if err == nil {
		m.Chromium = strings.TrimSpace(string(out))
	}
	return m
}

// ---------------------------------------------------------------------------
// Statistics

// perfMedian is the median of xs (the mean of the middle two for an even
// count); NaN for none.
func perfMedian(xs []float64) float64 {
	s := slices.Clone(xs)
	if len(s) == 0 {
		return math.NaN()
	}
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// perfPercentile is the nearest-rank p-th percentile of xs; NaN for none.
func perfPercentile(xs []float64, p float64) float64 {
	s := slices.DeleteFunc(slices.Clone(xs), math.IsNaN)
	if len(s) == 0 {
		return math.NaN()
	}
	slices.Sort(s)
	k := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(k, 1), len(s))-1]
}

func perfMean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// perfCount formats n with a thousands comma: 10,000.
func perfCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ---------------------------------------------------------------------------
// The report

// perfReport is everything docs/performance.md shows; a section that
// failed is nil or empty and is reported as not measured.
type perfReport struct {
	Runs        int
	Sizes       []int
	Queries     int
	Started     time.Time
	Total       time.Duration
	LoadEnd     string // /proc/loadavg's 1-minute average at the end
	EngineSizes []int
	Machine     perfMachineInfo
	Durations   []perfDuration

	Bytes     *perfBytes
	Breakdown *perfBreakdown
	Cold      []perfCold
	Keys      []perfKeys
	Search    []perfQuerySize
	Engines   []perfEngines
	Heap      []perfHeap
	Typing    *perfTyping
	Native    *perfNativeReport
	Corpora   []perfCorpusRow
	QueryList []string
}

// perfDuration is how long a section of the run took.
type perfDuration struct {
	Name string
	D    time.Duration
	OK   bool
}

// perfCorpusRow describes one corpus.
type perfCorpusRow struct {
	N, Words, Chronicle, Index, IndexBr int
	BuildMS                             float64
}

func (e *perfEnv) corpusRows() []perfCorpusRow {
	var out []perfCorpusRow
	for _, n := range e.sizes {
		c := e.corpora[n]
		if c == nil {
			continue
		}
		row := perfCorpusRow{N: n, Chronicle: len(c.chronicle), Index: len(c.index), IndexBr: c.indexBr, BuildMS: c.buildMS}
		for _, a := range c.articles {
			row.Words += len(strings.Fields(a.Title)) + len(strings.Fields(a.Kicker)) + len(strings.Fields(a.Body))
		}
		out = append(out, row)
	}
	return out
}

// markdown renders the report.
func (r *perfReport) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Performance\n\n")
	p("Generated by `make bench` (perf_test.go, perf_engines_test.go and the native benchmarks) on %s; do not edit by hand. ", r.Machine.Date)
	p("Every browser figure is from headless Chromium on loopback, without throttling, with the site served like a CDN that sends the `.br` beside each file (as `e2e_cdn_test.go` does); times are the median of %d runs unless a p95 is given. ", r.Runs)
	p("The whole run took %s.\n\n", perfDur(r.Total))

	p("| machine | |\n| --- | --- |\n")
	p("| CPUs (`nproc`) | %d × %s |\n", r.Machine.CPUs, perfOr(r.Machine.CPU, "?"))
	p("| memory | %s |\n", perfOr(r.Machine.Memory, "?"))
	p("| OS | %s |\n", r.Machine.OS)
	p("| Go | %s |\n", r.Machine.Go)
	p("| browser | %s, headless |\n", perfOr(r.Machine.Chromium, "?"))
	p("| date | %s |\n", r.Machine.Date)
	p("| load average (1 min) | %s at the start, %s at the end: other work on the machine adds noise to every time |\n\n", perfOr(r.Machine.Load, "?"), perfOr(r.LoadEnd, "?"))

	r.budgets(p)
	r.bytesSection(p)
	r.coldSection(p)
	r.querySection(p)
	r.enginesSection(p)
	r.nativeSection(p)
	r.memorySection(p)

	p("## The run\n\n| section | time | |\n| --- | ---: | --- |\n")
	for _, d := range r.Durations {
		status := "ok"
		if !d.OK {
			status = "**failed**: see the test log"
		}
		p("| %s | %s | %s |\n", d.Name, perfDur(d.D), status)
	}
	p("\nKnobs: `%s` (corpus sizes, now %v), `%s` (now %v), `%s` (now %d), `%s`, `%s`, `%s`. The corpora of 1,000 and more articles are those of `make corpus N=…` (`.cache/corpus/N`, seed 1), which the run regenerates.\n",
		envSizes, r.Sizes, envEngineSizes, r.EngineSizes, envRuns, r.Runs, envKeystrokes, envOut, envNative)
	return b.String()
}

// budgets writes the budget table.
func (r *perfReport) budgets(p func(string, ...any)) {
	p("## Budgets\n\n| budget | limit | measured | |\n| --- | ---: | ---: | --- |\n")
	if r.Bytes != nil {
		p("| Chronik's `app.wasm` over the floor's, brotli, 5 articles | ≤ %.0f %% | %+.1f %% (q%d as shipped; %+.1f %% at q11) | %s |\n",
			budgetOverhead*100, r.Bytes.Overhead*100, r.Bytes.LargeQuality, r.Bytes.OverheadQ11*100, perfMet(r.Bytes.Overhead <= budgetOverhead))
	} else {
		p("| Chronik's `app.wasm` over the floor's, brotli, 5 articles | ≤ %.0f %% | not measured | |\n", budgetOverhead*100)
	}
	if k := r.keysAt(budgetKeySize); k != nil {
		floor := ""
		for _, f := range r.Keys {
			if f.Floor {
				floor = fmt.Sprintf("; the go-app floor: %s ms, laid out %s ms", perfMS(f.Type.Frame.P95), perfMS(f.Type.Layout.P95))
			}
		}
		p("| keystroke to render, p95, %s articles (to the next animation frame) | < %.0f ms | %s ms (DOM updated and laid out: %s ms%s) | %s |\n",
			perfCount(budgetKeySize), budgetKeyP95, perfMS(k.Type.Frame.P95), perfMS(k.Type.Layout.P95), floor, perfMet(k.Type.Frame.P95 < budgetKeyP95))
	} else {
		p("| keystroke to render, p95, %s articles | < %.0f ms | not measured | |\n", perfCount(budgetKeySize), budgetKeyP95)
	}
	if q := r.searchAt(budgetQuerySz); q != nil {
		p("| search only, p95, %s articles | < %.0f ms | %s ms | %s |\n", perfCount(budgetQuerySz), budgetQueryP95, perfMS(q.P95), perfMet(q.P95 < budgetQueryP95))
	} else {
		p("| search only, p95, %s articles | < %.0f ms | not measured | |\n", perfCount(budgetQuerySz), budgetQueryP95)
	}
	for _, c := range r.Corpora {
		if c.N < 1000 {
			continue
		}
		p("| index, brotli, per article of about 500 words, %s articles | ≤ 1,500 B | %s B | %s |\n", perfCount(c.N), perfNum(float64(c.IndexBr)/float64(c.N)), perfMet(c.IndexBr <= 1500*c.N))
	}
	for _, eng := range r.Engines {
		q := r.searchAt(eng.N)
		if eng.Skipped || q == nil || eng.N < 1000 {
			continue
		}
		for _, er := range eng.Results {
			name, _, _ := strings.Cut(er.Name, " (")
			faster := er.P50 > q.P50 && er.P95 > q.P95
			p("| faster than %s, %s articles, search p50 / p95 | ratio > 1 | %.2f / %.2f | %s |\n", name, perfCount(eng.N), er.P50/q.P50, er.P95/q.P95, perfMet(faster))
		}
	}
	p("\n")
}

func (r *perfReport) keysAt(n int) *perfKeys {
	for i := range r.Keys {
		if r.Keys[i].N == n {
			return &r.Keys[i]
		}
	}
	return nil
}

func (r *perfReport) searchAt(n int) *perfQuerySize {
	for i := range r.Search {
		if r.Search[i].N == n {
			return &r.Search[i]
		}
	}
	return nil
}

func (r *perfReport) coldOf(name string) *perfCold {
	for i := range r.Cold {
		if r.Cold[i].Name == name {
			return &r.Cold[i]
		}
	}
	return nil
}

// bytesSection writes section 1.
func (r *perfReport) bytesSection(p func(string, ...any)) {
	p("## 1. Bytes\n\n")
	if r.Bytes == nil {
		p("Not measured: see the test log.\n\n")
		return
	}
	b := r.Bytes
	p("`app.wasm` as the static build writes it (`go run . static [-articles DIR] OUT`: gzip at best compression, brotli at quality %d for files over 1 MiB as `site.go` sets it, quality 11 for the others), and what a cold load transfers: the sum of `Network.loadingFinished` `encodedDataLength` (bodies and headers) of the page's requests, median of the cold loads of section 2. ", b.LargeQuality)
	p("The service worker's own downloads (it caches the files for offline use) are not the page's and are not counted.\n\n")
	p("| site | app.wasm raw | gzip | brotli q%d | cold load transfer | of it app.wasm | requests |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n", b.LargeQuality)
	for _, s := range b.Sites {
		name := s.Name
		cold := (*perfCold)(nil)
		if n, ok := strings.CutPrefix(s.Name, "chronik-"); ok {
			k, _ := strconv.Atoi(n)
			name = fmt.Sprintf("Chronik, %s articles", perfCount(k))
			cold = r.coldOf(name)
		} else {
			name = "floor (go-app, one input)"
			cold = r.coldOf(name)
		}
		transfer, wasm, reqs := "–", "–", "–"
		if cold != nil {
			transfer, wasm, reqs = perfBytesStr(int(cold.Transfer)), perfBytesStr(int(cold.WasmTransfer)), strconv.Itoa(cold.Requests)
		}
		p("| %s | %s | %s | %s | %s | %s | %s |\n", name, perfBytesStr(s.Raw), perfBytesStr(s.Gzip), perfBytesStr(s.Br), transfer, wasm, reqs)
	}
	if pf := r.coldOf("Pagefind, 5 articles"); pf != nil {
		p("| Pagefind, 5 articles | – | – | – | %s | – | %d |\n", perfBytesStr(int(pf.Transfer)), pf.Requests)
	}
	chronik5, floor := b.site("chronik-5"), b.site("floor")
	p("\nBrotli at quality 11 (github.com/andybalholm/brotli, for comparison; the build uses q%d for `app.wasm` because q11 takes about 20 times as long): Chronik at 5 articles %s (%.1f %% smaller than q%d), the floor %s.\n\n",
		b.LargeQuality, perfBytesStr(b.ChronikQ11), 100*(1-float64(b.ChronikQ11)/float64(chronik5.Br)), b.LargeQuality, perfBytesStr(b.FloorQ11))
	p("**Chronik's overhead over the floor**, 5 default articles, `app.wasm` brotli: %s − %s = %s, **%+.1f %%** (budget ≤ %.0f %%: **%s**); at q11 %+.1f %%. ",
		perfBytesStr(chronik5.Br), perfBytesStr(floor.Br), perfBytesStr(chronik5.Br-floor.Br), b.Overhead*100, budgetOverhead*100, perfMet(b.Overhead <= budgetOverhead), b.OverheadQ11*100)
	if c, f := r.coldOf("Chronik, 5 articles"), r.coldOf("floor (go-app, one input)"); c != nil && f != nil {
		p("Over a whole cold load: %s vs %s, %+.1f %%.", perfBytesStr(int(c.Transfer)), perfBytesStr(int(f.Transfer)), 100*(c.Transfer-f.Transfer)/f.Transfer)
	}
	p("\n\n")
	if len(r.Corpora) > 0 {
		p("The corpora and Chronik's data, which `app.wasm` embeds: the articles (`embed.MarshalChronicle`: lengths and bytes, which the WASM decodes without copying) and the binary index (built natively at build time; the browser only decodes it).\n\n")
		p("| articles | words | chronicle.bin | index.bin | index.bin brotli q11 | index build (native Go) |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, c := range r.Corpora {
			p("| %s | %s | %s | %s | %s | %s ms |\n", perfCount(c.N), perfCount(c.Words), perfBytesStr(c.Chronicle), perfBytesStr(c.Index), perfBytesStr(c.IndexBr), perfMS(c.BuildMS))
		}
		p("\n")
	}
	bd := r.Breakdown
	if bd == nil {
		p("### Where app.wasm's bytes go\n\nNot measured: see the test log.\n\n")
		return
	}
	p("### Where app.wasm's bytes go\n\n")
	p("Chronik's `app.wasm` at 5 articles, built without `-s -w` (%s; shipped stripped: %s). `go tool nm` does not read WebAssembly, so the test reads the module itself: the size of each function body in the code section, by the package of its name in the name section (%d functions), and the data section. ",
		perfBytesStr(bd.Unstripped), perfBytesStr(bd.Stripped), bd.Names)
	p("Code: %s (%.0f %% of the shipped file); data: %s (%.0f %%), of which %s are the embedded articles and index (`chronik/embed/data`) and the rest Go's type descriptors, strings, pclntab and the other packages' static data, which the module does not attribute.\n\n",
		perfBytesStr(bd.Code), 100*float64(bd.Code)/float64(bd.Stripped), perfBytesStr(bd.Data), 100*float64(bd.Data)/float64(bd.Stripped), perfBytesStr(bd.Embedded))
	p("| code of | bytes | of the code | functions |\n| --- | ---: | ---: | ---: |\n")
	for _, g := range bd.Groups {
		p("| %s | %s | %.1f %% | %d |\n", g.Name, perfBytesStr(g.Bytes), 100*float64(g.Bytes)/float64(bd.Code), g.Funcs)
	}
	p("| data: `chronik/embed/data` (articles and index) | %s | | |\n", perfBytesStr(bd.Embedded))
	p("| data: everything else | %s | | |\n\n", perfBytesStr(bd.Data-bd.Embedded))
	p("The largest packages by code: ")
	var parts []string
	for _, g := range bd.Packages {
		parts = append(parts, fmt.Sprintf("`%s` %s", g.Name, perfBytesStr(g.Bytes)))
	}
	p("%s.\n\n", strings.Join(parts, ", "))
}

// coldSection writes section 2.
func (r *perfReport) coldSection(p func(string, ...any)) {
	p("## 2. Cold load\n\n")
	p("A fresh Chromium profile for each run, so nothing is cached; times from navigation start. ")
	p("*First paint* is the first contentful paint; *first card painted* is the later of that and the moment the first `.chronik-card` of the prerendered HTML is in the document (the cards are not marked for Element Timing). ")
	p("*Search usable*: for Chronik the `chronik-ready` mark, which the timeline sets at the end of `OnMount`: the WASM runs, the index is decoded and the field takes input; for the floor its own mark in `OnMount`; for Pagefind the moment `pagefind.js` is loaded, `init()` done, a first search resolved, its results' data loaded and drawn, and the next animation frame ran. ")
	p("*First query answered* (Chronik): \"%s\" typed at the ready mark, until the count changed and the next animation frame ran.\n\n", perfFirstQuery)
	p("Pagefind %s indexes the same 5 articles written as plain HTML pages (`lang=\"de\"`, so its German stemmer), searched from a page through its JS API; its files get a `.br` like Chronik's.\n\n", perfOr(r.pagefindVersion(), "(not installed)"))
	if len(r.Cold) == 0 {
		p("Not measured: see the test log.\n\n")
		return
	}
	p("*WASM running*: when Chronik's `main` began to decode the embedded chronicle and index (downloaded, compiled and instantiated by then); *decode*: how long decoding took, in the browser (the `chronik-decode` performance measure that `main` records).\n\n")
	p("| page | first paint | first card painted | WASM running | decode | search usable (p95) | first query answered | transfer |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, c := range r.Cold {
		card, search, start, decode := "–", "–", "–", "–"
		if c.Card > 0 {
			card = perfMS(c.Card) + " ms"
		}
		if c.Search > 0 {
			search = perfMS(c.Search) + " ms"
		}
		if c.GoStart > 0 {
			start, decode = perfMS(c.GoStart)+" ms", perfMS(c.Decode)+" ms"
		}
		p("| %s | %s ms | %s | %s | %s | %s ms (%s) | %s | %s |\n", c.Name, perfMS(c.FCP), card, start, decode, perfMS(c.Ready), perfMS(c.ReadyP95), search, perfBytesStr(int(c.Transfer)))
	}
	foreign := 0
	for _, c := range r.Cold {
		foreign += c.Foreign
	}
	if foreign == 0 {
		p("\nNo page made a request to another origin.\n")
	} else {
		p("\n**%d requests went to another origin** (see the test log).\n", foreign)
	}
	p("\n")
}

func (r *perfReport) pagefindVersion() string {
	v, err := pagefindVersion()
	if err != nil {
		return ""
	}
	return v
}

// querySection writes section 3.
func (r *perfReport) querySection(p func(string, ...any)) {
	p("## 3. Query latency in the browser\n\n")
	p("Over the %d queries of `%s` (words finished and being typed, one- to three-letter prefixes, several words, typos, compounds, phrases, exclusions, a query that finds nothing, the empty query).\n\n", r.Queries, perfQueries)
	p("### Search only\n\n")
	p("A `-tags chronikbench` build of the same site (production builds do not have the hook) exposes `chronikBench.search(q, reps, shown)`, which runs the search the timeline runs (`Index.SearchOptions` with `app.SearchOptions()`: every feature, every hit matched and ranked for the count, the chips and the order, highlighting left to the cards) reps times, then `Result.Highlight` for the first `shown` hits, and returns the mean per run by Go's clock, coarsened in the browser to about 0.1 ms. ")
	p("*Search only* is `shown` = 0, which is what MiniSearch and Lunr return too (ranked ids and match data, no passages): it is the figure of the budget and of the ratios in section 4. *With %d cards highlighted* adds the passages and marks of the first %d hits, the cards the timeline shows at first (`app.PageSize`); keystroke to render (below) includes it. ", perfCards, perfCards)
	p("For each query one call warms up and estimates, reps is chosen so that a loop takes about %.0f ms, and the query's time is the median of %d loops; p50 and p95 are over the queries.", perfLoopMS, r.Runs)
	p("\n\n")
	if len(r.Search) == 0 {
		p("Not measured: see the test log.\n\n")
	} else {
		p("| articles | search only p50 | p95 | mean | slowest | with %d cards highlighted p50 | p95 | mean | slowest |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n", perfCards)
		for _, q := range r.Search {
			p("| %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms |\n", perfCount(q.N), perfMS(q.P50), perfMS(q.P95), perfMS(q.Mean), perfMS(slices.Max(q.PerQuery)),
				perfMS(q.Shown50), perfMS(q.Shown95), perfMS(q.ShownMean), perfMS(slices.Max(q.ShownPerQuery)))
		}
		p("\nBudget: search only p95 < %.0f ms at %s articles: **%s**.\n\n", budgetQueryP95, perfCount(budgetQuerySz), perfMetPtr(r.searchAt(budgetQuerySz), func(q *perfQuerySize) bool { return q.P95 < budgetQueryP95 }))
	}

	p("### Keystroke to render\n\n")
	p("The production build. For each query of the list (the empty one left out): set the field's value and dispatch an `input` event, at a random moment of the frame as a reader's keystroke comes, and time it until the text of `#chronik-count` has changed (a MutationObserver): *DOM*; until the task that changed it has ended and style and layout are done (a message posted at the change, then `offsetHeight`): *laid out*; and until the next animation frame after the change ran: *next frame*, which waits for the display's next frame (every 16.7 ms) and so adds 0–17 ms to the work. ")
	p("The field is then cleared the same way (*clearing*: back to the first %d cards of every article), so each keystroke changes the result. %d runs of the list; each query's median, then p50/p95 over the queries.\n\n", perfCards, r.Runs)
	p("The floor is go-app's own share: the floor app (testdata/floor) echoes the typed text into a paragraph, timed the same way. go-app handles an event on its UI goroutine and renders the components it marked on its next frame tick, which it runs at 120 Hz (`engine.Start(120)` in go-app's `RunWhenOnBrowser`, not configurable): the first dispatch after an idle spell sets the tick 8.3 ms ahead, so a keystroke waits about 8.3 ms before any of its DOM changes, in the floor as in Chronik, and then for the display's frame.\n\n")
	if len(r.Keys) == 0 {
		p("Not measured: see the test log.\n\n")
	} else {
		p("| page | typing: next frame p50 / p95 | DOM p50 / p95 | laid out p50 / p95 | clearing: next frame p50 / p95 | laid out p50 / p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
		for _, k := range r.Keys {
			name := "Chronik, " + perfCount(k.N) + " articles"
			if k.Floor {
				name = "floor (go-app, the typed text echoed)"
			}
			p("| %s | %s / %s ms | %s / %s ms | %s / %s ms | %s / %s ms | %s / %s ms |\n", name,
				perfMS(k.Type.Frame.P50), perfMS(k.Type.Frame.P95), perfMS(k.Type.DOM.P50), perfMS(k.Type.DOM.P95), perfMS(k.Type.Layout.P50), perfMS(k.Type.Layout.P95),
				perfMS(k.Clear.Frame.P50), perfMS(k.Clear.Frame.P95), perfMS(k.Clear.Layout.P50), perfMS(k.Clear.Layout.P95))
		}
		var timeouts int
		for _, k := range r.Keys {
			timeouts += k.Timeouts
		}
		if timeouts > 0 {
			p("\n%d keystrokes did not change the count within a minute and are left out.\n", timeouts)
		}
		for _, k := range r.Keys {
			if k.Capped > 0 {
				p("\nAt %s articles %d of the %d queries had fewer than %d runs: no run starts after %v on one query.\n", perfCount(k.N), k.Capped, k.TypeSamples, r.Runs, perfKeyBudget)
			}
		}
		k := r.keysAt(budgetKeySize)
		p("\nBudget: p95 < %.0f ms at %s articles, to the next frame: **%s**", budgetKeyP95, perfCount(budgetKeySize), perfMetPtr(k, func(k *perfKeys) bool { return k.Type.Frame.P95 < budgetKeyP95 }))
		if k != nil {
			p(" (the work alone, DOM updated and laid out: p95 %s ms, %s).\n\n", perfMS(k.Type.Layout.P95), strings.ToLower(perfMet(k.Type.Layout.P95 < budgetKeyP95)))
		} else {
			p(".\n\n")
		}
	}
	if len(r.Keys) > 0 {
		p("<details><summary>Keystroke to DOM per query (ms, median)</summary>\n\n| query |")
		for _, k := range r.Keys {
			if k.Floor {
				p(" floor |")
			} else {
				p(" %s |", perfCount(k.N))
			}
		}
		p("\n| --- |%s\n", strings.Repeat(" ---: |", len(r.Keys)))
		for i, query := range r.Keys[0].Queries {
			p("| `%s` |", strings.ReplaceAll(perfJSON(query), "|", `\|`))
			for _, k := range r.Keys {
				if i < len(k.TypeDOM) {
					p(" %s |", perfMS(k.TypeDOM[i]))
				} else {
					p(" – |")
				}
			}
			p("\n")
		}
		p("\n</details>\n\n")
	}
	if len(r.Search) > 0 && len(r.QueryList) > 0 {
		p("<details><summary>Per query (ms, median): search only / with %d cards highlighted</summary>\n\n| query |", perfCards)
		for _, q := range r.Search {
			p(" %s |", perfCount(q.N))
		}
		p("\n| --- |%s\n", strings.Repeat(" ---: |", len(r.Search)))
		for i, query := range r.QueryList {
			p("| `%s` |", strings.ReplaceAll(perfJSON(query), "|", `\|`))
			for _, q := range r.Search {
				if i < len(q.PerQuery) && i < len(q.ShownPerQuery) {
					p(" %s / %s |", perfMS(q.PerQuery[i]), perfMS(q.ShownPerQuery[i]))
				} else {
					p(" – |")
				}
			}
			p("\n")
		}
		p("\n</details>\n\n")
	}
}

// enginesSection writes section 4.
func (r *perfReport) enginesSection(p func(string, ...any)) {
	p("## 4. Side by side: MiniSearch and Lunr\n\n")
	p("`runEngines` (perf_engines_test.go) runs in the same page as Chronik's search-only measurement, the `-tags chronikbench` build, after those measurements: the engines are injected into the page Chronik is loaded in, on the same origin, and index the same articles (title, kicker, body) and answer the same queries. ")
	p("Their build is in the browser, at page time; Chronik's index is built natively at build time (Go, `search.Build`, so its column is not a browser time), and the browser only decodes `index.bin`. ")
	p("Index size: the engines' `JSON.stringify` of the index, Chronik's `index.bin` (which does not hold the text: Chronik highlights from the articles it also embeds); brotli at q11, or q9 (marked) for an engine's JSON over 16 MB, where q11 would take many minutes. Each query is timed %d times, except that no run starts after %v on one query (marked where that happened). Ratio: the engine's p50 (p95) over Chronik's search-only p50 (p95); above 1, Chronik is faster.\n\n", r.Runs, engineQueryBudget)
	if len(r.Engines) == 0 {
		p("Not measured: see the test log.\n\n")
		return
	}
	for _, eng := range r.Engines {
		if eng.Skipped {
			p("**%s articles**: not run (`%s`).\n\n", perfCount(eng.N), envEngineSizes)
			continue
		}
		p("**%s articles**\n\n", perfCount(eng.N))
		p("| engine | index build | index | index brotli | p50 | p95 | p50 ratio | p95 ratio |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		q := r.searchAt(eng.N)
		var corpus *perfCorpusRow
		for i := range r.Corpora {
			if r.Corpora[i].N == eng.N {
				corpus = &r.Corpora[i]
			}
		}
		if q != nil && corpus != nil {
			p("| Chronik (search only, lazy) | %s ms (native, at build time) | %s | %s | %s ms | %s ms | 1 | 1 |\n",
				perfMS(corpus.BuildMS), perfBytesStr(corpus.Index), perfBytesStr(corpus.IndexBr), perfMS(q.P50), perfMS(q.P95))
		}
		for _, er := range eng.Results {
			r50, r95 := "–", "–"
			if q != nil && q.P50 > 0 && q.P95 > 0 {
				r50, r95 = fmt.Sprintf("%.2f", er.P50/q.P50), fmt.Sprintf("%.2f", er.P95/q.P95)
			}
			errs := ""
			if er.Errors > 0 {
				errs = fmt.Sprintf(" (%d queries threw: %s)", er.Errors, er.FirstError)
			}
			br := perfBytesStr(er.IndexBrotli)
			if er.BrotliQ != 11 {
				br += fmt.Sprintf(" (q%d)", er.BrotliQ)
			}
			if er.Capped > 0 {
				errs += fmt.Sprintf(" (%d slow queries timed fewer than %d times)", er.Capped, r.Runs)
			}
			p("| %s%s | %s ms | %s | %s | %s ms | %s ms | %s | %s |\n", er.Name, errs, perfMS(er.BuildMS), perfBytesStr(er.IndexBytes), br, perfMS(er.P50), perfMS(er.P95), r50, r95)
		}
		if eng.Err != "" {
			p("\nThe engines failed: %s\n", eng.Err)
		}
		p("\n")
	}
}

// nativeSection writes section 5.
func (r *perfReport) nativeSection(p func(string, ...any)) {
	p("## 5. Native Go benchmarks\n\n")
	n := r.Native
	if n == nil || n.Err != "" || len(n.Benches) == 0 {
		msg := "see the test log"
		if n != nil && n.Err != "" {
			msg = n.Err
		}
		p("Not summarised: %s.\n\n", msg)
		return
	}
	p("`go test -run '^$' -bench . -benchmem -count 5 ./search/... ./embed/...` on this machine, benchstat-ready in [`%s`](%s) (%d result lines); the medians of the runs:\n\n",
		n.Path, perfRel(n.Path), n.Lines)
	key := regexp.MustCompile(`(?i)analy|build|decode|load|search|quer|stem|typo|highlight|snippet`)
	p("| package | benchmark | time/op | B/op | allocs/op | other |\n| --- | --- | ---: | ---: | ---: | --- |\n")
	for _, b := range n.Benches {
		if !key.MatchString(b.Name) {
			continue
		}
		var extra []string
		for _, unit := range slices.Sorted(maps.Keys(b.Extra)) {
			extra = append(extra, fmt.Sprintf("%s %s", perfNum(b.Extra[unit]), unit))
		}
		name := strings.TrimPrefix(b.Name, "Benchmark")
		p("| %s | `%s` | %s | %s | %s | %s |\n", strings.TrimPrefix(b.Pkg, "chronik/"), strings.ReplaceAll(name, "|", `\|`), perfNs(b.NsOp), perfBytesStr(int(b.BOp)), perfNum(b.AllocsOp), strings.Join(extra, ", "))
	}
	p("\n")
}

// memorySection writes section 6.
func (r *perfReport) memorySection(p func(string, ...any)) {
	p("## 6. Memory\n\n")
	p("The `-tags chronikbench` build's `chronikBench.heap()` runs `runtime.GC()` and returns `runtime.MemStats` `HeapAlloc` (live Go heap) and `Sys` (all the runtime has taken); the WASM's linear memory only grows. The JS heap is Chromium's, after a collection (`Runtime.getHeapUsage`).\n\n")
	if len(r.Heap) == 0 {
		p("After load: not measured: see the test log.\n\n")
	} else {
		p("| after load | Go heap (HeapAlloc) | Go Sys | linear memory | JS heap |\n| ---: | ---: | ---: | ---: | ---: |\n")
		for _, h := range r.Heap {
			p("| %s articles | %s | %s | %s | %s |\n", perfCount(h.N), perfBytesStr(int(h.HeapAlloc)), perfBytesStr(int(h.Sys)), perfBytesStr(int(h.Linear)), perfBytesStr(int(h.JSHeap)))
		}
		p("\n")
	}
	ty := r.Typing
	if ty == nil {
		p("Typing: not measured: see the test log.\n\n")
	} else {
		p("Typing: %s keystrokes at %s articles (the queries of the list typed letter by letter, the field cleared after each, as `input` events in batches of 20 with an animation frame after each batch), in %.0f s", perfCount(ty.Typed), perfCount(ty.N), ty.Seconds)
		if ty.Typed < ty.Keystrokes {
			p(" (**not the %s asked for**: the run stops typing after %v, and each keystroke took %.0f ms on average)", perfCount(ty.Keystrokes), perfTypeBudget, 1000*ty.Seconds/float64(max(ty.Typed, 1)))
		}
		p(":\n\n")
		p("| | Go heap (HeapAlloc) | Go Sys | linear memory | JS heap |\n| --- | ---: | ---: | ---: | ---: |\n")
		for _, row := range []struct {
			name string
			h    perfHeap
		}{{"after load", ty.Before}, {fmt.Sprintf("after %s keystrokes", perfCount(ty.Typed)), ty.After}} {
			p("| %s | %s | %s | %s | %s |\n", row.name, perfBytesStr(int(row.h.HeapAlloc)), perfBytesStr(int(row.h.Sys)), perfBytesStr(int(row.h.Linear)), perfBytesStr(int(row.h.JSHeap)))
		}
		p("\n")
	}
	p("`make test` checks for unbounded growth (e2e_memory_test.go) in a `-tags chronikbench` build of the 5 articles, whose hook can run Go's garbage collector: 3,000 keystrokes, and from 1,000 (after the warm-up of the index's caches) to 3,000 the live Go heap after collection may grow by 10 %% and 64 kB at most, the JS values Go holds by 10 %% and 20, the JS heap by 10 %%, the linear memory by 10 %% and 1 MB. A leak of 200 bytes a keystroke fails it.\n\n")
}

// ---------------------------------------------------------------------------
// Formatting

func perfMet(ok bool) string {
	if ok {
		return "met"
	}
	return "not met"
}

func perfMetPtr[T any](v *T, ok func(*T) bool) string {
	if v == nil {
		return "not measured"
	}
	return perfMet(ok(v))
}

func perfOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// perfMS formats milliseconds with three significant digits or so.
func perfMS(ms float64) string {
	switch {
	case math.IsNaN(ms):
		return "–"
	case ms < 1:
		return fmt.Sprintf("%.3f", ms)
	case ms < 10:
		return fmt.Sprintf("%.2f", ms)
	case ms < 100:
		return fmt.Sprintf("%.1f", ms)
	}
	return perfCount(int(math.Round(ms)))
}

// perfNs formats a time per operation.
func perfNs(ns float64) string {
	switch {
	case ns < 1e3:
		return fmt.Sprintf("%.0f ns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%s ms", perfMS(ns/1e6))
	}
	return fmt.Sprintf("%.2f s", ns/1e9)
}

// perfBytesStr formats a size in bytes: B, kB or MB (powers of 1000).
func perfBytesStr(n int) string {
	switch {
	case n < 10_000:
		return fmt.Sprintf("%s B", perfCount(n))
	case n < 1_000_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}

// perfNum formats a number without needless decimals.
func perfNum(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return perfCount(int(x))
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func perfDur(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.0f s", d.Seconds())
	}
	return fmt.Sprintf("%d min %02d s", int(d.Minutes()), int(d.Seconds())%60)
}

// perfRel makes path a link relative to docs/, where the report lives.
func perfRel(path string) string {
	if rel, err := filepath.Rel("docs", path); err == nil {
		return filepath.ToSlash(rel)
	}
	return path
}
