package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunPrintsComparisonOfEveryKindAndTheFailures(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out, "", false))
	for _, want := range []string{"success@1", "recall", "MRR", "plain", "typo", "promo", "overall", "full", "baseline"} {
		assert.Contains(t, out.String(), want)
	}
}

func TestRunReadsASuiteFromAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.json")
	suite := `{"queries": [{"query": "Socken", "kind": "promo", "must": [], "mustNot": [], "top": ""}]}`
	require.NoError(t, os.WriteFile(file, []byte(suite), 0o644))
	var out strings.Builder
	require.NoError(t, run(&out, file, true))
	assert.Contains(t, out.String(), "Relevance of 1 judged queries")
}

func TestRunRejectsASuiteNamingUnknownArticles(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.json")
	suite := `{"queries": [{"query": "Oracle", "kind": "plain", "must": ["no-such-article"], "mustNot": [], "top": ""}]}`
	require.NoError(t, os.WriteFile(file, []byte(suite), 0o644))
	err := run(&strings.Builder{}, file, false)
	require.ErrorContains(t, err, "no-such-article")
}
