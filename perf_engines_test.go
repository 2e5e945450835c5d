//go:build !wasm && bench

// The other engines of the benchmark report: MiniSearch and Lunr (with
// lunr-languages' German), run in the same headless Chromium as Chronik and
// fed the same articles and queries. perf_test.go calls runEngines.
//
// The libraries are the pinned npm packages that make tools installs into
// the git-ignored .cache/npm; runEngines reads their browser builds from
// there and evaluates them in the page, so nothing comes from the network.
// The in-page side is testdata/engines/engines.js.

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/heapprofiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"chronik/embed/data"
)

// engineDoc is one article as the JS engines index it.
type engineDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kicker string `json:"kicker"`
	Body   string `json:"body"`
}

// engineResult is one engine's figures on one corpus.
type engineResult struct {
	Name        string    // with version and options, e.g. "MiniSearch 7.2.0 (prefix, fuzzy 0.2, AND)"
	BuildMS     float64   // index build time in the page, median of the runs
	IndexBytes  int       // JSON.stringify(index) bytes
	IndexBrotli int       // the same, brotli (github.com/andybalholm/brotli, in go.mod)
	BrotliQ     int       // its quality: 11, or 9 for JSON over engineBrotliMax
	P50, P95    float64   // query latency in ms over all queries (per-query medians)
	PerQuery    []float64 // median ms per query, in the order given; NaN where the query threw

	Builds     int        // how many builds BuildMS is the median of
	BuildsMS   []float64  // each build's time, in order
	HeapBytes  int64      // JS heap the index holds after a garbage collection (Runtime.getHeapUsage with it minus without it)
	Reps       []int      // per query, the answers each timed loop ran (1: timed one by one)
	Capped     int        // queries timed fewer than runs times (engineQueryBudget)
	Counts     []int      // per query, how many documents the engine found
	Hits       [][]string // per query, the IDs found, best first, at most engineHitCap
	Errors     int        // queries that threw; their PerQuery is NaN
	FirstError string     // the first such exception, with its query
}

const (
	// engineNPM is where make tools installs the pinned npm packages.
	engineNPM = ".cache/npm/node_modules"
	// engineChunk is the most JSON a single Runtime.evaluate carries, each
	// way: documents in, serialized indexes out.
	engineChunk = 4 << 20
	// engineHitCap bounds the IDs kept per query (engineResult.Hits).
	engineHitCap = 1000
	// engineLoopMS is how long a timed loop of fast answers runs at least.
	engineLoopMS = 5.0
	// engineLargeCorpus is the size from which an index is built only
	// min(runs, 3) times instead of runs times.
	engineLargeCorpus = 1000
	// engineQueryBudget bounds the time spent timing one query: no run
	// starts after it (the first always runs). Lunr's slowest answers at
	// 10,000 documents take seconds.
	engineQueryBudget = 3 * time.Second
	// engineBrotliMax is the largest index JSON compressed at brotli q11;
	// larger ones (Lunr's at 10,000 documents is hundreds of MB) at q9,
	// which takes a tenth of the time and compresses a few % less.
	engineBrotliMax = 16 << 20
)

// engineProgress, when set, hears what runEngines is doing (slow on
// 10,000 documents): for example t.Logf.
var engineProgress func(format string, args ...any)

func engineLogf(format string, args ...any) {
	if engineProgress != nil {
		engineProgress(format, args...)
	}
}

// engineScript is one browser build from .cache/npm.
type engineScript struct{ pkg, file string }

// engineScripts are evaluated in this order: lunr-languages needs lunr, and
// lunr.de needs lunr.stemmer.support.
var engineScripts = []engineScript{
	{"minisearch", "dist/umd/index.js"}, // MiniSearch ships no minified UMD build
	{"lunr", "lunr.min.js"},
	{"lunr-languages", "min/lunr.stemmer.support.min.js"},
	{"lunr-languages", "min/lunr.de.min.js"},
}

