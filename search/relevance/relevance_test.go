package relevance_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"chronik/embed"
	"chronik/embed/data"
	"chronik/search/relevance"
)

// Article ids for the hand-made rankings of the metric tests.
const (
	a = "a"
	b = "b"
	c = "c"
	d = "d"
)

// load returns the shipped articles and the default suite.
func load(t *testing.T) (*embed.Bundle, *relevance.Suite) {
	t.Helper()
	bundle, err := data.Load()
	require.NoError(t, err)
	suite, err := relevance.Default()
	require.NoError(t, err)
	return bundle, suite
}

// run evaluates the default suite on the shipped articles under c.
func run(t *testing.T, c relevance.Config) *relevance.Report {
	t.Helper()
	bundle, suite := load(t)
	r, err := relevance.RunConfig(suite, bundle, c)
	require.NoError(t, err)
	return r
}

// TestFullSearchMeetsEveryJudgementOfTheSuite is the regression test of
// the search: under the full configuration, every query of queries.json
// finds its must ids and none of its mustNot ids, its top hit comes first,
// and a query without must ids finds nothing. A query marked known is one
// that the engine fails for a reason given in the suite; it must still fail,
// so that the mark is removed when the engine learns to pass it.
func TestFullSearchMeetsEveryJudgementOfTheSuite(t *testing.T) {
	r := run(t, relevance.Full())
	for _, o := range r.Outcomes {
		t.Run(string(o.Query.Kind)+"/"+o.Query.Query, func(t *testing.T) {
			q := o.Query
			if q.Known != "" {
				assert.False(t, o.Passed(), "query %q (%s) passes now: remove its known mark from queries.json (%s)",
					q.Query, q.Kind, q.Known)
				return
			}
			msg := []any{"query %q (%s): ranking %v\nnote: %s", q.Query, q.Kind, o.Ranking, q.Note}
			assert.Empty(t, o.Missing, msg...)
			assert.Empty(t, o.Violations, msg...)
			if len(q.Must) == 0 {
				assert.Empty(t, o.Ranking, msg...)
			}
			if q.Top != "" && assert.NotEmpty(t, o.Ranking, msg...) {
				assert.Equal(t, q.Top, o.Ranking[0], msg...)
			}
		})
	}
}

func TestFullSearchBeatsBaselineOverallAndOnCompoundsAndTypos(t *testing.T) {
	full, base := run(t, relevance.Full()), run(t, relevance.Baseline())
	for _, kinds := range [][]relevance.Kind{nil, {relevance.Compound}, {relevance.Typo}} {
		name := "overall"
		if kinds != nil {
			name = string(kinds[0])
		}
		t.Run(name, func(t *testing.T) {
			f, b := full.Summary(kinds...), base.Summary(kinds...)
			assert.Greater(t, f.Recall(), b.Recall(), "recall")
			assert.Greater(t, f.MRR(), b.MRR(), "MRR")
			assert.Greater(t, f.Passed, b.Passed, "queries passed")
		})
	}
	t.Run("baseline finds no misspelt word", func(t *testing.T) {
		assert.Zero(t, base.Summary(relevance.Typo).Recall())
	})
}

func TestDefaultSuiteJudgesEveryKindWithArticlesThatExist(t *testing.T) {
	bundle, suite := load(t)
	require.NoError(t, suite.Check(relevance.IDs(bundle)))
	assert.GreaterOrEqual(t, len(suite.Queries), 40)
	perKind := make(map[relevance.Kind]int)
	for _, q := range suite.Queries {
		perKind[q.Kind]++
		if q.Kind != relevance.Promo {
			assert.NotEmpty(t, q.Note, "query %q: the note should give the evidence", q.Query)
		}
	}
	for _, k := range relevance.Kinds() {
		assert.GreaterOrEqual(t, perKind[k], 4, "queries of kind %s", k)
	}
}

