//go:build !wasm

package main

import chronik "chronik/embed"

// timedLoad runs f; in the browser it also records how long f took (see
// measure_wasm.go).
func timedLoad(f func() (*chronik.Bundle, error)) (*chronik.Bundle, error) { return f() }
