//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	chronik "chronik/embed"
	"chronik/embed/data"
)

func load(t *testing.T) *chronik.Bundle {
	t.Helper()
	b, err := data.Load()
	require.NoError(t, err)
	return b
}

func TestSearchCommandPrintsRankedHitsAsJSON(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"search", "-json", "Oracle"}, &out))
	var res Results
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	hits := res.Hits
	require.Len(t, hits, 2)
	assert.Equal(t, 2, res.Total)
	assert.Empty(t, res.Suggestions)
	assert.Equal(t, "2020-09-14-oracle-trusted-tech-partner", hits[0].ID, "the article with Oracle in its title ranks first")
	for i, h := range hits {
		assert.Equal(t, "2020-09-14", h.Date)
		assert.NotEmpty(t, h.Title)
		assert.Positive(t, h.Score)
		if i > 0 {
			assert.LessOrEqual(t, h.Score, hits[i-1].Score)
		}
		require.NotEmpty(t, h.Highlights)
		for _, s := range h.Highlights {
			assert.Equal(t, "Oracle", h.Snippet[s.Start:s.End])
		}
	}
}

func TestSearchCommandAcceptsFlagAfterQuery(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"search", "Larry", "Ellis", "-json"}, &out))
	var res Results
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	require.Len(t, res.Hits, 1)
	assert.Contains(t, res.Hits[0].Snippet, "Larry Ellison")
}

func TestSearchCommandSuggestsCorrectionsAsJSON(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"search", "-json", "Mircosoft"}, &out))
	var res Results
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	assert.Contains(t, res.Suggestions, "Microsoft")
	require.NotEmpty(t, res.Hits, "the typo still finds the Microsoft articles")
	out.Reset()
	require.NoError(t, dispatch(load(t), []string{"search", "Oracel"}, &out))
	assert.Contains(t, out.String(), "Meinten Sie: Oracle?")
}

func TestSearchCommandPrintsTextWithMarks(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"search", "Singa"}, &out))
	assert.Contains(t, out.String(), "»Singapur«")
	out.Reset()
	require.NoError(t, dispatch(load(t), []string{"search", "Zebrastreifen"}, &out))
	assert.Contains(t, out.String(), "Keine Treffer")
}

func TestArticlesCommandListsEveryArticleWithBody(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"articles", "-json"}, &out))
	var arts []struct{ ID, Date, Title, Body string }
	require.NoError(t, json.Unmarshal(out.Bytes(), &arts))
	require.Len(t, arts, 5)
	for _, a := range arts {
		assert.NotEmpty(t, a.ID)
		assert.NotEmpty(t, a.Date)
		assert.NotEmpty(t, a.Title)
		assert.Greater(t, len(a.Body), 1000)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	err := dispatch(load(t), []string{"frobnicate"}, &bytes.Buffer{})
	var usage usageError
	require.ErrorAs(t, err, &usage)
}

// The seed import: dates as the evidence supports them, sources where the
// text names them, promotional blocks gone, journalism kept.
func TestSeedArticlesAreImportedAsEvidenced(t *testing.T) {
	b := load(t)
	byID := map[string]chronik.Article{}
	for _, a := range b.Chronicle.Articles {
		byID[a.ID] = a
	}
	tests := []struct {
		id, date, source, author, kicker string
	}{
		{"2020-08-03-microsoft-bestaetigt-gespraeche", "2020-08-03", "", "", ""},
		{"2020-08-03-microsoft-in-stellung", "2020-08-03", "", "", ""},
		{"2020-08-tiktok-uebernahme-fragen", "2020-08", "", "", "Microsoft"},
		{"2020-09-14-oracle-trusted-tech-partner", "2020-09-14", "1E9", "Michael Förtsch", ""},
		{"2020-09-14-ticktack-fuer-tiktok", "2020-09-14", "nd", "", ""},
	}
	for _, tt := range tests {
		a, ok := byID[tt.id]
		require.True(t, ok, tt.id)
		assert.Equal(t, tt.date, a.Date.String(), tt.id)
		assert.Equal(t, tt.source, a.Source, tt.id)
		assert.Equal(t, tt.author, a.Author, tt.id)
		assert.Equal(t, tt.kicker, a.Kicker, tt.id)
		assert.NotContains(t, a.Body, " date 2020-08", "the header line is metadata, not text")
	}
	all := ""
	for _, a := range b.Chronicle.Articles {
		all += a.Title + "\n" + a.Body + "\n"
	}
	for _, promo := range []string{"Wir-schenken-uns-nichts", "Anzeige", "bleibt gefährdet", "Werde jetzt Mitglied", "Jetzt Mitglied werden", "Weihnachtsaktion", "Mit deiner Unterstützung"} {
		assert.NotContains(t, all, promo)
	}
	oracle := byID["2020-09-14-oracle-trusted-tech-partner"]
	assert.True(t, slicesContainsPrefix(oracle.Paragraphs(), "Wenig später berichteten erste Medien"),
		"the sentence glued to the membership block is kept as its own paragraph")
	assert.Contains(t, byID["2020-09-14-ticktack-fuer-tiktok"].Body, "Mit Agenturen")
}