// engineVersion reads the version of an installed npm package.
func engineVersion(pkg string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(engineNPM, pkg, "package.json"))
	if err != nil {
		return "", fmt.Errorf("%w (run make tools)", err)
	}
	var p struct{ Version string }
	if err := json.Unmarshal(raw, &p); err != nil {
		return "", fmt.Errorf("%s/package.json: %w", pkg, err)
	}
	return p.Version, nil
}

// engineInstalled reports whether make tools has installed the engines.
func engineInstalled() error {
	for _, s := range engineScripts {
		if _, err := os.Stat(filepath.Join(engineNPM, s.pkg, s.file)); err != nil {
			return fmt.Errorf("%w (run make tools)", err)
		}
	}
	return nil
}

// runEngines loads MiniSearch and Lunr (with lunr-languages' German:
// lunr.stemmer.support + lunr.de) into the page ctx is on, indexes docs and
// times queries.
//
// Any page will do (about:blank too), whatever its CSP: nothing is fetched,
// everything goes through the DevTools protocol. The documents go into the
// page as JSON through Runtime.evaluate, in chunks of at most engineChunk
// (4 MB) each, so 10,000 articles of 500 words (~45 MB) take a dozen calls
// and, at the protocol's 2-8 MB/s, 10-25 s; the serialized indexes come
// back the same way, for their size and brotli. Afterwards the page keeps
// the libraries and window.__engines, but neither documents nor indexes.
//
// Each engine is built min(runs, 3) times for corpora of engineLargeCorpus
// documents or more and runs times for smaller ones, with a garbage
// collection before each build, and BuildMS is the median. The queries
// are then answered as a warm-up (all of them, again until that has taken
// 100 ms), then each once more (that answer gives Counts and Hits), then
// timed runs times, and PerQuery holds the median. Chromium's
// performance.now() has a resolution of 0.1 ms without cross-origin
// isolation, more than many answers take, so each timing is of a loop of
// Reps answers, divided: Reps grows from 1 until the fastest of 3 loops
// takes about engineLoopMS (5 ms), so fast answers are timed to 2-3%; an
// answer that takes 5 ms twice is timed alone (Reps 1). P50 and P95 are
// nearest-rank percentiles of PerQuery, errors left out.
//
// MiniSearch indexes title, kicker and body and searches them with boosts
// title 3 and kicker 1.5 (like Chronik), prefix: true, fuzzy: 0.2 and
// combineWith: 'AND' (Chronik ANDs terms); it neither stems nor drops stop
// words. Lunr indexes the same fields with boosts 3 and 1.5 and lunr.de
// (trimmer, German stop words and stemmer). A query becomes, through the
// query API rather than lunr's query-string parser (which throws on ":" or
// "~" in user input), the terms lunr.tokenizer and lunr.de's trimmer, stop
// word filter and stemmer make of it, each required; the last one gets a
// trailing wildcard, the others edit distance 1 if they have 4 letters or
// more. Lunr cannot give one term both (with an edit distance a "*" is a
// literal character), so the last term is matched by prefix only. A query
// of stop words only has no terms left, and lunr then finds every document.
//
// On 10,000 synthetic articles of 500 words (TestEnginesSynthetic, on a
// busy 2-core machine) it took 25 minutes: builds of 20-28 s (MiniSearch)
// and 28-75 s (Lunr), Lunr's answers 1-9 s each (a trailing wildcard that
// expands to many terms is its slow case), index JSON of 42 MB and 94 MB,
// brotli q11 of both 8.5 minutes; the page's JS heap held 178 MB and
// 547 MB for the indexes, its renderer peaked at about 1.3 GB, the Go
// process at 0.7 GB.
func runEngines(ctx context.Context, docs []engineDoc, queries []string, runs int) ([]engineResult, error) {
	if runs < 1 {
		runs = 1
	}
	builds := runs
	if len(docs) >= engineLargeCorpus {
		builds = min(runs, 3)
	}
	versions := map[string]string{}
	for _, pkg := range []string{"minisearch", "lunr", "lunr-languages"} {
		v, err := engineVersion(pkg)
		if err != nil {
			return nil, err
		}
		versions[pkg] = v
	}
	harness, err := os.ReadFile(filepath.Join("testdata", "engines", "engines.js"))
	if err != nil {
		return nil, err
	}
	for _, s := range engineScripts {
		src, err := os.ReadFile(filepath.Join(engineNPM, s.pkg, s.file))
		if err != nil {
			return nil, fmt.Errorf("%w (run make tools)", err)
		}
		// UMD builds attach to this (window) when there is no define or
		// module; void 0 keeps the script's value from being serialized.
		if err := chromedp.Run(ctx, chromedp.Evaluate(string(src)+"\n;void 0", nil)); err != nil {
			return nil, fmt.Errorf("load %s/%s: %w", s.pkg, s.file, err)
		}
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(string(harness), nil)); err != nil {
		return nil, fmt.Errorf("load engines.js: %w", err)
	}

	start := time.Now()
	n, err := engineSendDocs(ctx, docs)
	if err != nil {
		return nil, err
	}
	if n != len(docs) {
		return nil, fmt.Errorf("the page has %d documents, sent %d", n, len(docs))
	}
	engineLogf("engines: %d documents in the page in %v", n, time.Since(start).Round(time.Millisecond))

	engines := []struct{ key, name string }{
		{"minisearch", fmt.Sprintf("MiniSearch %s (prefix, fuzzy 0.2, AND)", versions["minisearch"])},
		{"lunr", fmt.Sprintf("Lunr %s + lunr-languages %s de (AND, last term*, others ~1 from 4 letters)", versions["lunr"], versions["lunr-languages"])},
	}
	results := make([]engineResult, len(engines))
	jsons := make([][]byte, len(engines))
	for i, e := range engines {
		r := &results[i]
		r.Name, r.Builds = e.name, builds
		for b := 0; b < builds; b++ {
			if err := engineGC(ctx); err != nil {
				return nil, err
			}
			start := time.Now()
			var ms float64
			if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("window.__engines.build(%q)", e.key), &ms)); err != nil {
				return nil, fmt.Errorf("%s: build: %w", e.name, err)
			}
			r.BuildsMS = append(r.BuildsMS, ms)
			engineLogf("engines: %s: build %d/%d %.0f ms (%v with the round trip)", e.key, b+1, builds, ms, time.Since(start).Round(time.Millisecond))
		}
		r.BuildMS = engineMedian(r.BuildsMS)
		withIndex, err := engineHeap(ctx)
		if err != nil {
			return nil, err
		}

		start := time.Now()
		qsjs, err := json.Marshal(queries)
		if err != nil {
			return nil, err
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("window.__engines.warm(%s)", qsjs), nil)); err != nil {
			return nil, fmt.Errorf("%s: warm-up: %w", e.name, err)
		}
		for _, q := range queries {
			var t struct {
				MS    float64  `json:"ms"`
				Reps  int      `json:"reps"`
				Runs  int      `json:"runs"`
				Count int      `json:"count"`
				IDs   []string `json:"ids"`
				Error string   `json:"error"`
			}
			qjs, _ := json.Marshal(q)
			expr := fmt.Sprintf("window.__engines.time(%s, %d, %d, %g, %d)", qjs, runs, engineHitCap, engineLoopMS, engineQueryBudget.Milliseconds())
			if err := chromedp.Run(ctx, chromedp.Evaluate(expr, &t)); err != nil {
				return nil, fmt.Errorf("%s: query %q: %w", e.name, q, err)
			}
			ms := t.MS
			if t.Error != "" {
				ms = math.NaN()
				if r.Errors == 0 {
					r.FirstError = fmt.Sprintf("%q: %s", q, t.Error)
				}
				r.Errors++
			}
			r.PerQuery = append(r.PerQuery, ms)
			r.Reps = append(r.Reps, t.Reps)
			if t.Error == "" && t.Runs < runs {
				r.Capped++
			}
			r.Counts = append(r.Counts, t.Count)
			r.Hits = append(r.Hits, t.IDs)
		}
		r.P50, r.P95 = enginePercentile(r.PerQuery, 50), enginePercentile(r.PerQuery, 95)
		engineLogf("engines: %s: %d queries × %d runs in %v", e.key, len(queries), runs, time.Since(start).Round(time.Millisecond))

		start = time.Now()
		var stringifyMS float64
		jsons[i], stringifyMS, err = engineFetchIndex(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.name, err)
		}
		r.IndexBytes = len(jsons[i])
		engineLogf("engines: %s: index JSON of %d bytes made in %.0f ms and fetched in %v", e.key, r.IndexBytes, stringifyMS, time.Since(start).Round(time.Millisecond))
		if err := chromedp.Run(ctx, chromedp.Evaluate("window.__engines.drop()", nil)); err != nil {
			return nil, err
		}
		without, err := engineHeap(ctx)
		if err != nil {
			return nil, err
		}
		r.HeapBytes = withIndex - without
	}

	if err := chromedp.Run(ctx, chromedp.Evaluate("window.__engines.docs = []", nil)); err != nil {
		return nil, err
	}

	// Brotli after the browser work, so that it does not compete with the
	// page for the CPU; the engines' indexes side by side.
	start = time.Now()
	errs := make(chan error, len(engines))
	for i := range engines {
		go func() {
			var err error
			results[i].IndexBrotli, results[i].BrotliQ, err = engineBrotliSize(ctx, jsons[i])
			errs <- err
		}()
	}
	var berr error
	for range engines {
		if e := <-errs; e != nil && berr == nil {
			berr = e
		}
	}
	if berr != nil {
		return nil, fmt.Errorf("brotli: %w", berr)
	}
	engineLogf("engines: brotli of the indexes in %v", time.Since(start).Round(time.Millisecond))
	return results, nil
}

