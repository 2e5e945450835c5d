// Command relevance evaluates Chronik's search on the shipped articles with
// the judged queries of chronik/search/relevance, and prints a table that
// compares the full configuration with the baseline (stemming and prefix
// matching only), per kind of query and overall, followed by the queries
// that fail under each configuration.
//
// Usage:
//
//	go run ./search/relevance/cmd/relevance [-queries file.json] [-strict]
//
// With -strict it exits with status 1 if a query fails under the full
// configuration.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"chronik/embed/data"
	"chronik/search/relevance"
)

func main() {
	queries := flag.String("queries", "", "judged queries `file`, in the format of queries.json (default: the embedded suite)")
	strict := flag.Bool("strict", false, "exit with status 1 if a query fails under the full configuration")
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *queries, *strict); err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

// run evaluates the suite in file, or the embedded one if file is empty,
// and writes the report to w.
func run(w io.Writer, file string, strict bool) error {
	suite, err := loadSuite(file)
	if err != nil {
		return err
	}
	b, err := data.Load()
	if err != nil {
		return err
	}
	full, err := relevance.RunConfig(suite, b, relevance.Full())
	if err != nil {
		return err
	}
	base, err := relevance.RunConfig(suite, b, relevance.Baseline())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Relevance of %d judged queries on %d articles: %s vs %s (Δ = %[3]s − %[4]s)\n\n",
		len(suite.Queries), len(b.Chronicle.Articles), full.Name, base.Name)
	if err := relevance.WriteComparison(w, full, base); err != nil {
		return err
	}
	for _, r := range []*relevance.Report{full, base} {
		fmt.Fprintln(w)
		if err := relevance.WriteFailures(w, r); err != nil {
			return err
		}
	}
	if strict && len(full.Failures()) > 0 {
		return errors.New("queries fail under the full configuration")
	}
	return nil
}

// loadSuite reads the suite in file, or the embedded one if file is empty.
func loadSuite(file string) (*relevance.Suite, error) {
	if file == "" {
		return relevance.Default()
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return relevance.Parse(raw)
}
