package app

import (
	"slices"
	"time"

	"chronik/embed"
	"chronik/search"
)

// facets knows, for each filter value, which articles it selects, so that
// filtering and counting the chips costs no search.
type facets struct {
	sources []string // the chronicle's sources, most articles first
	actors  []string
	source  []int    // per article: index into sources, or -1
	about   [][]bool // per actor: per article, whether it is about the actor
}

// newFacets prepares the filters of b. An article is about an actor when
// a search for the actor's name finds it as a word or compound part; typo
// matches do not count.
func newFacets(b *embed.Bundle) *facets {
	c := b.Chronicle
	f := &facets{sources: Sources(c), actors: c.Actors, source: make([]int, len(c.Articles))}
	for i, a := range c.Articles {
		f.source[i] = slices.Index(f.sources, a.Source)
	}
	opt := search.Options{Compounds: true, Lazy: true}
	for _, name := range c.Actors {
		about := make([]bool, len(c.Articles))
		for _, h := range b.Index.SearchOptions(name, b.Docs, opt).Hits {
			about[h.Doc] = true
		}
		f.about = append(f.about, about)
	}
	return f
}

// filter is a group of chips or the date range; an article must pass every
// group, and within a group of chips any selected value.
type filter int

const (
	bySource filter = iota
	byActor
	byDate
	numFilters
)

// selection is a view's filters resolved against the facets.
type selection struct {
	f        *facets
	sources  []bool // per source: selected
	actors   []bool // per actor: selected
	anySrc   bool
	anyActor bool
	from, to int // day keys; 0 and maxDay when open
}

// maxDay is a day key after every date.
const maxDay = 99999999

// selected resolves v's filters.
func (f *facets) selected(v View) selection {
	s := selection{f: f, sources: make([]bool, len(f.sources)), actors: make([]bool, len(f.actors)), to: maxDay}
	for i, src := range f.sources {
		s.sources[i] = slices.Contains(v.Sources, src)
		s.anySrc = s.anySrc || s.sources[i]
	}
	for i, a := range f.actors {
		s.actors[i] = slices.Contains(v.Actors, a)
		s.anyActor = s.anyActor || s.actors[i]
	}
	if v.From != (embed.Date{}) {
		s.from = firstDay(v.From)
	}
	if v.To != (embed.Date{}) {
		s.to = lastDay(v.To)
	}
	return s
}

// passes reports whether article doc with date d passes every filter
// group except skip (numFilters skips none).
func (s selection) passes(doc int, d embed.Date, skip filter) bool {
	if skip != bySource && s.anySrc {
		if i := s.f.source[doc]; i < 0 || !s.sources[i] {
			return false
		}
	}
	if skip != byActor && s.anyActor {
		about := false
		for i, sel := range s.actors {
			if sel && s.f.about[i][doc] {
				about = true
				break
			}
		}
		if !about {
			return false
		}
	}
	// A month-only date passes when its month overlaps the range.
	if skip != byDate && (lastDay(d) < s.from || firstDay(d) > s.to) {
		return false
	}
	return true
}

// counts returns, for each source and each actor, how many of the hits
// would be shown with that chip selected in addition to the other groups'
// filters: the number on the chip.
func (s selection) counts(hits []search.Hit, arts []embed.Article) (sources, actors []int) {
	sources = make([]int, len(s.f.sources))
	actors = make([]int, len(s.f.actors))
	for _, h := range hits {
		d := arts[h.Doc].Date
		if s.passes(h.Doc, d, bySource) {
			if i := s.f.source[h.Doc]; i >= 0 {
				sources[i]++
			}
		}
		if s.passes(h.Doc, d, byActor) {
			for i := range s.f.actors {
				if s.f.about[i][h.Doc] {
					actors[i]++
				}
			}
		}
	}
	return sources, actors
}

// firstDay and lastDay are the day keys (YYYYMMDD) of the first and last
// day a date covers: a month-only date covers its whole month.
func firstDay(d embed.Date) int {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return d.Year*10000 + int(d.Month)*100 + day
}

func lastDay(d embed.Date) int {
	day := d.Day
	if day == 0 {
		day = time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	return d.Year*10000 + int(d.Month)*100 + day
}

// arrange filters hits and puts them in the view's order.
func arrange(hits []search.Hit, arts []embed.Article, s selection, order Sort) []search.Hit {
	out := make([]search.Hit, 0, len(hits))
	if order == Relevance {
		for _, h := range hits {
			if s.passes(h.Doc, arts[h.Doc].Date, numFilters) {
				out = append(out, h)
			}
		}
		return out
	}
	// The articles are in date order, so date order is document order: a
	// pass over the documents puts the hits in it, in linear time and
	// without a sort (whose instance for Hit would add 20 KB to the WASM).
	at := make([]int32, len(arts)) // per document: 1 + its hit's index, or 0
	for i, h := range hits {
		if h.Doc >= 0 && h.Doc < len(arts) && s.passes(h.Doc, arts[h.Doc].Date, numFilters) {
			at[h.Doc] = int32(i + 1)
		}
	}
	for k := range at {
		d := k
		if order == Newest {
			d = len(at) - 1 - k
		}
		if at[d] > 0 {
			out = append(out, hits[at[d]-1])
		}
	}
	return out
}

// month is a heading of the timeline: the hits of one calendar month.
type month struct {
	year  int
	month time.Month
	hits  []search.Hit
}

// byMonth groups hits, already in date order, by calendar month.
func byMonth(hits []search.Hit, arts []embed.Article) []month {
	var out []month
	for _, h := range hits {
		d := arts[h.Doc].Date
		if n := len(out); n > 0 && out[n-1].year == d.Year && out[n-1].month == d.Month {
			out[n-1].hits = append(out[n-1].hits, h)
			continue
		}
		out = append(out, month{year: d.Year, month: d.Month, hits: []search.Hit{h}})
	}
	return out
}