// engineSendDocs appends docs to window.__engines.docs, engineChunk bytes of
// JSON at a time, and returns how many documents the page then holds.
func engineSendDocs(ctx context.Context, docs []engineDoc) (int, error) {
	if err := chromedp.Run(ctx, chromedp.Evaluate("window.__engines.docs = []", nil)); err != nil {
		return 0, err
	}
	var n int
	var buf bytes.Buffer
	flush := func() error {
		if buf.Len() == 0 {
			return nil
		}
		buf.WriteByte(']')
		// As a string for JSON.parse, which V8 reads faster than the same
		// text as an array literal. json.Marshal escapes U+2028 and U+2029,
		// so the string literal is JavaScript too.
		lit, err := json.Marshal(buf.String())
		if err != nil {
			return err
		}
		buf.Reset()
		return chromedp.Run(ctx, chromedp.Evaluate("window.__engines.addDocs(JSON.parse("+string(lit)+"))", &n))
	}
	for _, d := range docs {
		raw, err := json.Marshal(d)
		if err != nil {
			return 0, err
		}
		if buf.Len() > 0 && buf.Len()+len(raw) > engineChunk {
			if err := flush(); err != nil {
				return 0, fmt.Errorf("send documents: %w", err)
			}
		}
		if buf.Len() == 0 {
			buf.WriteByte('[')
		} else {
			buf.WriteByte(',')
		}
		buf.Write(raw)
	}
	if err := flush(); err != nil {
		return 0, fmt.Errorf("send documents: %w", err)
	}
	return n, nil
}

