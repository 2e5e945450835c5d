// Command gen parses a folder of article files, builds the search index and
// writes the two files that package embed compiles into the binary. It runs at
// build time through go generate, so that the WASM does no text analysis when
// it starts. A malformed article fails the build with file:line and a reason.
//
// The folder is the -articles flag, or the CHRONIK_ARTICLES environment
// variable when set, so that a developer can point the build at their own
// articles: CHRONIK_ARTICLES=/path/to/articles go generate ./embed
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"chronik/embed"
)

func main() {
	articles := flag.String("articles", "articles", "folder of article files (overridden by $CHRONIK_ARTICLES)")
	out := flag.String("out", "data", "output folder")
	flag.Parse()
	if dir := os.Getenv("CHRONIK_ARTICLES"); dir != "" {
		*articles = dir
	}
	if err := run(*articles, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	c, err := embed.LoadDir(os.DirFS(dir), ".")
	if err != nil {
		return fmt.Errorf("articles in %s:\n%w", dir, prefix(dir, err))
	}
	chronicle, index, err := embed.Encode(c)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{"chronicle.bin": chronicle, "index.bin": index} {
		if err := writeIfChanged(filepath.Join(out, name), data); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen: %d articles from %s, index %d bytes\n", len(c.Articles), dir, len(index))
	return nil
}

// prefix makes the file names in LoadDir's errors relative to the working
// directory, so that editors and terminals can jump to file:line.
func prefix(dir string, err error) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var fe *embed.Error
		if errors.As(e, &fe) {
			fe.File = filepath.Join(dir, fe.File)
		}
	}
	return err
}

// writeIfChanged leaves an identical file untouched, so that a regenerate
// without changes does not dirty the tree or bust build caches.
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
