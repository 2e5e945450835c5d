// Command corpus writes a synthetic German news chronicle of any size for
// scale tests and benchmarks: n article files and an _index.md that
// embed.LoadDir reads, so that "chronik static -articles DIR" or
// "make static ARTICLES=DIR" builds a widget from it. The words come from
// the seed articles (by default the embedded ones); see package
// chronik/embed/corpus for how the text is made.
//
//	go run ./embed/corpus/cmd/corpus -n 10000 -seed 1 -out .cache/corpus/10000
//
// The same -n and -seed always give byte-identical files. The output folder
// must be empty, new, or an earlier corpus, whose files are replaced.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"chronik/embed/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed; the same -n and -seed give the same files")
	out := flag.String("out", "", "output folder (default .cache/corpus/N)")
	articles := flag.String("articles", filepath.Join("embed", "articles"), "folder of seed articles whose words make the vocabulary")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "corpus: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	if *out == "" {
		*out = filepath.Join(".cache", "corpus", strconv.Itoa(*n))
	}
	if err := run(*n, *seed, *articles, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, articles, out string) error {
	start := time.Now()
	v, err := corpus.LoadVocabulary(os.DirFS(articles), ".")
	if err != nil {
		return fmt.Errorf("%w (run from the repository root, or set -articles)", err)
	}
	files, err := v.Generate(n, seed)
	if err != nil {
		return err
	}
	if err := corpus.WriteDir(out, files); err != nil {
		return err
	}
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	fmt.Fprintf(os.Stderr, "corpus: %d articles (seed %d, %d seed lemmas) in %s, %.1f MB, %v\n",
		n, seed, v.Lemmas(), out, float64(size)/1e6, time.Since(start).Round(time.Millisecond))
	return nil
}