// engineFetchIndex serializes the page's current index and brings the JSON
// over in pieces of at most engineChunk UTF-16 code units.
// It also returns how long JSON.stringify took in the page, ms.
func engineFetchIndex(ctx context.Context) ([]byte, float64, error) {
	var st struct {
		Length int     `json:"length"`
		MS     float64 `json:"ms"`
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate("window.__engines.stringify()", &st)); err != nil {
		return nil, 0, fmt.Errorf("stringify: %w", err)
	}
	total := st.Length
	out := make([]byte, 0, total+total/8)
	for from := 0; from < total; {
		var piece struct {
			S  string `json:"s"`
			To int    `json:"to"`
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf("window.__engines.slice(%d, %d)", from, engineChunk), &piece)); err != nil {
			return nil, 0, fmt.Errorf("fetch index JSON: %w", err)
		}
		if piece.To <= from {
			return nil, 0, fmt.Errorf("fetch index JSON: stuck at %d of %d", from, total)
		}
		out = append(out, piece.S...)
		from = piece.To
	}
	if !utf8.Valid(out) {
		return nil, 0, fmt.Errorf("index JSON is not valid UTF-8")
	}
	return out, st.MS, nil
}

// engineGC runs a full garbage collection in the page.
func engineGC(ctx context.Context) error {
	return chromedp.Run(ctx, heapprofiler.CollectGarbage())
}

