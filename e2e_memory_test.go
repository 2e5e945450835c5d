//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memoryProbe runs in the page before its own scripts and keeps the Go
// instance that wasm_exec.js defines and go-app runs, and its WebAssembly
// instance, which the page does not expose.
const memoryProbe = `(() => {
  let G;
  Object.defineProperty(globalThis, "Go", {
    configurable: true,
    get() { return G; },
    set(v) {
      const run = v.prototype.run;
      v.prototype.run = function (instance) {
        window.__go = this;
        window.__wasmInstance = instance;
        return run.call(this, instance);
      };
      G = v;
    },
  });
})();`

// memoryQueries are typed letter by letter, each followed by clearing the
// field: a cycle of some 200 keystrokes through the kinds of query readers
// type (words, prefixes, a typo, a phrase, an exclusion, no match).
var memoryQueries = []string{
	"Oracle", "Uebernahme", "Microsoft -Oracle", "Mircosoft", `"trusted tech partner"`,
	"Tiktok Trump", "Zebrastreifen", "Daten", "Präsident Singapur", "Ellison",
}

// memoryTypeJS types total keystrokes (see memoryQueries), as input events
// in batches of 20 with an animation frame after each batch, and ends
// with the field cleared, so that every measurement sees the same page.
const memoryTypeJS = `(async (queries, total) => {
  const input = document.getElementById("chronik-q");
  const key = v => { input.value = v; input.dispatchEvent(new Event("input", {bubbles: true})); };
  let n = 0, qi = 0, ci = 0;
  while (n < total) {
    for (let b = 0; b < 20 && n < total; b++, n++) {
      const q = queries[qi %% queries.length];
      ci++;
      if (ci > q.length) { ci = 0; qi++; }
      key(q.slice(0, ci));
    }
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  key("");
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
  return n;
})(%s, %d)`

// memoryUse is what the page holds.
type memoryUse struct {
	Heap   float64 // bytes of the live Go heap after a collection (HeapAlloc)
	Linear float64 // bytes of the WASM's linear memory, which only grows
	Values float64 // JS values Go holds references to (go._values in use)
	JSHeap float64 // bytes of Chromium's JS heap in use after a collection
}

func (m memoryUse) String() string {
	return fmt.Sprintf("Go heap %.2f MB, linear memory %.2f MB, %d JS values held by Go, JS heap %.2f MB", m.Heap/1e6, m.Linear/1e6, int(m.Values), m.JSHeap/1e6)
}

// memorySnapshotJS collects Go's garbage twice (chronikBench.heap runs
// runtime.GC), the second time after Go's finalizers have released the JS
// values of the first, then reads the page's memory.
const memorySnapshotJS = `(async () => {
  const pause = () => new Promise(r => setTimeout(r, 100));
  chronikBench.heap();
  await pause();
  const h = chronikBench.heap();
  await pause();
  return {
    heap: h.heapAlloc,
    linear: window.__wasmInstance.exports.mem.buffer.byteLength,
    values: window.__go._values.length - window.__go._idPool.length,
  };
})()`

// measureMemory collects Go's and the JS garbage and reads the page's
// memory.
func measureMemory(ctx context.Context) (memoryUse, error) {
	var m memoryUse
	err := chromedp.Run(ctx,
		chromedp.Evaluate(memorySnapshotJS, &m, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		heapprofiler.CollectGarbage(),
	)
	if err != nil {
		return m, err
	}
	return m, chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		m.JSHeap, _, _, _, err = runtime.GetHeapUsage().Do(ctx)
		return err
	}))
}

var benchSite struct {
	once sync.Once
	dir  string
	err  error
}

// benchStaticSite builds, once per test binary, the static site of the
// embedded articles with an app.wasm built with -tags chronikbench: the
// production app plus window.chronikBench (bench_hook.go), whose heap()
// runs Go's garbage collector, which nothing else can from outside.
func benchStaticSite(t *testing.T) string {
	t.Helper()
	b, _ := staticSite(t)
	benchSite.once.Do(func() {
		tmp, err := os.MkdirTemp("", "chronik-e2e-bench")
		if err != nil {
			benchSite.err = err
			return
		}
		wasm := filepath.Join(tmp, "app.wasm")
		cmd := exec.Command("go", "build", "-tags", "chronikbench", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			benchSite.err = fmt.Errorf("build %s: %w\n%s", wasm, err, out)
			return
		}
		benchSite.dir = filepath.Join(tmp, "site")
		benchSite.err = writeStatic(b, benchSite.dir, "", wasm)
	})
	require.NoError(t, benchSite.err)
	return benchSite.dir
}

// Typing must not make the widget hold more and more memory: a leak of
// a hundred bytes a keystroke in the Go heap, or of a JS value or a
// listener, would show as growth between 1,000 and 3,000 keystrokes. The
// snapshots are taken after Go's garbage collection (the -tags
// chronikbench build can trigger it), so they compare what is live, not
// when the collector last ran. The first 1,000 keystrokes warm up: the
// live heap grows by some 150 kB over the first few hundred (the index's
// caches of query words) and then stays flat, to 8,000 keystrokes and
// beyond.
func TestE2EMemoryStaysBoundedWhileTyping(t *testing.T) {
	dir := benchStaticSite(t)
	origin := serveDir(t, dir)
	ctx := browser(t)
	require.NoError(t, chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(memoryProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(origin+"/"),
	))
	require.NoError(t, waitReady(ctx))
	var ok bool
	require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(`!!(window.__go && window.__wasmInstance && window.__wasmInstance.exports.mem && window.chronikBench)`, &ok)))
	require.True(t, ok, "the probe did not catch the Go instance, or this is not a chronikbench build: did wasm_exec.js or app.js change?")

	queries, err := json.Marshal(memoryQueries)
	require.NoError(t, err)
	typeKeys := func(n int) {
		var typed int
		require.NoError(t, chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(memoryTypeJS, string(queries), n), &typed, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		})))
		require.Equal(t, n, typed)
	}
	start := time.Now()
	typeKeys(1000)
	before, err := measureMemory(ctx)
	require.NoError(t, err)
	typeKeys(2000)
	after, err := measureMemory(ctx)
	require.NoError(t, err)
	t.Logf("after 1,000 keystrokes: %v", before)
	t.Logf("after 3,000 keystrokes: %v (%v)", after, time.Since(start).Round(time.Millisecond))

	// A leak of 100 bytes or of one JS value a keystroke would add 200 kB
	// or 2,000 values. The linear memory grows in steps of the runtime's
	// arenas, so it gets a megabyte of slack.
	for _, c := range []struct {
		what          string
		before, after float64
		slack         float64
	}{
		{"the live Go heap", before.Heap, after.Heap, 64 << 10},
		{"the WASM's linear memory", before.Linear, after.Linear, 1 << 20},
		{"the JS heap", before.JSHeap, after.JSHeap, 0},
		{"the JS values Go holds", before.Values, after.Values, 20},
	} {
		assert.LessOrEqual(t, c.after, c.before*1.10+c.slack,
			"%s grew by %.1f %% from 1,000 to 3,000 keystrokes (at most 10 %%)", c.what, 100*(c.after-c.before)/c.before)
	}
}
