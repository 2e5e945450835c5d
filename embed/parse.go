package embed

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error reports a malformed article or index file at a position a
// publisher can jump to. Its text is "file:line: msg", the form editors
// and build logs understand.
type Error struct {
	File string // path of the file (or folder) as given by the caller
	Line int    // 1-based line number; 0 when no single line is at fault
	Msg  string // what is wrong
}

// Error returns "file:line: msg", or "file: msg" when Line is 0.
func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// errorf returns an *Error for file at line.
func errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// maxIDLen bounds IDs, which end up in URLs and HTML ids.
const maxIDLen = 100

// Parse parses one article file. name is used for error messages and
// for the default ID: its base name without the ".md" extension. The
// format is described in the package documentation. Every error is an
// *Error pointing at the offending line.
func Parse(name string, data []byte) (Article, error) {
	a, _, err := parseArticle(name, data)
	return a, err
}

// parseArticle is Parse that also returns the line the ID comes from,
// so that LoadDir can point at it when IDs collide.
func parseArticle(name string, data []byte) (a Article, idLine int, err error) {
	doc, err := parseDocument(name, data, []string{"date", "title", "kicker", "source", "author", "url", "id"})
	if err != nil {
		return Article{}, 0, err
	}
	f := doc.fields

	date, ok := f["date"]
	if !ok {
		return Article{}, 0, errorf(name, doc.open, "missing date (add a line date: YYYY-MM-DD)")
	}
	if a.Date, err = ParseDate(date.value); err != nil {
		return Article{}, 0, errorf(name, date.line, "%v", err)
	}

	title, ok := f["title"]
	if !ok {
		return Article{}, 0, errorf(name, doc.open, "missing title (add a line title: ...)")
	}
	if title.value == "" {
		return Article{}, 0, errorf(name, title.line, "empty title")
	}
	a.Title = title.value
	a.Kicker = f["kicker"].value
	a.Source = f["source"].value
	a.Author = f["author"].value

	if u := f["url"]; u.value != "" {
		if err := checkURL(u.value); err != nil {
			return Article{}, 0, errorf(name, u.line, "invalid url %q: %v", u.value, err)
		}
		a.URL = u.value
	}

	if id, ok := f["id"]; ok {
		if !validID(id.value) {
			return Article{}, 0, errorf(name, id.line,
				"invalid id %q: use lower-case letters a-z, digits and '-', starting with a letter or digit, at most %d characters",
				id.value, maxIDLen)
		}
		a.ID, idLine = id.value, id.line
	} else {
		a.ID, idLine = defaultID(name), doc.open
		if !validID(a.ID) {
			return Article{}, 0, errorf(name, doc.open,
				"the file name gives the invalid id %q: rename the file to lower-case letters a-z, digits and '-' (at most %d characters before .md), or set id:",
				a.ID, maxIDLen)
		}
	}

	if a.Body, err = parseBody(name, doc); err != nil {
		return Article{}, 0, err
	}
	return a, idLine, nil
}

// document is a file split into front matter fields and body lines.
type document struct {
	open     int              // line number of the opening ---
	fields   map[string]field // front matter by key
	body     []string         // lines after the closing ---
	bodyLine int              // line number of body[0]
}

// field is one front matter value and where it was set.
type field struct {
	value string
	line  int
}

// parseDocument checks the whole file for invalid text, splits off the
// front matter and parses its "key: value" lines, allowing only keys.
func parseDocument(name string, data []byte, keys []string) (*document, error) {
	lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // the file ends with a newline
	}
	for i, s := range lines {
		s = strings.TrimSuffix(s, "\r")
		lines[i] = s
		if !utf8.ValidString(s) {
			return nil, errorf(name, i+1, "invalid UTF-8 (save the file as UTF-8)")
		}
		if r, ok := control(s); ok {
			return nil, errorf(name, i+1, "control character %U", r)
		}
	}

	if len(lines) == 0 || !isDelimiter(lines[0]) {
		return nil, errorf(name, 1, "missing front matter: the first line must be ---")
	}
	doc := &document{open: 1, fields: make(map[string]field)}
	end := slices.IndexFunc(lines[1:], isDelimiter) + 1
	if end == 0 {
		return nil, errorf(name, doc.open, "unterminated front matter: no closing --- line")
	}

	for i, s := range lines[1:end] {
		n := i + 2
		s = strings.TrimSpace(s)
		if s == "" || s[0] == '#' {
			continue
		}
		key, raw, ok := strings.Cut(s, ":")
		if !ok {
			return nil, errorf(name, n, "expected key: value, got %q", s)
		}
		key = strings.TrimSpace(key)
		if !slices.Contains(keys, key) {
			return nil, errorf(name, n, "unknown key %q (known keys: %s)", key, strings.Join(keys, ", "))
		}
		if prev, dup := doc.fields[key]; dup {
			return nil, errorf(name, n, "duplicate key %q (first set on line %d)", key, prev.line)
		}
		v, err := parseValue(strings.TrimSpace(raw))
		if err != nil {
			return nil, errorf(name, n, "%s: %v", key, err)
		}
		doc.fields[key] = field{value: v, line: n}
	}
	doc.body = lines[end+1:]
	doc.bodyLine = end + 2
	return doc, nil
}

