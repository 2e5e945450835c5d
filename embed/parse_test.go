package embed

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseReadsAllFields(t *testing.T) {
	data, err := os.ReadFile("testdata/full.md")
	require.NoError(t, err)

	a, err := Parse("testdata/full.md", data)
	require.NoError(t, err)
	assert.Equal(t, Article{
		ID:     "microsoft-bestaetigt",
		Date:   Date{2020, time.August, 3},
		Title:  `Microsoft bestätigt Gespräche über "TikTok"-Übernahme`,
		Kicker: "Microsoft",
		Source: "nd – 'Der Tag'",
		Author: "Michael Förtsch",
		URL:    "https://example.com/artikel?id=1&lang=de#teil-2",
		Body: "Es geht um das TikTok-Geschäft in den USA, Kanada, Australien und Neuseeland.\n\n" +
			"## Kein Verkauf,  sondern eine Partnerschaft\n\n" +
			"Trump sagte: „Nun, ich denke, Oracle ist ein großartiges Unternehmen.“",
	}, a)
	assert.Equal(t, []string{
		"Es geht um das TikTok-Geschäft in den USA, Kanada, Australien und Neuseeland.",
		"## Kein Verkauf,  sondern eine Partnerschaft",
		"Trump sagte: „Nun, ich denke, Oracle ist ein großartiges Unternehmen.“",
	}, a.Paragraphs())
}

// article builds an article file from front matter lines and a body.
func article(front, body string) string {
	return "---\n" + front + "---\n" + body
}

func TestParseDecodesValues(t *testing.T) {
	tests := []struct {
		name string
		line string // a title: line
		want string
	}{
		{"bare value is trimmed", "title:   Hallo Welt  ", "Hallo Welt"},
		{"bare value may contain colons and quotes", `title: Trump: "Nein"`, `Trump: "Nein"`},
		{"bare value keeps a hash", "title: Nummer #1", "Nummer #1"},
		{"no space after colon", "title:Kurz", "Kurz"},
		{"double quotes with escaped quote and backslash", `title: "Er sagte \"ja\" \\ nein"`, `Er sagte "ja" \ nein`},
		{"double quotes with unicode escape", `title: "\u00dcbernahme"`, "Übernahme"},
		{"double quotes keep inner spacing", `title: "a  b"`, "a  b"},
		{"double quotes trim surrounding spaces", `title: "  a  "`, "a"},
		{"double quotes with tab escape become space", `title: "a\tb"`, "a b"},
		{"single quotes with doubled quote", `title: 'Rock ''n'' Roll'`, "Rock 'n' Roll"},
		{"single quotes keep backslashes", `title: 'C:\temp'`, `C:\temp`},
		{"single quotes keep double quotes", `title: '"TikTok"'`, `"TikTok"`},
		{"raw tab becomes space", "title: a\tb", "a b"},
		{"doc example bare", `title: Rock 'n' Roll: "live" \ on stage`, `Rock 'n' Roll: "live" \ on stage`},
		{"doc example double-quoted", `title: "Rock 'n' Roll: \"live\" \\ on stage"`, `Rock 'n' Roll: "live" \ on stage`},
		{"doc example single-quoted", `title: 'Rock ''n'' Roll: "live" \ on stage'`, `Rock 'n' Roll: "live" \ on stage`},
		{"German text", "title: Gespräche über Übernahme – „Deal“ ß", "Gespräche über Übernahme – „Deal“ ß"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(article("date: 2020-08-03\n"+tt.line+"\n", "Text\n")))
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.Title)
		})
	}
}

func TestParseOptionalFields(t *testing.T) {
	t.Run("absent optional fields are empty", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("date: 2020-08-03\ntitle: T\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, Article{ID: "a", Date: Date{2020, time.August, 3}, Title: "T", Body: "Text"}, a)
	})
	t.Run("empty optional values count as absent", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("date: 2020-08-03\ntitle: T\nkicker:\nsource: \"\"\nauthor: ''\nurl:\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, Article{ID: "a", Date: Date{2020, time.August, 3}, Title: "T", Body: "Text"}, a)
	})
	t.Run("comments and blank lines in front matter are ignored", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("\n# title: Alt\n  # indented comment\ndate: 2020-08-03\n\ntitle: T\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, "T", a.Title)
	})
	t.Run("month-only date", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("date: 2020-08\ntitle: T\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, Date{Year: 2020, Month: time.August}, a.Date)
		assert.Equal(t, "2020-08", a.Date.String())
	})
	t.Run("quoted date", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("date: \"2020-08-03\"\ntitle: T\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, Date{2020, time.August, 3}, a.Date)
	})
	t.Run("http url", func(t *testing.T) {
		a, err := Parse("a.md", []byte(article("date: 2020-08-03\ntitle: T\nurl: http://example.com\n", "Text\n")))
		require.NoError(t, err)
		assert.Equal(t, "http://example.com", a.URL)
	})
}