// engineHeap returns the page's used JS heap after a garbage collection.
func engineHeap(ctx context.Context) (int64, error) {
	if err := engineGC(ctx); err != nil {
		return 0, err
	}
	var used float64
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		used, _, _, _, err = cdpruntime.GetHeapUsage().Do(ctx)
		return err
	}))
	return int64(used), err
}

// engineBrotliSize returns the size of b compressed with brotli, and the
// quality: 11, or 9 above engineBrotliMax. It writes a MB at a time and
// gives up when ctx ends.
func engineBrotliSize(ctx context.Context, b []byte) (int, int, error) {
	q := brotli.BestCompression
	if len(b) > engineBrotliMax {
		q = 9
	}
	size, err := engineBrotli(ctx, b, q)
	return size, q, err
}

func engineBrotli(ctx context.Context, b []byte, quality int) (int, error) {
	var n engineCounter
	w := brotli.NewWriterLevel(&n, quality)
	for len(b) > 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		k := min(len(b), 1<<20)
		if _, err := w.Write(b[:k]); err != nil {
			return 0, err
		}
		b = b[k:]
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int(n), nil
}

// engineCounter is an io.Writer that only counts.
type engineCounter int

func (c *engineCounter) Write(p []byte) (int, error) {
	*c += engineCounter(len(p))
	return len(p), nil
}

func engineMedian(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// enginePercentile is the nearest-rank p-th percentile of xs, NaNs left out.
func enginePercentile(xs []float64, p float64) float64 {
	s := slices.DeleteFunc(slices.Clone(xs), math.IsNaN)
	if len(s) == 0 {
		return math.NaN()
	}
	slices.Sort(s)
	k := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(k, 1), len(s))-1]
}

// engineDocsOf turns the default articles into engine documents.
func engineDocsOf(t *testing.T) []engineDoc {
	t.Helper()
	b, err := data.Load()
	require.NoError(t, err)
	var docs []engineDoc
	for _, a := range b.Chronicle.Articles {
		docs = append(docs, engineDoc{ID: a.ID, Title: a.Title, Kicker: a.Kicker, Body: a.Body})
	}
	return docs
}