// isDelimiter reports whether s is a front matter delimiter line.
func isDelimiter(s string) bool {
	return strings.TrimRight(s, " \t") == "---"
}

// control returns the first control character in s other than tab.
func control(s string) (rune, bool) {
	for _, r := range s {
		if r != '\t' && unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// parseValue decodes a front matter value: bare, "double-quoted" with Go
// escapes, or 'single-quoted' where a doubled quote stands for one. Tabs
// become spaces and surrounding spaces are trimmed.
func parseValue(s string) (string, error) {
	var v string
	switch {
	case strings.HasPrefix(s, `"`):
		var err error
		if v, err = strconv.Unquote(s); err != nil {
			return "", errors.New(`invalid double-quoted value (the value must end with the closing quote; write \" for a quote and \\ for a backslash)`)
		}
		if !utf8.ValidString(v) {
			return "", errors.New("escape sequence produces invalid UTF-8")
		}
	case strings.HasPrefix(s, "'"):
		if len(s) < 2 || !strings.HasSuffix(s, "'") {
			return "", errors.New("unterminated single-quoted value")
		}
		inner := s[1 : len(s)-1]
		if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return "", errors.New("invalid single-quoted value (write '' for a quote inside it)")
		}
		v = strings.ReplaceAll(inner, "''", "'")
	default:
		v = s
	}
	v = strings.TrimSpace(strings.ReplaceAll(v, "\t", " "))
	if r, ok := control(v); ok {
		return "", fmt.Errorf("control character %U", r)
	}
	return v, nil
}

// checkURL accepts absolute http(s) URLs with a host that can be placed
// in an HTML attribute without escaping.
func checkURL(s string) error {
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("\"'<>\\`", r) {
			if r < utf8.RuneSelf {
				return fmt.Errorf("must not contain %q (percent-encode it as %%%02X)", r, r)
			}
			return fmt.Errorf("must not contain %U (percent-encode it)", r)
		}
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return errors.New("must be an absolute URL starting with https:// or http://")
	}
	u, err := url.Parse(s)
	if err != nil {
		return errors.Unwrap(err) // *url.Error repeats the URL, which the caller already quotes
	}
	if u.Hostname() == "" {
		return errors.New("missing host")
	}
	return nil
}

// validID reports whether id matches ^[a-z0-9][a-z0-9-]*$ and is at most
// maxIDLen long.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// defaultID derives an ID from a file name: its base name without ".md".
// Both / and \ count as separators so that callers may pass OS paths.
func defaultID(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(name, ".md")
}

// parseBody joins the body lines into paragraphs separated by "\n\n".
func parseBody(name string, doc *document) (string, error) {
	var paras []string
	var cur []string // lines of the paragraph being read
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for i, s := range doc.body {
		s = strings.TrimSpace(strings.ReplaceAll(s, "\t", " "))
		switch {
		case s == "":
			flush()
		case s == "##" || strings.HasPrefix(s, "## "):
			flush()
			h := strings.TrimSpace(s[2:])
			if h == "" {
				return "", errorf(name, doc.bodyLine+i, "empty subheading")
			}
			paras = append(paras, "## "+h)
		default:
			cur = append(cur, s)
		}
	}
	flush()
	if len(paras) == 0 {
		line := doc.bodyLine
		if len(doc.body) == 0 {
			line-- // no line after the closing ---: point at it
		}
		return "", errorf(name, line, "empty body")
	}
	return strings.Join(paras, "\n\n"), nil
}