func TestParseDerivesID(t *testing.T) {
	tests := []struct {
		name string
		file string
		id   string // id: line, if any
		want string
	}{
		{"from file name", "2020-08-03-microsoft.md", "", "2020-08-03-microsoft"},
		{"from slash path", "articles/sub/tiktok.md", "", "tiktok"},
		{"from backslash path", `articles\tiktok.md`, "", "tiktok"},
		{"from name without extension", "tiktok", "", "tiktok"},
		{"explicit id wins", "Bad Name.md", "id: good-name\n", "good-name"},
		{"explicit id may end in hyphen", "a.md", "id: 0-\n", "0-"},
		{"explicit id of 100 characters", "a.md", "id: " + strings.Repeat("a", 100) + "\n", strings.Repeat("a", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.file, []byte(article("date: 2020-08-03\ntitle: T\n"+tt.id, "Text\n")))
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.ID)
		})
	}
}

func TestParseBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"single line", "Hallo\n", []string{"Hallo"}},
		{"lines of a paragraph are joined with one space", "eins\nzwei\n  drei  \n", []string{"eins zwei drei"}},
		{"blank lines separate paragraphs", "eins\n\nzwei\n", []string{"eins", "zwei"}},
		{"several blank and whitespace lines count as one", "eins\n\n \t \n\nzwei\n", []string{"eins", "zwei"}},
		{"leading and trailing blank lines are dropped", "\n\n  eins  \n\n\n", []string{"eins"}},
		{"runs of spaces inside a line are kept", "a   b\n", []string{"a   b"}},
		{"tabs become spaces", "a\tb\n", []string{"a b"}},
		{"subheading keeps its prefix", "eins\n\n## Zwischentitel\n\nzwei\n", []string{"eins", "## Zwischentitel", "zwei"}},
		{"subheading needs no blank lines around it", "eins\n## Titel\nzwei\ndrei\n", []string{"eins", "## Titel", "zwei drei"}},
		{"subheading spacing is normalised", "##   Titel  \n", []string{"## Titel"}},
		{"indented subheading", "  ## Titel\n", []string{"## Titel"}},
		{"other hashes are text", "# Eins\n##Zwei\n### Drei\n", []string{"# Eins ##Zwei ### Drei"}},
		{"dashes in the body are text", "eins\n---\nzwei\n", []string{"eins --- zwei"}},
		{"no trailing newline", "eins", []string{"eins"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(article("date: 2020-08-03\ntitle: T\n", tt.body)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.Paragraphs())
			assert.Equal(t, strings.Join(tt.want, "\n\n"), a.Body)
		})
	}
}

func TestParseToleratesLineEndingsAndBOM(t *testing.T) {
	want := Article{ID: "a", Date: Date{2020, time.August, 3}, Title: "T", Body: "eins zwei\n\n## H\n\ndrei"}
	tests := []struct {
		name string
		data string
	}{
		{"LF", "---\ndate: 2020-08-03\ntitle: T\n---\neins\nzwei\n\n## H\ndrei\n"},
		{"CRLF", "---\r\ndate: 2020-08-03\r\ntitle: T\r\n---\r\neins\r\nzwei\r\n\r\n## H\r\ndrei\r\n"},
		{"BOM", "\uFEFF---\ndate: 2020-08-03\ntitle: T\n---\neins\nzwei\n\n## H\ndrei\n"},
		{"BOM and CRLF", "\uFEFF---\r\ndate: 2020-08-03\r\ntitle: T\r\n---\r\neins\r\nzwei\r\n\r\n## H\r\ndrei"},
		{"trailing spaces on delimiters", "--- \ndate: 2020-08-03\ntitle: T\n---\t \neins\nzwei\n\n## H\ndrei\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(tt.data))
			require.NoError(t, err)
			assert.Equal(t, want, a)
		})
	}
}

