//go:build wasm

package main

import (
	"syscall/js"
	"time"

	chronik "chronik/embed"
)

// timedLoad runs f, the decoding of the embedded chronicle and index, and
// records it as the performance measure "chronik-decode", whose start is
// when the WASM began to run and whose duration is the decoding: make
// bench reads both from the page.
func timedLoad(f func() (*chronik.Bundle, error)) (*chronik.Bundle, error) {
	perf := js.Global().Get("performance")
	start := perf.Call("now").Float()
	began := time.Now()
	b, err := f()
	opts := js.Global().Get("Object").New()
	opts.Set("start", start)
	opts.Set("duration", float64(time.Since(began).Microseconds())/1e3)
	perf.Call("measure", "chronik-decode", opts)
	return b, err
}
