package embed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// file returns a MapFS file with the given text.
func file(text string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(text)}
}

const index = "---\ntitle: Chronik\n---\n"

func TestLoadDirSortsArticlesByDateThenID(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/_index.md":      file("---\ntitle: \"TikTok: die Chronik\"\ndescription: Vom Angebot bis zur Partnerschaft.\n---\n"),
		"articles/a-september.md": file(article("date: 2020-09-14\ntitle: Oracle\n", "Text\n")),
		"articles/b-month.md":     file(article("date: 2020-08\ntitle: Fragen\n", "Text\n")),
		"articles/c-august.md":    file(article("date: 2020-08-03\ntitle: Stellung\n", "Text\n")),
		"articles/d-august.md":    file(article("date: 2020-08-03\ntitle: Gespräche\nid: a-august\n", "Text\n")),
		"articles/e-july.md":      file(article("date: 2020-07-31\ntitle: Verbot\n", "Text\n")),
		// Not articles:
		"articles/README.txt":      file("not an article"),
		"articles/.draft.md":       file("not parsed"),
		"articles/notes.md.bak":    file("not parsed"),
		"articles/sub/nested.md":   file("not parsed"),
		"articles/folder.md/x.md":  file("not parsed"),
		"elsewhere/f-elsewhere.md": file("not parsed"),
	}
	c, err := LoadDir(fsys, "articles")
	require.NoError(t, err)

	assert.Equal(t, "TikTok: die Chronik", c.Title)
	assert.Equal(t, "Vom Angebot bis zur Partnerschaft.", c.Description)
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"e-july", "a-august", "c-august", "b-month", "a-september"}, ids)
	assert.Equal(t, Date{2020, time.July, 31}, c.Articles[0].Date)
}

func TestLoadDirReadsTheRootOfTheFS(t *testing.T) {
	c, err := LoadDir(fstest.MapFS{
		"_index.md": file(index),
		"a.md":      file(article("date: 2020-08-03\ntitle: T\n", "Text\n")),
	}, ".")
	require.NoError(t, err)
	require.Len(t, c.Articles, 1)
	assert.Equal(t, "a", c.Articles[0].ID)
}

func TestLoadDirReportsAllProblemsTogether(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/_index.md": file("---\ntitle: Chronik\nautor: X\n---\n"),
		"articles/a.md":      file(article("date: 2020-08-03\ntitle: T\n", "Text\n")),
		"articles/b.md":      file(article("date: 2020-13-03\ntitle: T\n", "Text\n")),
		"articles/c.md":      file(article("date: 2020-08-03\n", "Text\n")),
		"articles/d.md":      file(article("date: 2020-08-03\ntitle: T\nid: a\n", "Text\n")),
		"articles/e.md":      file(article("date: 2020-08-03\ntitle: T\n", "")),
		"articles/F.md":      file(article("date: 2020-08-03\ntitle: T\n", "Text\n")),
	}
	c, err := LoadDir(fsys, "articles")
	require.Error(t, err)
	assert.Nil(t, c)

	// One line per problem, in file name order, each an *Error.
	assert.Equal(t, []string{
		`articles/F.md:1: the file name gives the invalid id "F": rename the file to lower-case letters a-z, digits and '-' (at most 100 characters before .md), or set id:`,
		`articles/_index.md:3: unknown key "autor" (known keys: title, description, actors)`,
		`articles/b.md:2: invalid date "2020-13-03": month 13 does not exist`,
		`articles/c.md:1: missing title (add a line title: ...)`,
		`articles/d.md:4: duplicate id "a" (already used by articles/a.md:1)`,
		`articles/e.md:4: empty body`,
	}, strings.Split(err.Error(), "\n"))

	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "errors are joined")
	for _, e := range joined.Unwrap() {
		var pe *Error
		assert.True(t, errors.As(e, &pe), "%v is an *Error", e)
	}
}