func TestParseRejectsMalformedFiles(t *testing.T) {
	const ok = "date: 2020-08-03\ntitle: T\n"
	tests := []struct {
		name   string
		file   string // defaults to "f.md"
		data   string
		prefix string // exact "file:line: " prefix
		reason string // substring of the message
	}{
		{"empty file", "", "", "f.md:1: ", "missing front matter"},
		{"no front matter", "", "date: 2020-08-03\ntitle: T\n\nText\n", "f.md:1: ", "the first line must be ---"},
		{"front matter not on first line", "", "\n---\n" + ok + "---\nText\n", "f.md:1: ", "missing front matter"},
		{"unterminated front matter", "", "---\n" + ok + "\nText\n", "f.md:1: ", "unterminated front matter"},
		{"unterminated front matter after BOM", "", "\uFEFF---\r\n" + ok, "f.md:1: ", "unterminated front matter"},
		{"missing date", "", article("title: T\n", "Text\n"), "f.md:1: ", "missing date"},
		{"month 13", "", article("date: 2020-13-01\ntitle: T\n", "Text\n"), "f.md:2: ", `invalid date "2020-13-01": month 13 does not exist`},
		{"February 30", "", article("title: T\ndate: 2020-02-30\n", "Text\n"), "f.md:3: ", `invalid date "2020-02-30": February 2020 has only 29 days`},
		{"February 29 in a common year", "", article("date: 2021-02-29\ntitle: T\n", "Text\n"), "f.md:2: ", "February 2021 has only 28 days"},
		{"date in words", "", article("date: August 2020\ntitle: T\n", "Text\n"), "f.md:2: ", `invalid date "August 2020": want YYYY-MM-DD`},
		{"German date", "", article("date: 03.08.2020\ntitle: T\n", "Text\n"), "f.md:2: ", "want YYYY-MM-DD"},
		{"empty date", "", article("date:\ntitle: T\n", "Text\n"), "f.md:2: ", `invalid date ""`},
		{"day 00", "", article("date: 2020-08-00\ntitle: T\n", "Text\n"), "f.md:2: ", "write YYYY-MM when the day is unknown"},
		{"year out of range", "", article("date: 0999-12-31\ntitle: T\n", "Text\n"), "f.md:2: ", "year 999 is outside 1000–9999"},
		{"missing title", "", article("date: 2020-08-03\n", "Text\n"), "f.md:1: ", "missing title"},
		{"empty title", "", article("date: 2020-08-03\ntitle: \"  \"\n", "Text\n"), "f.md:3: ", "empty title"},
		{"empty body", "", article(ok, "\n  \n\n"), "f.md:5: ", "empty body"},
		{"empty body at end of file", "", "---\n" + ok + "---", "f.md:4: ", "empty body"},
		{"empty body after final newline", "", "---\n" + ok + "---\n", "f.md:4: ", "empty body"},
		{"empty subheading", "", article(ok, "Text\n\n##\n"), "f.md:7: ", "empty subheading"},
		{"unknown key", "", article(ok+"titel: T2\n", "Text\n"), "f.md:4: ", `unknown key "titel"`},
		{"keys are case-sensitive", "", article("Date: 2020-08-03\ntitle: T\n", "Text\n"), "f.md:2: ", `unknown key "Date"`},
		{"duplicate key", "", article(ok+"title: T2\n", "Text\n"), "f.md:4: ", `duplicate key "title" (first set on line 3)`},
		{"line without colon", "", article(ok+"Microsoft\n", "Text\n"), "f.md:4: ", `expected key: value, got "Microsoft"`},
		{"empty key", "", article(ok+": x\n", "Text\n"), "f.md:4: ", `unknown key ""`},
		{"unterminated double quote", "", article("date: 2020-08-03\ntitle: \"T\n", "Text\n"), "f.md:3: ", "title: invalid double-quoted value"},
		{"text after double quote", "", article("date: 2020-08-03\ntitle: \"T\" x\n", "Text\n"), "f.md:3: ", "invalid double-quoted value"},
		{"unknown escape", "", article("date: 2020-08-03\ntitle: \"a\\/b\"\n", "Text\n"), "f.md:3: ", "invalid double-quoted value"},
		{"unterminated single quote", "", article("date: 2020-08-03\ntitle: 'T\n", "Text\n"), "f.md:3: ", "unterminated single-quoted value"},
		{"lone single quote", "", article("date: 2020-08-03\ntitle: '\n", "Text\n"), "f.md:3: ", "unterminated single-quoted value"},
		{"undoubled single quote", "", article("date: 2020-08-03\ntitle: 'It's'\n", "Text\n"), "f.md:3: ", "write '' for a quote"},
		{"javascript url", "", article(ok+"url: javascript:alert(1)\n", "Text\n"), "f.md:4: ", `invalid url "javascript:alert(1)": must be an absolute URL`},
		{"url with double quote", "", article(ok+`url: https://example.com/"onmouseover="alert(1)`+"\n", "Text\n"), "f.md:4: ", `must not contain '"' (percent-encode it as %22)`},
		{"url with single quote", "", article(ok+"url: https://example.com/it's\n", "Text\n"), "f.md:4: ", `must not contain '\''`},
		{"url with angle bracket", "", article(ok+"url: https://example.com/<script>\n", "Text\n"), "f.md:4: ", `must not contain '<'`},
		{"url with backslash", "", article(ok+`url: https://example.com\@evil.com`+"\n", "Text\n"), "f.md:4: ", `must not contain '\\'`},
		{"url with space", "", article(ok+"url: \"https://example.com/a b\"\n", "Text\n"), "f.md:4: ", `must not contain ' ' (percent-encode it as %20)`},
		{"url with no-break space", "", article(ok+"url: https://example.com/a\u00a0b\n", "Text\n"), "f.md:4: ", "must not contain U+00A0"},
		{"relative url", "", article(ok+"url: /artikel\n", "Text\n"), "f.md:4: ", "must be an absolute URL"},
		{"scheme-relative url", "", article(ok+"url: //example.com/a\n", "Text\n"), "f.md:4: ", "must be an absolute URL"},
		{"ftp url", "", article(ok+"url: ftp://example.com/a\n", "Text\n"), "f.md:4: ", "must be an absolute URL"},
		{"url without host", "", article(ok+"url: https:///pfad\n", "Text\n"), "f.md:4: ", "missing host"},
		{"url with port only", "", article(ok+"url: https://:443/\n", "Text\n"), "f.md:4: ", "missing host"},
		{"unparsable url", "", article(ok+"url: https://[::1/\n", "Text\n"), "f.md:4: ", `invalid url "https://[::1/"`},
		{"invalid UTF-8 in front matter", "", article("date: 2020-08-03\ntitle: Gespr\xe4che\n", "Text\n"), "f.md:3: ", "invalid UTF-8"},
		{"invalid UTF-8 in body", "", article(ok, "Text\n\nmehr \xff\n"), "f.md:7: ", "invalid UTF-8"},
		{"invalid UTF-8 in a comment", "", article(ok+"# \xc3\n", "Text\n"), "f.md:4: ", "invalid UTF-8"},
		{"invalid UTF-8 before missing front matter", "", "\xff\n", "f.md:1: ", "invalid UTF-8"},
		{"invalid UTF-8 from escape", "", article("date: 2020-08-03\ntitle: \"\\xff\"\n", "Text\n"), "f.md:3: ", "title: escape sequence produces invalid UTF-8"},
		{"control character in value", "", article("date: 2020-08-03\ntitle: a\x07b\n", "Text\n"), "f.md:3: ", "control character U+0007"},
		{"control character from escape", "", article("date: 2020-08-03\ntitle: \"a\\nb\"\n", "Text\n"), "f.md:3: ", "title: control character U+000A"},
		{"lone carriage return", "", article(ok, "a\rb\n"), "f.md:5: ", "control character U+000D"},
		{"NUL in body", "", article(ok, "Text\n\x00\n"), "f.md:6: ", "control character U+0000"},
		{"C1 control in body", "", article(ok, "Text\u0085\n"), "f.md:5: ", "control character U+0085"},
		{"line numbers count CRLF lines", "", "---\r\ndate: 2020-08-03\r\n\r\ntitle: T\r\nurl: x\r\n---\r\nText\r\n", "f.md:5: ", "invalid url"},
		{"invalid explicit id", "", article(ok+"id: Microsoft_Deal\n", "Text\n"), "f.md:4: ", `invalid id "Microsoft_Deal"`},
		{"explicit id starting with hyphen", "", article(ok+"id: -a\n", "Text\n"), "f.md:4: ", `invalid id "-a"`},
		{"empty explicit id", "", article(ok+"id:\n", "Text\n"), "f.md:4: ", `invalid id ""`},
		{"explicit id too long", "", article(ok+"id: "+strings.Repeat("a", 101)+"\n", "Text\n"), "f.md:4: ", "at most 100 characters"},
		{"file name with capitals", "articles/TikTok.md", article(ok, "Text\n"), "articles/TikTok.md:1: ", `the file name gives the invalid id "TikTok": rename the file`},
		{"file name with umlaut", "übernahme.md", article(ok, "Text\n"), "übernahme.md:1: ", "or set id:"},
		{"file name with space", "a b.md", article(ok, "Text\n"), "a b.md:1: ", `invalid id "a b"`},
		{"file name starting with underscore", "_draft.md", article(ok, "Text\n"), "_draft.md:1: ", `invalid id "_draft"`},
		{"file name too long", strings.Repeat("a", 101) + ".md", article(ok, "Text\n"), strings.Repeat("a", 101) + ".md:1: ", "rename the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "f.md"
			}
			a, err := Parse(file, []byte(tt.data))
			require.Error(t, err)
			assert.Equal(t, Article{}, a)
			assert.True(t, strings.HasPrefix(err.Error(), tt.prefix), "error %q should start with %q", err, tt.prefix)
			assert.Contains(t, err.Error(), tt.reason)

			var e *Error
			require.True(t, errors.As(err, &e), "error should be an *Error")
			assert.Equal(t, file, e.File)
			assert.Equal(t, tt.prefix, fmt.Sprintf("%s:%d: ", e.File, e.Line))
		})
	}
}

