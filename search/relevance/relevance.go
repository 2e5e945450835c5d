// Package relevance evaluates the ranking of Chronik's German search against
// a suite of judged queries.
//
// The suite, queries.json in this directory, is embedded in the package (see
// [Default]). Every query names the articles that it must find, the ones it
// must not find, and, where one article is clearly the best answer, the
// expected top hit. Queries are grouped by the feature of the engine that they
// exercise (see [Kind]). A query whose must list is empty, such as every
// [Promo] query, must find nothing at all.
//
// # The file
//
// queries.json is an object with a free-text "comment" (a list of lines, for
// people editing the file) and "queries", a list of objects with these
// fields:
//
//	query    the query exactly as typed; a query that does not end in a
//	         space is still being typed, and its last word matches as a
//	         prefix. End a query with a space to judge whole words only.
//	kind     plain, inflected, umlaut, prefix, compound, typo, phrase,
//	         exclusion or promo (see [Kind])
//	must     ids of the articles that must be found (file names without .md)
//	mustNot  ids of the articles that must not be found
//	top      the id of the expected first hit, or "" where none is clear
//	note     the evidence in the articles for the judgement
//	known    optional: why the engine fails the query today, for a
//	         judgement that is right but not met yet
//
// Articles in neither must nor mustNot may be found or not: a query for a word
// may reasonably find a close relative of it, and the suite does not judge
// that.
//
// A query marked known counts in the metrics like any other. The regression
// test of this package expects it to fail, and says so when it passes, so that
// the mark is removed. A wrong judgement is corrected, never marked known.
//
// # Metrics
//
// For one query and its ranking:
//
//   - success@1 is whether the first hit is top. It is judged for queries
//     with a top and for queries with an empty must list, which succeed when
//     nothing is found.
//   - recall is the share of the must ids found; for an empty must list it
//     is 1 if nothing is found, else 0.
//   - the reciprocal rank is 1/rank of top if it is set, else of the best
//     ranked must id, and 0 if that is not found; for an empty must list it
//     is 1 if nothing is found, else 0.
//   - violations are the mustNot ids found.
//
// A [Summary] averages them over the queries of one kind or over all queries;
// success@1 over the queries for which it is judged only.
package relevance

import (
	"bytes"
	_ "embed" // the default suite
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"chronik/embed"
	"chronik/search"
)

// Kind is the feature of the search engine that a query exercises.
type Kind string

// The kinds of queries, in the order of reports.
const (
	Plain     Kind = "plain"     // words as they occur in the text
	Inflected Kind = "inflected" // other inflected forms, met by stemming
	Umlaut    Kind = "umlaut"    // ae, oe, ue and ss for ä, ö, ü and ß
	Prefix    Kind = "prefix"    // the last word still being typed
	Compound  Kind = "compound"  // parts of compounds and compounds of parts
	Typo      Kind = "typo"      // misspelt words
	Phrase    Kind = "phrase"    // quoted phrases
	Exclusion Kind = "exclusion" // words excluded with a leading minus
	Promo     Kind = "promo"     // words of promotional blocks removed from the sources
)

// Kinds returns every kind, in the order of reports.
func Kinds() []Kind {
	return []Kind{Plain, Inflected, Umlaut, Prefix, Compound, Typo, Phrase, Exclusion, Promo}
}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool {
	return slices.Contains(Kinds(), k)
}

// Query is one judged query of a suite.
type Query struct {
	Query   string   `json:"query"`          // as typed
	Kind    Kind     `json:"kind"`           // the feature exercised
	Must    []string `json:"must"`           // ids that must be found; none: nothing may be found
	MustNot []string `json:"mustNot"`        // ids that must not be found
	Top     string   `json:"top"`            // id of the expected first hit, or ""
	Note    string   `json:"note,omitempty"` // the evidence for the judgements
	// Known, if not empty, says why the engine fails the query today: the
	// judgements are right, the engine does not meet them yet.
	Known string `json:"known,omitempty"`
}

// Suite is a list of judged queries.
type Suite struct {
	Queries []Query
}

// suiteFile is the layout of a suite file.
type suiteFile struct {
	Comment []string `json:"comment"`
	Queries []Query  `json:"queries"`
}

//go:embed queries.json
var defaultSuite string

// Default returns the suite of queries.json, which is embedded in the
// package. Each call returns a new Suite.
func Default() (*Suite, error) {
	return Parse([]byte(defaultSuite))
}