func TestLoadDirRejectsDuplicateIDs(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{
			name: "two explicit ids",
			fsys: fstest.MapFS{
				"a.md": file(article("date: 2020-08-03\ntitle: T\n\nid: deal\n", "Text\n")),
				"b.md": file(article("id: deal\ndate: 2020-08-04\ntitle: T\n", "Text\n")),
			},
			want: `b.md:2: duplicate id "deal" (already used by a.md:5)`,
		},
		{
			name: "explicit id equal to a file name",
			fsys: fstest.MapFS{
				"deal.md":  file(article("date: 2020-08-03\ntitle: T\n", "Text\n")),
				"other.md": file(article("date: 2020-08-03\ntitle: T\nid: deal\n", "Text\n")),
			},
			want: `other.md:4: duplicate id "deal" (already used by deal.md:1)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fsys["_index.md"] = file(index)
			_, err := LoadDir(tt.fsys, ".")
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestLoadDirIndex(t *testing.T) {
	ok := file(article("date: 2020-08-03\ntitle: T\n", "Text\n"))
	tests := []struct {
		name  string
		index *fstest.MapFile // nil: no _index.md
		want  string          // error prefix; "" for none
	}{
		{"title only", file("---\ntitle: T\n---\n"), ""},
		{"title and description", file("---\ntitle: T\ndescription: 'Die ''Chronik'''\n---\n\n  \n"), ""},
		{"missing", nil, "articles: missing _index.md with the chronicle title"},
		{"without title", file("---\ndescription: D\n---\n"), "articles/_index.md:1: missing title"},
		{"with empty title", file("---\ntitle: ''\n---\n"), "articles/_index.md:2: empty title"},
		{"with unknown key", file("---\ntitle: T\ndate: 2020-08-03\n---\n"), `articles/_index.md:3: unknown key "date"`},
		{"with a body", file("---\ntitle: T\n---\n\nEinleitung\n"), "articles/_index.md:5: _index.md has no body: put the text in description:"},
		{"with BOM and CRLF", file("\uFEFF---\r\ntitle: T\r\n---\r\n"), ""},
		{"unterminated", file("---\ntitle: T\n"), "articles/_index.md:1: unterminated front matter"},
		{"with actors", file("---\ntitle: T\nactors: Microsoft,  Oracle , Donald   Trump\n---\n"), ""},
		{"with an empty actor", file("---\ntitle: T\nactors: Microsoft,,Oracle\n---\n"), "articles/_index.md:3: actors: empty name"},
		{"with a trailing comma", file("---\ntitle: T\nactors: Microsoft,\n---\n"), "articles/_index.md:3: actors: empty name"},
		{"with a duplicate actor", file("---\ntitle: T\nactors: Oracle, oracle\n---\n"), `articles/_index.md:3: actors: "oracle" is listed twice`},
		{"with an overlong actor", file("---\ntitle: T\nactors: " + strings.Repeat("x", 41) + "\n---\n"), "articles/_index.md:3: actors: \"xxx"},
		{"with too many actors", file("---\ntitle: T\nactors: " + manyActors(21) + "\n---\n"), "articles/_index.md:3: actors: 21 names, at most 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"articles/a.md": ok}
			if tt.index != nil {
				fsys["articles/_index.md"] = tt.index
			}
			c, err := LoadDir(fsys, "articles")
			if tt.want != "" {
				require.Error(t, err)
				assert.Nil(t, c)
				assert.True(t, strings.HasPrefix(err.Error(), tt.want), "error %q should start with %q", err, tt.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "T", c.Title)
			assert.Len(t, c.Articles, 1)
			if tt.name == "with actors" {
				assert.Equal(t, []string{"Microsoft", "Oracle", "Donald Trump"}, c.Actors)
			}
		})
	}
}

func TestLoadDirRejectsFolderWithoutArticles(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"only the index": {"articles/_index.md": file(index)},
		"empty folder":   {"articles/x.txt": file("")},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := LoadDir(fsys, "articles")
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), "articles: no articles (*.md files)")
		})
	}
}

func TestLoadDirFailsOnMissingFolder(t *testing.T) {
	_, err := LoadDir(fstest.MapFS{}, "articles")
	require.Error(t, err)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), "loading chronicle")
}

// brokenFS fails to open one file, like a file without read permission.
// It has only Open, so that fs.ReadFile cannot bypass it.
type brokenFS struct {
	files  fstest.MapFS
	broken string
}

func (b brokenFS) Open(name string) (fs.File, error) {
	if name == b.broken {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return b.files.Open(name)
}

func TestLoadDirReportsUnreadableFilesWithOtherProblems(t *testing.T) {
	fsys := brokenFS{
		files: fstest.MapFS{
			"articles/_index.md": file(index),
			"articles/a.md":      file(article("date: 2020-08-03\ntitle: T\n", "Text\n")),
			"articles/b.md":      file(article("date: 2020-08-03\n", "Text\n")),
		},
		broken: "articles/a.md",
	}
	_, err := LoadDir(fsys, "articles")
	require.Error(t, err)
	assert.ErrorIs(t, err, fs.ErrPermission)
	assert.Equal(t, "loading chronicle: open articles/a.md: permission denied\n"+
		"articles/b.md:1: missing title (add a line title: ...)", err.Error())
}

// TestLoadDirShippedArticles checks that the real article folder loads,
// so a format change that breaks the shipped content fails here first.
func TestLoadDirShippedArticles(t *testing.T) {
	if _, err := os.Stat("articles"); err != nil {
		t.Skip("no articles folder")
	}
	c, err := LoadDir(os.DirFS("articles"), ".")
	require.NoError(t, err)
	assert.NotEmpty(t, c.Title)
	assert.NotEmpty(t, c.Articles)
	for i := 1; i < len(c.Articles); i++ {
		assert.False(t, c.Articles[i].Date.Before(c.Articles[i-1].Date), "articles are in date order")
	}
}

// manyActors returns n distinct actor names, comma-separated.
func manyActors(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("A%d", i)
	}
	return strings.Join(names, ", ")
}
