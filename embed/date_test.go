package embed

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateAcceptsCalendarDates(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2020-08-03", Date{2020, time.August, 3}},
		{"2020-08", Date{Year: 2020, Month: time.August}},
		{"2020-02-29", Date{2020, time.February, 29}},
		{"2000-02-29", Date{2000, time.February, 29}},
		{"2020-12-31", Date{2020, time.December, 31}},
		{"1000-01-01", Date{1000, time.January, 1}},
		{"9999-12", Date{Year: 9999, Month: time.December}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
			assert.Equal(t, tt.in, d.String(), "String gives back the input")
		})
	}
}

func TestParseDateRejectsInvalidDates(t *testing.T) {
	tests := []struct {
		in     string
		reason string
	}{
		{"", "want YYYY-MM-DD"},
		{"2020", "want YYYY-MM-DD"},
		{"August 2020", "want YYYY-MM-DD"},
		{"3. August 2020", "want YYYY-MM-DD"},
		{"03.08.2020", "want YYYY-MM-DD"},
		{"2020/08/03", "want YYYY-MM-DD"},
		{"2020-8-3", "want YYYY-MM-DD"},
		{"2020-08-3", "want YYYY-MM-DD"},
		{" 2020-08-03", "want YYYY-MM-DD"},
		{"2020-08-03T10:00", "want YYYY-MM-DD"},
		{"+020-08-03", "want YYYY-MM-DD"},
		{"2020-+8-03", "want YYYY-MM-DD"},
		{"２０２０-08-03", "want YYYY-MM-DD"},
		{"2020-13-01", "month 13 does not exist"},
		{"2020-00", "month 0 does not exist"},
		{"2020-02-30", "February 2020 has only 29 days"},
		{"2021-02-29", "February 2021 has only 28 days"},
		{"1900-02-29", "February 1900 has only 28 days"},
		{"2020-04-31", "April 2020 has only 30 days"},
		{"2020-08-32", "August 2020 has only 31 days"},
		{"2020-08-00", "day 00 does not exist"},
		{"0999-12-31", "year 999 is outside 1000–9999"},
		{"0000-01", "year 0 is outside 1000–9999"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			require.Error(t, err)
			assert.Equal(t, Date{}, d)
			assert.Contains(t, err.Error(), tt.reason)
		})
	}
}

func TestDateSortsMonthOnlyAfterTheMonthsDays(t *testing.T) {
	want := []Date{
		{Year: 2019, Month: time.December},
		{2020, time.July, 31},
		{Year: 2020, Month: time.July},
		{2020, time.August, 1},
		{2020, time.August, 3},
		{2020, time.August, 31},
		{Year: 2020, Month: time.August},
		{2020, time.September, 1},
		{2021, time.January, 1},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, Date.Compare)
	assert.Equal(t, want, got)

	for i := range want {
		assert.Equal(t, 0, want[i].Compare(want[i]))
		assert.False(t, want[i].Before(want[i]), "%v is not before itself", want[i])
		for j := i + 1; j < len(want); j++ {
			assert.True(t, want[i].Before(want[j]), "%v before %v", want[i], want[j])
			assert.False(t, want[j].Before(want[i]), "%v not before %v", want[j], want[i])
		}
	}
}

func TestDateTextRoundTrip(t *testing.T) {
	for _, s := range []string{"2020-08-03", "2020-08", "2020-02-29", "1989-11-09", "1990-10"} {
		t.Run(s, func(t *testing.T) {
			d, err := ParseDate(s)
			require.NoError(t, err)
			text, err := d.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, s, string(text))

			var back Date
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, d, back)
		})
	}
}

func TestDateJSON(t *testing.T) {
	t.Run("full and month-only dates are JSON strings", func(t *testing.T) {
		b, err := json.Marshal([]Date{{2020, time.August, 3}, {Year: 2020, Month: time.August}})
		require.NoError(t, err)
		assert.JSONEq(t, `["2020-08-03", "2020-08"]`, string(b))

		var back []Date
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, []Date{{2020, time.August, 3}, {Year: 2020, Month: time.August}}, back)
	})
	t.Run("zero date is the empty string", func(t *testing.T) {
		b, err := json.Marshal(Date{})
		require.NoError(t, err)
		assert.Equal(t, `""`, string(b))
		assert.Equal(t, "", Date{}.String())

		d := Date{2020, time.August, 3}
		require.NoError(t, json.Unmarshal([]byte(`""`), &d))
		assert.Equal(t, Date{}, d)
	})
	t.Run("invalid date does not marshal", func(t *testing.T) {
		_, err := json.Marshal(Date{2020, time.February, 30})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "February 2020 has only 29 days")
	})
	t.Run("negative day does not marshal", func(t *testing.T) {
		_, err := Date{2020, time.August, -1}.MarshalText()
		require.Error(t, err)
		assert.Contains(t, err.Error(), "day -1 does not exist")
	})
	t.Run("invalid text does not unmarshal", func(t *testing.T) {
		var d Date
		err := json.Unmarshal([]byte(`"3. August 2020"`), &d)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "want YYYY-MM-DD")
	})
}