func TestSuccessAt1ComparesFirstHitWithTopOrWantsNothingWithoutMust(t *testing.T) {
	tests := []struct {
		name       string
		q          relevance.Query
		ranking    []string
		ok, judged bool
	}{
		{"top first", relevance.Query{Must: []string{a, b}, Top: a}, []string{a, b}, true, true},
		{"top second", relevance.Query{Must: []string{a, b}, Top: a}, []string{b, a}, false, true},
		{"nothing found", relevance.Query{Must: []string{a}, Top: a}, nil, false, true},
		{"no top is not judged", relevance.Query{Must: []string{a}}, []string{a}, false, false},
		{"no must and nothing found", relevance.Query{}, nil, true, true},
		{"no must but something found", relevance.Query{}, []string{c}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, judged := relevance.SuccessAt1(tt.q, tt.ranking)
			assert.Equal(t, tt.judged, judged, "judged")
			if judged {
				assert.Equal(t, tt.ok, ok, "ok")
			}
		})
	}
}

func TestRecallIsShareOfMustFound(t *testing.T) {
	tests := []struct {
		name    string
		q       relevance.Query
		ranking []string
		want    float64
	}{
		{"all found", relevance.Query{Must: []string{a, b}}, []string{b, c, a}, 1},
		{"half found", relevance.Query{Must: []string{a, b}}, []string{c, b}, 0.5},
		{"one of three", relevance.Query{Must: []string{a, b, c}}, []string{d, c}, 1.0 / 3},
		{"none found", relevance.Query{Must: []string{a}}, []string{b}, 0},
		{"nothing found", relevance.Query{Must: []string{a}}, nil, 0},
		{"no must and nothing found", relevance.Query{}, nil, 1},
		{"no must but something found", relevance.Query{}, []string{a}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, relevance.Recall(tt.q, tt.ranking), 1e-9)
		})
	}
}

func TestReciprocalRankIsOfTopOrElseOfBestRankedMust(t *testing.T) {
	tests := []struct {
		name    string
		q       relevance.Query
		ranking []string
		want    float64
	}{
		{"must first", relevance.Query{Must: []string{a, b}}, []string{a, c}, 1},
		{"first must is second", relevance.Query{Must: []string{a, b}}, []string{c, b, a}, 0.5},
		{"must third", relevance.Query{Must: []string{a}}, []string{c, d, a}, 1.0 / 3},
		{"must not found", relevance.Query{Must: []string{a}}, []string{c, d}, 0},
		{"top counts, not an earlier must", relevance.Query{Must: []string{a, b}, Top: a}, []string{b, c, d, a}, 0.25},
		{"top not found", relevance.Query{Must: []string{a, b}, Top: a}, []string{b}, 0},
		{"no must and nothing found", relevance.Query{}, nil, 1},
		{"no must but something found", relevance.Query{}, []string{a}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, relevance.ReciprocalRank(tt.q, tt.ranking), 1e-9)
		})
	}
}

func TestEvaluateListsMissingAndForbiddenHits(t *testing.T) {
	q := relevance.Query{Query: "x", Kind: relevance.Plain, Must: []string{a, b}, MustNot: []string{c, d}, Top: a}
	tests := []struct {
		name       string
		ranking    []string
		missing    []string
		violations []string
		passed     bool
		problems   []string
	}{
		{"perfect", []string{a, b}, nil, nil, true, nil},
		{"unjudged article is fine", []string{a, "e", b}, nil, nil, true, nil},
		{"missing and wrong top", []string{b}, []string{a}, nil, false, []string{"missing [a]", "top: want a, got b"}},
		{"violations in ranking order", []string{a, d, b, c}, nil, []string{d, c}, false, []string{"must not find [d c]"}},
		{"nothing found", nil, []string{a, b}, nil, false, []string{"missing [a b]", "top: want a, found nothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := relevance.Evaluate(q, tt.ranking)
			assert.Equal(t, tt.missing, o.Missing)
			assert.Equal(t, tt.violations, o.Violations)
			assert.Equal(t, tt.passed, o.Passed())
			assert.Equal(t, tt.problems, o.Problems())
		})
	}
}

