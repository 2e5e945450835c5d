package app

import (
	"fmt"
	"time"

	"chronik/embed"
)

// monthNames are the German month names, indexed by time.Month.
var monthNames = [...]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni",
	"Juli", "August", "September", "Oktober", "November", "Dezember"}

// GermanDate formats d the way a German reader expects it: "3. August 2020",
// or "August 2020" when only the month is known.
func GermanDate(d embed.Date) string {
	m := ""
	if d.Month >= time.January && d.Month <= time.December {
		m = monthNames[d.Month]
	}
	if d.Day == 0 {
		return fmt.Sprintf("%s %d", m, d.Year)
	}
	return fmt.Sprintf("%d. %s %d", d.Day, m, d.Year)
}

// DateSpan describes the time a chronicle covers, for its header:
// "3. August – 14. September 2020", or a single date when all are equal.
func DateSpan(first, last embed.Date) string {
	a, b := GermanDate(first), GermanDate(last)
	switch {
	case a == b:
		return a
	case first.Year == last.Year && first.Day != 0:
		// Drop the repeated year from the first date: "3. August – 14. September 2020".
		return fmt.Sprintf("%d. %s – %s", first.Day, monthNames[first.Month], b)
	case first.Year == last.Year:
		return fmt.Sprintf("%s – %s", monthNames[first.Month], b)
	}
	return a + " – " + b
}

// Count phrases the number of shown articles for the live region:
// "5 Artikel" without a query, "2 von 5 Artikeln" with one.
func Count(shown, total int, searching bool) string {
	if !searching {
		return fmt.Sprintf("%d Artikel", total)
	}
	if total == 1 {
		return fmt.Sprintf("%d von 1 Artikel", shown)
	}
	return fmt.Sprintf("%d von %d Artikeln", shown, total)
}

// GermanMonth names a month of the timeline: "August 2020".
func GermanMonth(year int, m time.Month) string {
	return GermanDate(embed.Date{Year: year, Month: m})
}