// engineSyntheticDocs makes n documents of about words words each from the
// paragraphs of base, shuffled, with one word in six replaced by a variant
// (a compound of two of the corpus's words, an inflected form, or a made-up
// word), so that the vocabulary keeps growing with the corpus as a real
// one's does. The same seed gives the same documents.
func engineSyntheticDocs(base []engineDoc, n, words int, seed uint64) []engineDoc {
	rng := rand.New(rand.NewPCG(seed, 0x636872))
	var paras, titles, kickers []string
	var vocab []string
	seen := map[string]bool{}
	wordRE := regexp.MustCompile(`\p{L}{3,}`)
	for _, d := range base {
		titles = append(titles, d.Title)
		if d.Kicker != "" {
			kickers = append(kickers, d.Kicker)
		}
		for _, p := range strings.Split(d.Body, "\n\n") {
			if !strings.HasPrefix(p, "## ") {
				paras = append(paras, p)
			}
		}
		for _, w := range wordRE.FindAllString(d.Title+" "+d.Body, -1) {
			if l := strings.ToLower(w); !seen[l] {
				seen[l] = true
				vocab = append(vocab, l)
			}
		}
	}
	syllables := []string{"ka", "ber", "lin", "tor", "sen", "mar", "ko", "ni", "stadt", "wer", "ge", "rich", "tu", "ban", "del", "fu", "mo", "ra", "schu", "len"}
	endings := []string{"en", "er", "ung", "ungen", "s", "t", "te", "ern", "lich", "heit"}
	variant := func() string {
		switch rng.IntN(3) {
		case 0: // a compound
			a, b := vocab[rng.IntN(len(vocab))], vocab[rng.IntN(len(vocab))]
			return engineCapital(a) + b
		case 1: // an inflection
			return vocab[rng.IntN(len(vocab))] + endings[rng.IntN(len(endings))]
		default: // a made-up name
			var s strings.Builder
			for k := 2 + rng.IntN(3); k > 0; k-- {
				s.WriteString(syllables[rng.IntN(len(syllables))])
			}
			return engineCapital(s.String())
		}
	}
	vary := func(text string) string {
		f := strings.Fields(text)
		for i := range f {
			if rng.IntN(6) == 0 {
				f[i] = variant()
			}
		}
		return strings.Join(f, " ")
	}
	docs := make([]engineDoc, n)
	for i := range docs {
		var body []string
		for count := 0; count < words; {
			p := vary(paras[rng.IntN(len(paras))])
			body = append(body, p)
			count += len(strings.Fields(p))
		}
		docs[i] = engineDoc{
			ID:     fmt.Sprintf("syn-%05d", i),
			Title:  vary(titles[rng.IntN(len(titles))]),
			Kicker: vary(kickers[rng.IntN(len(kickers))]),
			Body:   strings.Join(body, "\n\n"),
		}
	}
	return docs
}

func engineCapital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// engineQueries are the smoke test's queries: names, German words and
// inflections, a typo, a half-typed word, several terms, punctuation that
// lunr's query-string parser would choke on, and stop words.
var engineQueries = []string{
	"Oracle",
	"TikTok",
	"Microsoft Übernahme",
	"Datenschutz",
	"Trump",
	"Gespräche",
	"Oracel",
	"Verhandl",
	"US-Geschäft",
	"Oracle: Partner~",
	"die der das",
}

// engineContaining returns the IDs of the documents whose title, kicker or
// body contains word, ignoring case.
func engineContaining(docs []engineDoc, word string) []string {
	var ids []string
	word = strings.ToLower(word)
	for _, d := range docs {
		if strings.Contains(strings.ToLower(d.Title+"\n"+d.Kicker+"\n"+d.Body), word) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// engineTable formats results for the log.
func engineTable(results []engineResult, queries []string) string {
	var s strings.Builder
	for _, r := range results {
		fmt.Fprintf(&s, "\n%s\n  build %.1f ms (median of %d: %.1f), index %d B JSON, %d B brotli, heap %.1f MB, p50 %.3f ms, p95 %.3f ms, errors %d %s\n",
			r.Name, r.BuildMS, r.Builds, r.BuildsMS, r.IndexBytes, r.IndexBrotli, float64(r.HeapBytes)/1e6, r.P50, r.P95, r.Errors, r.FirstError)
		for i, q := range queries {
			hits := r.Hits[i]
			if len(hits) > 5 {
				hits = append(slices.Clone(hits[:5]), "…")
			}
			fmt.Fprintf(&s, "  %-22q %8.4f ms ×%-6d %5d found %v\n", q, r.PerQuery[i], r.Reps[i], r.Counts[i], hits)
		}
	}
	return s.String()
}

// enginePage serves an empty page from a temporary folder and opens it.
func enginePage(t *testing.T, ctx context.Context) {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"),
		[]byte("<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>Engines</title><body></body></html>\n"), 0o644))
	require.NoError(t, chromedp.Run(ctx, chromedp.Navigate(serveDir(t, dir)+"/index.html")))
}

