//go:build wasm

package main

import "chronik/embed"

// command is never reached in the browser, where RunWhenOnBrowser does not
// return; the commands and the server are left out of app.wasm.
func command(*embed.Bundle, []string) int { return 0 }