func slicesContainsPrefix(ps []string, prefix string) bool {
	for _, p := range ps {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

func TestSearchCommandReadsMinusWordAsExclusion(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, dispatch(load(t), []string{"search", "-json", "Microsoft", "-Oracle"}, &out))
	var res Results
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	require.NotEmpty(t, res.Hits)
	for _, h := range res.Hits {
		assert.NotContains(t, h.ID, "oracle")
		assert.NotEqual(t, "2020-09-14-ticktack-fuer-tiktok", h.ID, "mentions Oracle")
	}
}

// app.wasm only runs with the wasm_exec.js of the Go version that built it.
func TestWasmExecMatchesToolchain(t *testing.T) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	require.NoError(t, err)
	got, err := assets.ReadFile("wasm_exec.js")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "wasm_exec.js is from another Go version: run make wasm_exec.js")
}

func TestStaticCommandWritesTheSiteUnderTheBase(t *testing.T) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWASM, 0o644))
	published := "/chronik/" + hashedName("web/app.wasm", fakeWASM)
	for _, tt := range []struct {
		name string
		args func(out string) []string
	}{
		{"flags first", func(out string) []string { return []string{"static", "-base", "/chronik", "-wasm", wasm, out} }},
		{"flags after the folder", func(out string) []string { return []string{"static", out, "-wasm=" + wasm, "-base", "chronik/"} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			require.NoError(t, dispatch(load(t), tt.args(out), &bytes.Buffer{}))
			appJS, err := os.ReadFile(filepath.Join(out, "app.js"))
			require.NoError(t, err)
			assert.Contains(t, string(appJS), `"`+published+`"`)
			got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(published, "/chronik/"))))
			require.NoError(t, err)
			assert.Equal(t, fakeWASM, got, "the -wasm file is published under its hashed name")
			index, err := os.ReadFile(filepath.Join(out, "index.html"))
			require.NoError(t, err)
			assert.Contains(t, string(index), `href="/chronik/web/chronik.`)
		})
	}
}

func TestStaticCommandReportsMalformedArticlesWithFileAndLine(t *testing.T) {
	index, err := os.ReadFile("embed/articles/_index.md")
	require.NoError(t, err)
	dir := t.TempDir()
	for name, data := range map[string]string{
		"_index.md":                    string(index),
		"2020-01-01-ohne-datum.md":     "---\ntitle: Ohne Datum\n---\nText.\n",
		"2020-02-02-falsches-datum.md": "---\ntitle: Falsch\ndate: 2020-13-45\n---\nText.\n",
		"2020-03-03-in-ordnung.md":     "---\ndate: 2020-03-03\ntitle: In Ordnung\n---\nText.\n",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	out := filepath.Join(t.TempDir(), "public")
	err = dispatch(load(t), []string{"static", "-articles", dir, out}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "2020-01-01-ohne-datum.md")+":1: missing date")
	assert.Contains(t, err.Error(), filepath.Join(dir, "2020-02-02-falsches-datum.md")+":3: invalid date")
	assert.NotContains(t, err.Error(), "in-ordnung")
	assert.NoDirExists(t, out, "nothing is written for malformed articles")

	err = dispatch(load(t), []string{"static", "-articles", filepath.Join(dir, "fehlt"), out}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "fehlt"))
}

func TestStaticCommandTakesEitherArticlesOrAWasm(t *testing.T) {
	err := dispatch(load(t), []string{"static", "-articles", "embed/articles", "-wasm", "web/app.wasm", t.TempDir()}, &bytes.Buffer{})
	var usage usageError
	require.ErrorAs(t, err, &usage)
	assert.Contains(t, err.Error(), "-articles")
}
