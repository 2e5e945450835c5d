//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"chronik/app"
	"chronik/embed"
	"chronik/search"
)

// command runs the command line and returns the exit code.
func command(b *embed.Bundle, args []string) int {
	err := dispatch(b, args, os.Stdout)
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "chronik:", err)
		return 2
	}
	fmt.Fprintln(os.Stderr, "chronik:", err)
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func dispatch(b *embed.Bundle, args []string, out io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "static":
			return staticCmd(b, args[1:])
		case "search":
			return searchCmd(b, args[1:], out)
		case "articles":
			return articlesCmd(b, args[1:], out)
		case "serve":
			args = args[1:]
		}
	}
	return serveCmd(b, args)
}

func serveCmd(b *embed.Bundle, args []string) error {
	fs := flag.NewFlagSet("chronik", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	wasm := fs.String("wasm", "web/app.wasm", "path of app.wasm, built if missing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unknown command %q (want static, search or articles)", fs.Arg(0))}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return serve(ctx, b, *addr, *wasm)
}

func staticCmd(b *embed.Bundle, args []string) error {
	fs := flag.NewFlagSet("chronik static", flag.ContinueOnError)
	base := fs.String("base", "", "sub-path the site is served under, such as /chronik")
	wasm := fs.String("wasm", "", "path of a built app.wasm (default: build one now)")
	articles := fs.String("articles", "", "folder of articles to build the widget from, instead of the embedded ones")
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: chronik static [-base /path] [-wasm app.wasm | -articles FOLDER] DIR"}
	}
	if *articles != "" {
		if *wasm != "" {
			return usageError{"-articles builds its own app.wasm: leave out -wasm"}
		}
		return writeStaticArticles(*articles, fs.Arg(0), *base)
	}
	return writeStatic(b, fs.Arg(0), *base, *wasm)
}

// Hit is one search result as the search command prints it with -json.
type Hit struct {
	ID         string        `json:"id"`
	Date       string        `json:"date"`
	Title      string        `json:"title"`
	Score      float64       `json:"score"`
	Snippet    string        `json:"snippet"`
	Highlights []search.Span `json:"highlights"` // byte ranges in Snippet
}

// Results is what the search command prints with -json.
type Results struct {
	Query       string   `json:"query"`
	Total       int      `json:"total"`
	Hits        []Hit    `json:"hits"`
	Suggestions []string `json:"suggestions"` // "Meinten Sie …?", when nothing or only typos matched
}

func searchCmd(b *embed.Bundle, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("chronik search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	query := strings.Join(fs.Args(), " ")
	res := b.Index.Search(query, b.Docs)
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		a := b.Chronicle.Articles[h.Doc]
		text, spans := snippet(h.Snippet)
		hits = append(hits, Hit{ID: a.ID, Date: a.Date.String(), Title: a.Title, Score: h.Score,
			Snippet: text, Highlights: spans})
	}
	if *asJSON {
		return writeJSON(out, Results{Query: query, Total: len(hits), Hits: hits, Suggestions: res.Suggestions})
	}
	if len(hits) == 0 {
		fmt.Fprintf(out, "Keine Treffer für %q.\n", query)
	}
	if len(res.Suggestions) > 0 {
		fmt.Fprintf(out, "Meinten Sie: %s?\n\n", strings.Join(res.Suggestions, ", "))
	}
	for i, h := range hits {
		fmt.Fprintf(out, "%d. %s  %s  %.3f  %s\n   %s\n\n", i+1, h.ID, h.Date, h.Score, h.Title,
			marked(h.Snippet, h.Highlights))
	}
	return nil
}

// snippet returns the snippet as one line, with "…" where it was cut, and
// its highlights moved along.
func snippet(s search.Snippet) (string, []search.Span) {
	text, spans := app.Flatten(s.Text, s.Spans)
	if s.Before {
		text = "… " + text
		for i := range spans {
			spans[i].Start += len("… ")
			spans[i].End += len("… ")
		}
	}
	if s.After {
		text += " …"
	}
	return text, spans
}

// marked shows highlights in a terminal as »…«.
func marked(text string, spans []search.Span) string {
	var sb strings.Builder
	pos := 0
	for _, s := range spans {
		if s.Start < pos || s.End > len(text) || s.Start >= s.End {
			continue
		}
		sb.WriteString(text[pos:s.Start])
		sb.WriteString("»" + text[s.Start:s.End] + "«")
		pos = s.End
	}
	sb.WriteString(text[pos:])
	return strings.Join(strings.Fields(sb.String()), " ")
}

func articlesCmd(b *embed.Bundle, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("chronik articles", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON with every field, body included")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(out, b.Chronicle.Articles)
	}
	for _, a := range b.Chronicle.Articles {
		fmt.Fprintf(out, "%-10s  %-45s  %s\n", a.Date, a.ID, a.Title)
	}
	return nil
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// reorder moves flags before positional arguments, so that both
// "search -json Oracle" and "search Oracle -json" work. Only the commands'
// own flags count as flags: "search Microsoft -Oracle" is an exclusion.
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case isFlag(a):
			flags = append(flags, a)
			if !strings.Contains(a, "=") && needsValue(a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, append([]string{"--"}, rest...)...)
}

// isFlag reports whether a is one of the commands' flags.
func isFlag(a string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	switch name {
	case "json", "base", "wasm", "articles", "h", "help":
		return strings.HasPrefix(a, "-")
	}
	return false
}

// needsValue reports whether flag a takes a separate value argument.
func needsValue(a string) bool {
	switch strings.TrimLeft(a, "-") {
	case "base", "wasm", "articles":
		return true
	}
	return false
}
