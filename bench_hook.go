//go:build chronikbench && wasm

package main

import (
	"runtime"
	"syscall/js"
	"time"

	"chronik/app"
	chronik "chronik/embed"
	"chronik/search"
)

// benchHook exposes window.chronikBench to the browser benchmarks (make
// bench), in builds with -tags chronikbench only; production builds have
// the empty benchHook of bench_hook_off.go.
//
//	chronikBench.search(q, reps, shown)
//	                              runs the timeline's search for q reps
//	                              times, highlighting the first shown
//	                              hits, and returns the mean ms per run,
//	                              measured with Go's clock (coarsened to
//	                              about 0.1 ms in the browser, hence reps)
//	chronikBench.heap()           runs the GC and returns
//	                              {heapAlloc, sys} in bytes
func benchHook(b *chronik.Bundle) {
	bench := js.Global().Get("Object").New()
	bench.Set("search", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 1 {
			return js.Undefined()
		}
		q, reps, shown := args[0].String(), 1, 0
		if len(args) > 1 && args[1].Int() > 1 {
			reps = args[1].Int()
		}
		if len(args) > 2 && args[2].Int() > 0 {
			shown = args[2].Int()
		}
		start := time.Now()
		for range reps {
			uiSearch(b, q, shown)
		}
		return float64(time.Since(start).Nanoseconds()) / 1e6 / float64(reps)
	}))
	bench.Set("heap", js.FuncOf(func(this js.Value, args []js.Value) any {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{"heapAlloc": float64(m.HeapAlloc), "sys": float64(m.Sys)}
	}))
	js.Global().Set("chronikBench", bench)
}

// uiSearch runs the search the timeline runs for a query, with its
// options: all hits ranked for the counts and the order, and the first
// shown highlighted, as the cards on screen are (app.PageSize at first).
func uiSearch(b *chronik.Bundle, q string, shown int) search.Result {
	r := b.Index.SearchOptions(q, b.Docs, app.SearchOptions())
	for i := range min(shown, len(r.Hits)) {
		r.Highlight(i)
	}
	return r
}