// Parse decodes a suite in the format of queries.json and checks that it is
// consistent in itself (see [Suite.Check] for the article ids).
func Parse(data []byte) (*Suite, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f suiteFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("relevance: decode suite: %w", err)
	}
	if dec.More() {
		return nil, errors.New("relevance: decode suite: data after the suite object")
	}
	s := &Suite{Queries: f.Queries}
	var errs []error
	seen := make(map[string]bool)
	for i, q := range s.Queries {
		if seen[q.Query] {
			errs = append(errs, fmt.Errorf("query %d %q: duplicate", i+1, q.Query))
		}
		seen[q.Query] = true
		if err := q.validate(); err != nil {
			errs = append(errs, fmt.Errorf("query %d %q: %w", i+1, q.Query, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("relevance: invalid suite:\n%w", err)
	}
	return s, nil
}

// validate checks that the judgements of q agree with each other.
func (q *Query) validate() error {
	switch {
	case q.Query == "":
		return errors.New("empty query")
	case !q.Kind.Valid():
		return fmt.Errorf("unknown kind %q", q.Kind)
	case q.Kind == Promo && len(q.Must) > 0:
		return errors.New("a promo query must find nothing: must should be empty")
	case q.Top != "" && !slices.Contains(q.Must, q.Top):
		return fmt.Errorf("top %q is not in must", q.Top)
	}
	for _, id := range q.MustNot {
		if slices.Contains(q.Must, id) {
			return fmt.Errorf("%q is in both must and mustNot", id)
		}
	}
	return nil
}

// Check reports the article ids in s that are not among ids (the ids of the
// articles searched) and the ids listed twice in one list of a query.
func (s *Suite) Check(ids []string) error {
	known := make(map[string]bool, len(ids))
	for _, id := range ids {
		known[id] = true
	}
	var errs []error
	for _, q := range s.Queries {
		for _, id := range slices.Concat(q.Must, q.MustNot) {
			if !known[id] {
				errs = append(errs, fmt.Errorf("query %q: unknown article %q", q.Query, id))
			}
		}
		if hasDuplicates(q.Must) || hasDuplicates(q.MustNot) {
			errs = append(errs, fmt.Errorf("query %q: an article is listed twice", q.Query))
		}
	}
	return errors.Join(errs...)
}

// hasDuplicates reports whether an id occurs more than once in ids.
func hasDuplicates(ids []string) bool {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return true
		}
		seen[id] = true
	}
	return false
}

// Searcher runs a query and returns the ids of the articles found, best
// first.
type Searcher func(query string) []string

// Config is a named configuration of the search engine.
type Config struct {
	Name    string
	Options search.Options
}

// Full returns the configuration that the app uses: every feature on.
func Full() Config {
	return Config{Name: "full", Options: search.DefaultOptions()}
}

// Baseline returns the configuration to compare with: stemming and prefix
// matching only, no compound parts and no typo tolerance.
func Baseline() Config {
	return Config{Name: "baseline", Options: search.Options{}}
}

// NewSearcher returns a Searcher that runs queries on the index of b with
// opt and returns the ids of all hits.
func NewSearcher(b *embed.Bundle, opt search.Options) Searcher {
	opt.Limit = 0
	return func(query string) []string {
		res := b.Index.SearchOptions(query, b.Docs, opt)
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = b.Chronicle.Articles[h.Doc].ID
		}
		return ids
	}
}

// IDs returns the ids of the articles of b, in order.
func IDs(b *embed.Bundle) []string {
	ids := make([]string, len(b.Chronicle.Articles))
	for i, a := range b.Chronicle.Articles {
		ids[i] = a.ID
	}
	return ids
}

// RunConfig evaluates s on the index of b under c. It fails if s names
// articles that b does not have.
func RunConfig(s *Suite, b *embed.Bundle, c Config) (*Report, error) {
	if err := s.Check(IDs(b)); err != nil {
		return nil, fmt.Errorf("relevance: suite does not fit the articles:\n%w", err)
	}
	return Run(s, c.Name, NewSearcher(b, c.Options)), nil
}

// SuccessAt1 reports whether ranking succeeds at rank 1 for q: its first hit
// is q.Top or, if q.Must is empty, it is empty. judged is false, and ok
// meaningless, for a query that has must ids but no top.
func SuccessAt1(q Query, ranking []string) (ok, judged bool) {
	switch {
	case len(q.Must) == 0:
		return len(ranking) == 0, true
	case q.Top == "":
		return false, false
	}
	return len(ranking) > 0 && ranking[0] == q.Top, true
}

