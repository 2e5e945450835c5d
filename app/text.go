package app

import (
	"fmt"
	"time"

	"chronik/embed"
)

// Text holds every string the widget shows a reader, so that another
// language is one more value of this type and no string hides in the
// rendering code.
type Text struct {
	Lang          string // the page's lang attribute
	NoChronicle   string
	SearchRegion  string // accessible name of the search form
	SearchLabel   string
	Placeholder   string
	NoResults     [2]string // before and after the query: „…“
	DidYouMean    [2]string // before and after the suggestions
	Or            string    // between the last two suggestions
	ReadMore      string
	ReadLess      string
	Original      string
	Loading       string // go-app's loading label; {progress} is the percentage
	Date          func(embed.Date) string
	DateSpan      func(first, last embed.Date) string
	Count         func(shown, total int, searching bool) string
	KeyboardHints string // read by screen readers with the search field

	Month         func(year int, m time.Month) string // a timeline heading
	ByRelevance   string                              // heading of the results sorted by relevance
	Filters       string                              // accessible name of the filter controls
	Sources       string                              // legend of the source chips
	Actors        string                              // legend of the actor chips
	ChipCount     [2]string                           // around a chip's count, read only by screen readers
	Period        string                              // legend of the date range
	From, To      string                              // labels of its two fields
	SortLabel     string
	Sorts         map[Sort]string // the names of the orders
	ResetFilters  string
	NoFilterMatch string // the empty state when only filters narrow
	// ShowMore labels the button under a long list: the next n of rest.
	ShowMore func(n, rest int) string
}

// German returns the widget's German text.
func German() Text {
	return Text{
		Lang:          "de",
		NoChronicle:   "Keine Chronik geladen.",
		SearchRegion:  "Artikel durchsuchen",
		SearchLabel:   "Suche in der Chronik",
		Placeholder:   "z. B. Oracle, Übernahme, Trump",
		NoResults:     [2]string{"Keine Artikel gefunden für „", "“. Versuchen Sie einen anderen Suchbegriff."},
		DidYouMean:    [2]string{"Meinten Sie ", "?"},
		Or:            " oder ",
		ReadMore:      "Weiterlesen",
		ReadLess:      "Weniger anzeigen",
		Original:      "Zum Original ↗",
		Loading:       "Suche wird geladen … {progress} %",
		Date:          GermanDate,
		DateSpan:      DateSpan,
		Count:         Count,
		KeyboardHints: "Taste / springt in die Suche, Esc leert sie.",
		Month:         GermanMonth,
		ByRelevance:   "Treffer nach Relevanz",
		Filters:       "Filter und Sortierung",
		Sources:       "Quelle",
		Actors:        "Akteure",
		ChipCount:     [2]string{", ", " Artikel"},
		Period:        "Zeitraum",
		From:          "von",
		To:            "bis",
		SortLabel:     "Sortierung",
		Sorts: map[Sort]string{
			Chronological: "Chronologisch",
			Newest:        "Neueste zuerst",
			Relevance:     "Relevanz",
		},
		ResetFilters:  "Filter zurücksetzen",
		NoFilterMatch: "Keine Artikel passen zu den gewählten Filtern.",
		ShowMore: func(n, rest int) string {
			switch {
			case rest == 1:
				return "Den letzten Artikel anzeigen"
			case n == rest:
				return fmt.Sprintf("Die letzten %d Artikel anzeigen", rest)
			}
			return fmt.Sprintf("%d weitere anzeigen (noch %d)", n, rest)
		},
	}
}