func TestErrorFormatsPosition(t *testing.T) {
	assert.Equal(t, "articles/a.md:3: empty title", (&Error{File: "articles/a.md", Line: 3, Msg: "empty title"}).Error())
	assert.Equal(t, "articles: no articles", (&Error{File: "articles", Msg: "no articles"}).Error())
}

func TestParagraphsOfEmptyBodyIsNil(t *testing.T) {
	assert.Nil(t, Article{}.Paragraphs())
}

func TestArticleJSONRoundTripKeepsGermanText(t *testing.T) {
	data := "---\n" +
		"date: 2020-08\n" +
		"title: \"Tiktok-Übernahme: „Mehr Fragen als Antworten“\"\n" +
		"kicker: Größte Übernahme\n" +
		"author: Jürgen Weiß\n" +
		"---\n" +
		"Dieser mögliche Kauf beschäftigt die Techbranche – »sehr ungewöhnlich«.\n\n" +
		"## Tech-Branche lehnt Einmischung ab\n"
	a, err := Parse("2020-08-tiktok-uebernahme.md", []byte(data))
	require.NoError(t, err)

	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"date":"2020-08"`)
	assert.Contains(t, string(b), "„Mehr Fragen als Antworten“")

	var back Article
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)
}

// render writes a as an article file, the inverse of Parse.
func render(a Article) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "date: %s\n", a.Date)
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(a.Title))
	for _, f := range []struct{ key, value string }{
		{"kicker", a.Kicker}, {"source", a.Source}, {"author", a.Author}, {"url", a.URL}, {"id", a.ID},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "%s: %s\n", f.key, strconv.Quote(f.value))
		}
	}
	b.WriteString("---\n")
	b.WriteString(a.Body)
	b.WriteString("\n")
	return []byte(b.String())
}

func TestRenderedArticleParsesBackUnchanged(t *testing.T) {
	data, err := os.ReadFile("testdata/full.md")
	require.NoError(t, err)
	a, err := Parse("testdata/full.md", data)
	require.NoError(t, err)

	back, err := Parse("other.md", render(a))
	require.NoError(t, err)
	assert.Equal(t, a, back)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(article("date: 2020-08-03\ntitle: T\n", "Text\n")))
	f.Add([]byte("---\nid: x\ndate: 2020-08\ntitle: 'a''b'\nurl: https://e.com\n---\n## h\na\nb\n\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.md", data)
		if err != nil {
			var e *Error
			require.True(t, errors.As(err, &e), "error %v should be an *Error", err)
			require.Equal(t, "fuzz.md", e.File)
			require.Positive(t, e.Line)
			return
		}
		require.NotEmpty(t, a.Title)
		require.NotEmpty(t, a.Body)
		require.True(t, validID(a.ID), "invalid id %q", a.ID)
		require.NoError(t, a.Date.check())
		d, err := ParseDate(a.Date.String())
		require.NoError(t, err)
		require.Equal(t, a.Date, d)
		if a.URL != "" {
			require.NoError(t, checkURL(a.URL))
		}
		for _, p := range a.Paragraphs() {
			require.NotEmpty(t, p)
			require.Equal(t, strings.TrimSpace(p), p)
			require.NotContains(t, p, "\n")
		}
		// Parsing is idempotent: writing the article back out and
		// parsing it again gives the same article.
		back, err := Parse("other.md", render(a))
		require.NoError(t, err)
		require.Equal(t, a, back)
	})
}