// Recall returns the share of q.Must found in ranking. For a query with no
// must ids it is 1 if ranking is empty, else 0.
func Recall(q Query, ranking []string) float64 {
	if len(q.Must) == 0 {
		return nothingFound(ranking)
	}
	return float64(len(q.Must)-len(Missing(q, ranking))) / float64(len(q.Must))
}

// ReciprocalRank returns 1/rank of q.Top in ranking if q has a top, else of
// the best ranked of q.Must, and 0 if it is not found. For a query with no
// must ids it is 1 if ranking is empty, else 0.
func ReciprocalRank(q Query, ranking []string) float64 {
	if len(q.Must) == 0 {
		return nothingFound(ranking)
	}
	for i, id := range ranking {
		if id == q.Top || q.Top == "" && slices.Contains(q.Must, id) {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// nothingFound returns 1 if ranking is empty, else 0.
func nothingFound(ranking []string) float64 {
	if len(ranking) == 0 {
		return 1
	}
	return 0
}

// Missing returns the ids of q.Must that ranking lacks, in the order of
// q.Must.
func Missing(q Query, ranking []string) []string {
	var out []string
	for _, id := range q.Must {
		if !slices.Contains(ranking, id) {
			out = append(out, id)
		}
	}
	return out
}

// Violations returns the ids of q.MustNot that ranking contains, in the
// order of ranking.
func Violations(q Query, ranking []string) []string {
	var out []string
	for _, id := range ranking {
		if slices.Contains(q.MustNot, id) {
			out = append(out, id)
		}
	}
	return out
}

// Outcome is the evaluation of one query.
type Outcome struct {
	Query   Query
	Ranking []string // ids found, best first

	Success    bool     // success@1, if Judged
	Judged     bool     // whether success@1 is judged for the query
	Recall     float64  // see [Recall]
	RR         float64  // reciprocal rank, see [ReciprocalRank]
	Missing    []string // must ids not found
	Violations []string // mustNot ids found
}

// Evaluate computes the outcome of q for ranking.
func Evaluate(q Query, ranking []string) Outcome {
	o := Outcome{
		Query:      q,
		Ranking:    ranking,
		Recall:     Recall(q, ranking),
		RR:         ReciprocalRank(q, ranking),
		Missing:    Missing(q, ranking),
		Violations: Violations(q, ranking),
	}
	o.Success, o.Judged = SuccessAt1(q, ranking)
	return o
}

// Passed reports whether the outcome meets every judgement of its query:
// all must ids found, no mustNot id found, and success at rank 1 where it is
// judged (which, for a query without must ids, means that nothing was found).
func (o Outcome) Passed() bool {
	return len(o.Missing) == 0 && len(o.Violations) == 0 && (o.Success || !o.Judged)
}

// Problems describes how the outcome fails its query, one phrase per
// failed judgement; it is empty if the outcome passed.
func (o Outcome) Problems() []string {
	var out []string
	q := &o.Query
	if len(o.Missing) > 0 {
		out = append(out, fmt.Sprintf("missing %v", o.Missing))
	}
	if len(o.Violations) > 0 {
		out = append(out, fmt.Sprintf("must not find %v", o.Violations))
	}
	if o.Judged && !o.Success {
		switch {
		case len(q.Must) == 0:
			out = append(out, fmt.Sprintf("should find nothing, found %d", len(o.Ranking)))
		case len(o.Ranking) == 0:
			out = append(out, fmt.Sprintf("top: want %s, found nothing", q.Top))
		default:
			out = append(out, fmt.Sprintf("top: want %s, got %s", q.Top, o.Ranking[0]))
		}
	}
	return out
}

// Report is the evaluation of a suite under one configuration.
type Report struct {
	Name     string // the configuration, such as "full" or "baseline"
	Outcomes []Outcome
}

// Run evaluates every query of s with search.
func Run(s *Suite, name string, search Searcher) *Report {
	r := &Report{Name: name, Outcomes: make([]Outcome, len(s.Queries))}
	for i, q := range s.Queries {
		r.Outcomes[i] = Evaluate(q, search(q.Query))
	}
	return r
}

// Failures returns the outcomes that did not pass, in suite order.
func (r *Report) Failures() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if !o.Passed() {
			out = append(out, o)
		}
	}
	return out
}

// Summary returns the metrics over the queries of the given kinds, or over
// all queries if no kind is given.
func (r *Report) Summary(kinds ...Kind) Summary {
	var s Summary
	for i := range r.Outcomes {
		o := &r.Outcomes[i]
		if len(kinds) > 0 && !slices.Contains(kinds, o.Query.Kind) {
			continue
		}
		s.add(o)
	}
	return s
}

// Summary aggregates the outcomes of several queries.
type Summary struct {
	Queries    int     // queries evaluated
	Passed     int     // queries that met all their judgements
	Judged     int     // queries for which success@1 is judged
	Successes  int     // of those, the successes at rank 1
	RecallSum  float64 // sum of the recalls
	RRSum      float64 // sum of the reciprocal ranks
	Violations int     // mustNot ids found, over all queries
}

// add adds the outcome o to s.
func (s *Summary) add(o *Outcome) {
	s.Queries++
	if o.Passed() {
		s.Passed++
	}
	if o.Judged {
		s.Judged++
		if o.Success {
			s.Successes++
		}
	}
	s.RecallSum += o.Recall
	s.RRSum += o.RR
	s.Violations += len(o.Violations)
}

// SuccessAt1 returns the share of successes at rank 1 among the queries for
// which it is judged; ok is false if there are none.
func (s Summary) SuccessAt1() (rate float64, ok bool) {
	if s.Judged == 0 {
		return 0, false
	}
	return float64(s.Successes) / float64(s.Judged), true
}

// Recall returns the mean recall, or 0 if there are no queries.
func (s Summary) Recall() float64 {
	return mean(s.RecallSum, s.Queries)
}

// MRR returns the mean reciprocal rank, or 0 if there are no queries.
func (s Summary) MRR() float64 {
	return mean(s.RRSum, s.Queries)
}

// mean returns sum/n, or 0 if n is 0.
func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// WriteComparison writes a table that compares the metrics of two reports
// of the same suite, per kind and overall: success@1, recall and MRR of a
// and of b and their difference a−b, the violations and the queries passed.
// It is meant for a = the full configuration, b = the baseline.
func WriteComparison(w io.Writer, a, b *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(cells ...string) {
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	row("", "", "success@1", "", "", "recall", "", "", "MRR", "", "", "violations", "", "passed")
	row("kind", "queries", a.Name, b.Name, "Δ", a.Name, b.Name, "Δ", a.Name, b.Name, "Δ", a.Name, b.Name, a.Name, b.Name)
	line := func(label string, kinds ...Kind) {
		sa, sb := a.Summary(kinds...), b.Summary(kinds...)
		s1a, oka := sa.SuccessAt1()
		s1b, okb := sb.SuccessAt1()
		row(label, fmt.Sprint(sa.Queries),
			rate(s1a, oka), rate(s1b, okb), delta(s1a-s1b, oka && okb),
			rate(sa.Recall(), true), rate(sb.Recall(), true), delta(sa.Recall()-sb.Recall(), true),
			rate(sa.MRR(), true), rate(sb.MRR(), true), delta(sa.MRR()-sb.MRR(), true),
			fmt.Sprint(sa.Violations), fmt.Sprint(sb.Violations),
			fmt.Sprintf("%d/%d", sa.Passed, sa.Queries), fmt.Sprintf("%d/%d", sb.Passed, sb.Queries))
	}
	for _, k := range Kinds() {
		if a.Summary(k).Queries+b.Summary(k).Queries > 0 {
			line(string(k), k)
		}
	}
	line("overall")
	return tw.Flush()
}

// rate formats a metric between 0 and 1, or a dash if it is not defined.
func rate(x float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

// delta formats the difference of two metrics, or a dash if it is not
// defined.
func delta(x float64, ok bool) string {
	if !ok {
		return "–"
	}
	if x > -0.005 && x < 0.005 {
		x = 0 // not −0.00
	}
	return fmt.Sprintf("%+.2f", x)
}

// WriteFailures writes the queries of r that failed, with their problems
// and rankings, or a line saying that all passed.
func WriteFailures(w io.Writer, r *Report) error {
	fails := r.Failures()
	if len(fails) == 0 {
		_, err := fmt.Fprintf(w, "%s: all %d queries pass\n", r.Name, len(r.Outcomes))
		return err
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %d of %d queries fail\n", r.Name, len(fails), len(r.Outcomes))
	for _, o := range fails {
		known := ""
		if o.Query.Known != "" {
			known = " (known)"
		}
		fmt.Fprintf(&sb, "  %-9s %q%s: %s\n", o.Query.Kind, o.Query.Query, known, strings.Join(o.Problems(), "; "))
		fmt.Fprintf(&sb, "  %9s ranking %v\n", "", o.Ranking)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