func TestEvaluateFailsQueryWithoutMustThatFindsSomething(t *testing.T) {
	q := relevance.Query{Query: "Socken", Kind: relevance.Promo}
	o := relevance.Evaluate(q, []string{a, b})
	assert.False(t, o.Passed())
	assert.Equal(t, []string{"should find nothing, found 2"}, o.Problems())
	assert.True(t, relevance.Evaluate(q, nil).Passed())
}

// fakeSearch answers queries from a fixed table.
func fakeSearch(rankings map[string][]string) relevance.Searcher {
	return func(q string) []string { return rankings[q] }
}

// handSuite is a suite of four queries of two kinds, for the reports of
// fakeSearch.
func handSuite() *relevance.Suite {
	return &relevance.Suite{Queries: []relevance.Query{
		{Query: "p1", Kind: relevance.Plain, Must: []string{a}, Top: a},
		{Query: "p2", Kind: relevance.Plain, Must: []string{a, b}, MustNot: []string{c}},
		{Query: "t1", Kind: relevance.Typo, Must: []string{b}, Top: b},
		{Query: "x1", Kind: relevance.Promo},
	}}
}

func TestSummaryAveragesPerKindAndOverall(t *testing.T) {
	r := relevance.Run(handSuite(), "full", fakeSearch(map[string][]string{
		"p1": {b, a},    // top second: success 0, RR 1/2, recall 1
		"p2": {c, b},    // recall 1/2, RR 1/2, one violation
		"t1": {b},       // success, RR 1, recall 1
		"x1": {a, b, c}, // promo finds something: 0 everywhere
	}))
	tests := []struct {
		name                        string
		kinds                       []relevance.Kind
		queries, passed, violations int
		success                     float64
		judged                      bool
		recall, mrr                 float64
	}{
		{"plain", []relevance.Kind{relevance.Plain}, 2, 0, 1, 0, true, 0.75, 0.5},
		{"typo", []relevance.Kind{relevance.Typo}, 1, 1, 0, 1, true, 1, 1},
		{"promo", []relevance.Kind{relevance.Promo}, 1, 0, 0, 0, true, 0, 0},
		{"compound has no queries", []relevance.Kind{relevance.Compound}, 0, 0, 0, 0, false, 0, 0},
		{"overall", nil, 4, 1, 1, 1.0 / 3, true, 2.5 / 4, 2.0 / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Summary(tt.kinds...)
			assert.Equal(t, tt.queries, s.Queries, "queries")
			assert.Equal(t, tt.passed, s.Passed, "passed")
			assert.Equal(t, tt.violations, s.Violations, "violations")
			success, judged := s.SuccessAt1()
			assert.Equal(t, tt.judged, judged, "success@1 judged")
			assert.InDelta(t, tt.success, success, 1e-9, "success@1")
			assert.InDelta(t, tt.recall, s.Recall(), 1e-9, "recall")
			assert.InDelta(t, tt.mrr, s.MRR(), 1e-9, "MRR")
		})
	}
	assert.Len(t, r.Failures(), 3)
}

func TestWriteComparisonHasARowPerKindAndOverallWithDeltas(t *testing.T) {
	s := handSuite()
	full := relevance.Run(s, "full", fakeSearch(map[string][]string{"p1": {a}, "p2": {a, b}, "t1": {b}}))
	base := relevance.Run(s, "baseline", fakeSearch(map[string][]string{"p1": {a}, "p2": {a}}))
	var out strings.Builder
	require.NoError(t, relevance.WriteComparison(&out, full, base))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2+3+1, "two header lines, plain, typo, promo, overall:\n%s", out.String())
	assert.Equal(t, []string{"success@1", "recall", "MRR", "violations", "passed"}, strings.Fields(lines[0]))
	assert.Equal(t, []string{"kind", "queries",
		"full", "baseline", "Δ", "full", "baseline", "Δ", "full", "baseline", "Δ",
		"full", "baseline", "full", "baseline"}, strings.Fields(lines[1]))
	// plain: success@1 1 vs 1 (p1 only judged), recall 1 vs 0.75, MRR 1 vs 1.
	assert.Equal(t, []string{"plain", "2", "1.00", "1.00", "+0.00", "1.00", "0.75", "+0.25", "1.00", "1.00", "+0.00", "0", "0", "2/2", "1/2"},
		strings.Fields(lines[2]))
	// typo: the baseline finds nothing.
	assert.Equal(t, []string{"typo", "1", "1.00", "0.00", "+1.00", "1.00", "0.00", "+1.00", "1.00", "0.00", "+1.00", "0", "0", "1/1", "0/1"},
		strings.Fields(lines[3]))
	assert.Equal(t, "overall", strings.Fields(lines[5])[0])
}

