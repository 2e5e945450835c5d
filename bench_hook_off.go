//go:build !(chronikbench && wasm)

package main

import chronik "chronik/embed"

// benchHook does nothing: only builds with -tags chronikbench expose the
// browser benchmarks' window.chronikBench (see bench_hook.go).
func benchHook(*chronik.Bundle) {}
