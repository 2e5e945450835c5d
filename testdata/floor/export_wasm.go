//go:build wasm

package main

// export is native only: in the browser, main never gets this far.
func export() {}