func TestWriteComparisonShowsDashWhereSuccessIsNotJudged(t *testing.T) {
	s := &relevance.Suite{Queries: []relevance.Query{{Query: "q", Kind: relevance.Plain, Must: []string{a}}}}
	r := relevance.Run(s, "full", fakeSearch(nil))
	var out strings.Builder
	require.NoError(t, relevance.WriteComparison(&out, r, r))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	assert.Equal(t, []string{"plain", "1", "–", "–", "–"}, strings.Fields(lines[2])[:5])
}

func TestWriteFailuresNamesEachFailingQueryWithItsRanking(t *testing.T) {
	r := relevance.Run(handSuite(), "full", fakeSearch(map[string][]string{
		"p1": {a}, "p2": {a, b}, "t1": {a}, "x1": {c},
	}))
	var out strings.Builder
	require.NoError(t, relevance.WriteFailures(&out, r))
	got := out.String()
	assert.Contains(t, got, "full: 2 of 4 queries fail")
	assert.Contains(t, got, `"t1": missing [b]; top: want b, got a`)
	assert.Contains(t, got, `"x1": should find nothing, found 1`)
	assert.Contains(t, got, "ranking [c]")
	assert.NotContains(t, got, `"p1"`)

	out.Reset()
	ok := relevance.Run(handSuite(), "full", fakeSearch(map[string][]string{"p1": {a}, "p2": {a, b}, "t1": {b}}))
	require.NoError(t, relevance.WriteFailures(&out, ok))
	assert.Equal(t, "full: all 4 queries pass\n", out.String())
}

func TestParseRejectsInconsistentSuites(t *testing.T) {
	tests := []struct {
		name, json, err string
	}{
		{"not JSON", `{`, "decode suite"},
		{"unknown field", `{"queries": [{"query": "x", "kind": "plain", "should": []}]}`, "unknown field"},
		{"trailing data", `{"queries": []} {}`, "data after"},
		{"empty query", `{"queries": [{"query": "", "kind": "plain", "must": ["a"]}]}`, "empty query"},
		{"unknown kind", `{"queries": [{"query": "x", "kind": "fuzzy", "must": ["a"]}]}`, `unknown kind "fuzzy"`},
		{"promo with must", `{"queries": [{"query": "x", "kind": "promo", "must": ["a"]}]}`, "must should be empty"},
		{"top not in must", `{"queries": [{"query": "x", "kind": "plain", "must": ["a"], "top": "b"}]}`, `top "b" is not in must`},
		{"must and mustNot", `{"queries": [{"query": "x", "kind": "plain", "must": ["a"], "mustNot": ["a"]}]}`, "both must and mustNot"},
		{"duplicate query", `{"queries": [{"query": "x", "kind": "plain", "must": ["a"]}, {"query": "x", "kind": "typo", "must": ["a"]}]}`, "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := relevance.Parse([]byte(tt.json))
			require.ErrorContains(t, err, tt.err)
		})
	}
}

func TestCheckRejectsUnknownAndRepeatedArticles(t *testing.T) {
	s, err := relevance.Parse([]byte(`{"queries": [
		{"query": "x", "kind": "plain", "must": ["a", "zz"], "mustNot": ["b", "b"]}
	]}`))
	require.NoError(t, err)
	err = s.Check([]string{a, b})
	require.ErrorContains(t, err, `unknown article "zz"`)
	require.ErrorContains(t, err, "listed twice")
	require.NoError(t, (&relevance.Suite{Queries: s.Queries[:0]}).Check([]string{a}))
}
