// Package data holds the chronicle and search index that the generator
// (go generate ./embed) built from the article folder at build time. The WASM
// decodes them at start-up and never analyses text then.
//
// It is a package of its own so that the generator, which writes these
// files, does not depend on them.
package data

import (
	_ "embed" // the generated files

	"chronik/embed"
)

var (
	//go:embed chronicle.bin
	chronicleBin string
	//go:embed index.bin
	indexBin []byte
)

// Load decodes the embedded chronicle and its index.
func Load() (*embed.Bundle, error) {
	return embed.Decode(chronicleBin, indexBin)
}
