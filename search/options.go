package search

// Options select the query features of [Index.SearchOptions]. The zero
// value is the baseline: stemming and prefix matching only. Phrases and
// exclusion are query syntax and work with every Options value.
type Options struct {
	// Compounds enables compound parts: a term also finds the compounds
	// that contain it ("Schutz" finds "Datenschutz"), ranked below
	// whole-word matches, and a compound query also finds its parts written
	// separately at consecutive positions ("Wahlkampfveranstaltung" finds
	// "Wahlkampf Veranstaltung").
	Compounds bool
	// Typos enables Damerau–Levenshtein typo tolerance for terms that match
	// nothing otherwise ("Mircosoft" finds "Microsoft"); typo matches rank
	// below all other matches.
	Typos bool
	// Limit is the most hits returned and highlighted; <= 0 means all.
	// Result.Total still counts every matching document.
	Limit int
	// Lazy leaves Hits' Marks nil; fill them in for the hits you
	// show with Result.Highlight. Highlighting dominates the cost of a query
	// with many hits, while a UI needs every hit for counts and sorting but
	// shows only a few.
	Lazy bool
}

// DefaultOptions returns the options that [Index.Search] and
// [Index.SearchN] use: every feature on, no limit.
func DefaultOptions() Options {
	return Options{Compounds: true, Typos: true}
}
