package embed

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date whose day may be unknown (Day == 0).
//
// News reports are sometimes only known to belong to a month, so a Date
// is either a full date such as 2020-08-03 or a month-only date such as
// 2020-08. It has no time zone: it names a day on the publisher's
// calendar, not an instant. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int // 1–31, or 0 when only the month is known
}

// ParseDate parses a date written as YYYY-MM-DD, or as YYYY-MM when only
// the month is known. It accepts only real calendar dates with a year
// between 1000 and 9999, so that typos such as 2020-02-30 fail loudly.
func ParseDate(s string) (Date, error) {
	if (len(s) != len("2006-01") && len(s) != len("2006-01-02")) ||
		s[4] != '-' || (len(s) == 10 && s[7] != '-') {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD, or YYYY-MM when the day is unknown", s)
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := 0, true
	if len(s) == 10 {
		day, ok3 = digits(s[8:10])
	}
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD, or YYYY-MM when the day is unknown", s)
	}
	d := Date{Year: year, Month: time.Month(month), Day: day}
	if len(s) == 10 && day == 0 {
		return Date{}, fmt.Errorf("invalid date %q: day 00 does not exist (write YYYY-MM when the day is unknown)", s)
	}
	if err := d.check(); err != nil {
		return Date{}, fmt.Errorf("invalid date %q: %w", s, err)
	}
	return d, nil
}

// digits converts a string of ASCII digits to an int. Unlike
// strconv.Atoi it rejects signs, so "+1" is not a month.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// check reports whether d is a real calendar date (or month) in the
// supported year range.
func (d Date) check() error {
	switch {
	case d.Year < 1000 || d.Year > 9999:
		return fmt.Errorf("year %d is outside 1000–9999", d.Year)
	case d.Month < time.January || d.Month > time.December:
		return fmt.Errorf("month %d does not exist", int(d.Month))
	case d.Day < 0:
		return fmt.Errorf("day %d does not exist", d.Day)
	}
	// Day 0 of the next month is the last day of this one.
	if last := time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day(); d.Day > last {
		return fmt.Errorf("%s %d has only %d days", d.Month, d.Year, last)
	}
	return nil
}

// String formats d as "2020-08-03", or as "2020-08" when the day is
// unknown. The zero Date formats as "".
func (d Date) String() string {
	switch {
	case d == Date{}:
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// Compare returns -1, 0 or +1 as d sorts before, equal to or after o.
//
// Dates sort chronologically. A month-only date sorts after every full
// date of the same month: a report known only by its month is usually a
// summary of that month, so it belongs at the month's end.
func (d Date) Compare(o Date) int {
	return cmp.Or(
		cmp.Compare(d.Year, o.Year),
		cmp.Compare(d.Month, o.Month),
		cmp.Compare(d.sortDay(), o.sortDay()),
	)
}

// sortDay places an unknown day after the last possible day of a month.
func (d Date) sortDay() int {
	if d.Day == 0 {
		return 32
	}
	return d.Day
}

// Before reports whether d sorts strictly before o in chronological
// order; see Compare for where month-only dates go.
func (d Date) Before(o Date) bool {
	return d.Compare(o) < 0
}

// MarshalText implements encoding.TextMarshaler, so that dates appear in
// JSON as "2020-08-03" or "2020-08". The zero Date marshals as "";
// any other invalid date is an error rather than silently bad output.
func (d Date) MarshalText() ([]byte, error) {
	if d == (Date{}) {
		return []byte{}, nil
	}
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("marshaling date %04d-%02d-%02d: %w", d.Year, int(d.Month), d.Day, err)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// MarshalText produces, using the same rules as ParseDate.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