// TestEnginesSmoke runs runEngines on the five default articles and checks
// that each engine finds "Oracle" in exactly the articles that contain it.
func TestEnginesSmoke(t *testing.T) {
	if err := engineInstalled(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	ctx := browser(t)
	enginePage(t, ctx)
	docs := engineDocsOf(t)
	results, err := runEngines(ctx, docs, engineQueries, 7)
	require.NoError(t, err)
	require.Len(t, results, 2)
	t.Log(engineTable(results, engineQueries))

	want := engineContaining(docs, "oracle")
	require.NotEmpty(t, want)
	for _, r := range results {
		require.Len(t, r.PerQuery, len(engineQueries), r.Name)
		require.Zero(t, r.Errors, "%s: %s", r.Name, r.FirstError)
		got := slices.Clone(r.Hits[0])
		slices.Sort(got)
		require.Equal(t, want, got, "%s: the articles found for Oracle", r.Name)
		require.Positive(t, r.BuildMS, r.Name)
		require.Positive(t, r.IndexBytes, r.Name)
		require.Positive(t, r.IndexBrotli, r.Name)
		require.Less(t, r.IndexBrotli, r.IndexBytes, r.Name)
		require.False(t, math.IsNaN(r.P50) || math.IsNaN(r.P95), r.Name)
		require.LessOrEqual(t, r.P50, r.P95, r.Name)
	}
}

// TestEnginesSynthetic runs runEngines on CHRONIK_ENGINE_DOCS synthetic
// documents of 500 words (for example 1000 or 10000) and logs the times,
// sizes and memory; without the variable it skips. 10,000 documents take
// 10-15 minutes, more than browser(t) allows: its Chromium is killed when
// its 3-minute context ends (chromedp starts the browser process with the
// context of the first Run), so this test starts its own, with a deadline
// of CHRONIK_ENGINE_TIMEOUT (default 30m).
func TestEnginesSynthetic(t *testing.T) {
	var n int
	if _, err := fmt.Sscan(os.Getenv("CHRONIK_ENGINE_DOCS"), &n); err != nil || n <= 0 {
		t.Skip("set CHRONIK_ENGINE_DOCS to a number of documents")
	}
	if err := engineInstalled(); err != nil {
		t.Skip(err)
	}
	timeout := 30 * time.Minute
	if s := os.Getenv("CHRONIK_ENGINE_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		require.NoError(t, err)
		timeout = d
	}
	ctx := engineBrowser(t, timeout)
	enginePage(t, ctx)

	start := time.Now()
	docs := engineSyntheticDocs(engineDocsOf(t), n, 500, 1)
	var size, words int
	for _, d := range docs {
		size += len(d.Title) + len(d.Kicker) + len(d.Body)
		words += len(strings.Fields(d.Body))
	}
	t.Logf("%d synthetic documents, %d words, %.1f MB of text, made in %v", n, words, float64(size)/1e6, time.Since(start).Round(time.Millisecond))

	engineProgress = t.Logf
	t.Cleanup(func() { engineProgress = nil })
	start = time.Now()
	results, err := runEngines(ctx, docs, engineQueries, 5)
	require.NoError(t, err)
	t.Logf("runEngines took %v", time.Since(start).Round(time.Millisecond))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("Go: %.0f MB heap in use, %.0f MB from the OS", float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6)
	t.Log(engineTable(results, engineQueries))
	for _, r := range results {
		require.Zero(t, r.Errors, "%s: %s", r.Name, r.FirstError)
		require.Positive(t, r.IndexBrotli, r.Name)
	}
}

// engineBrowser is browser(t) with a deadline of timeout instead of 3
// minutes, for the browser process too.
func engineBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	exe := chromium(t)
	profile, err := os.MkdirTemp("", "chronik-chromium")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancel3)
	require.NoError(t, chromedp.Run(ctx)) // start the browser
	return ctx
}
