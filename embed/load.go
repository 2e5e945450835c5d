package embed

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// indexFile names the file holding the chronicle's own front matter.
const indexFile = "_index.md"

// LoadDir reads a chronicle from the folder dir of fsys.
//
// Every *.md file directly in dir (sorted by name; subfolders, other
// files and names starting with "." are ignored) is parsed as an article,
// except _index.md, which holds the chronicle's own front matter: title
// (required), description and actors (optional), no other keys and no body.
//
// LoadDir reports all malformed files at once, joined with errors.Join,
// so that a publisher sees every problem in one build. It also rejects
// duplicate IDs (pointing at the later file and naming the earlier one),
// a missing _index.md and a folder without articles. The articles are
// returned sorted by Date, then ID: a stable, deterministic order.
func LoadDir(fsys fs.FS, dir string) (*Chronicle, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("loading chronicle: %w", err)
	}
	var (
		c        Chronicle
		errs     []error
		hasIndex bool
		files    int                   // article files seen, parsed or not
		seen     = map[string]string{} // ID → "file:line" that set it
	)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		file := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, fmt.Errorf("loading chronicle: %w", err))
			continue
		}
		if name == indexFile {
			hasIndex = true
			if err := parseIndex(file, data, &c); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		files++
		a, idLine, err := parseArticle(file, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if first, dup := seen[a.ID]; dup {
			errs = append(errs, errorf(file, idLine, "duplicate id %q (already used by %s)", a.ID, first))
			continue
		}
		seen[a.ID] = fmt.Sprintf("%s:%d", file, idLine)
		c.Articles = append(c.Articles, a)
	}
	if !hasIndex {
		errs = append(errs, errorf(dir, 0, "missing %s with the chronicle title", indexFile))
	}
	if files == 0 {
		errs = append(errs, errorf(dir, 0, "no articles (*.md files)"))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(c.Articles, func(a, b Article) int {
		if n := a.Date.Compare(b.Date); n != 0 {
			return n
		}
		return strings.Compare(a.ID, b.ID)
	})
	return &c, nil
}

// parseIndex reads the chronicle's title, description and actors from an
// _index.md file into c.
func parseIndex(name string, data []byte, c *Chronicle) error {
	doc, err := parseDocument(name, data, []string{"title", "description", "actors"})
	if err != nil {
		return err
	}
	title, ok := doc.fields["title"]
	if !ok {
		return errorf(name, doc.open, "missing title (add a line title: ...)")
	}
	if title.value == "" {
		return errorf(name, title.line, "empty title")
	}
	for i, s := range doc.body {
		if strings.TrimSpace(s) != "" {
			return errorf(name, doc.bodyLine+i, "%s has no body: put the text in description:", indexFile)
		}
	}
	c.Title = title.value
	c.Description = doc.fields["description"].value
	if f, ok := doc.fields["actors"]; ok {
		actors, err := parseActors(f.value)
		if err != nil {
			return errorf(name, f.line, "actors: %v", err)
		}
		c.Actors = actors
	}
	return nil
}

// Limits of the actors list: the reader sees each actor as a filter chip.
const (
	MaxActors     = 20
	maxActorRunes = 40
)

// parseActors splits a comma-separated actors value ("Microsoft, Oracle,
// ByteDance") into names, rejecting empty, overlong and duplicate names.
func parseActors(v string) ([]string, error) {
	var actors []string
	seen := map[string]bool{}
	for _, a := range strings.Split(v, ",") {
		a = strings.Join(strings.Fields(a), " ")
		switch key := strings.ToLower(a); {
		case a == "":
			return nil, errors.New("empty name (separate names with single commas)")
		case utf8.RuneCountInString(a) > maxActorRunes:
			return nil, fmt.Errorf("%q is longer than %d characters", a, maxActorRunes)
		case seen[key]:
			return nil, fmt.Errorf("%q is listed twice", a)
		default:
			seen[key] = true
			actors = append(actors, a)
		}
	}
	if len(actors) > MaxActors {
		return nil, fmt.Errorf("%d names, at most %d", len(actors), MaxActors)
	}
	return actors, nil
}
