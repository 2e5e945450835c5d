package embed

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecChronicle has every field set, empty strings, a month-only date,
// umlauts and a long body.
func codecChronicle() *Chronicle {
	return &Chronicle{
		Title:       "Tiktok-Chronik",
		Description: "Fünf Artikel über Übernahmepläne.",
		Actors:      []string{"Microsoft", "Oracle"},
		Articles: []Article{
			{ID: "a", Date: Date{2020, time.August, 3}, Title: "Microsoft verhandelt", Kicker: "Übernahme",
				Source: "nd", Author: "Eine Autorin", URL: "https://example.org/a?x=1&y=2", Body: "Erster Absatz.\n\n## Zwischentitel\n\nZweiter Absatz."},
			{ID: "b", Date: Date{2020, time.September, 0}, Title: "Nur der Monat", Body: strings.Repeat("Straße ", 2000)},
			{ID: "c", Date: Date{9999, time.December, 31}, Title: "Leer"},
			{ID: "d", Title: "Ohne Datum"},
		},
	}
}

func TestChronicleRoundTripsThroughItsEncoding(t *testing.T) {
	for _, c := range []*Chronicle{codecChronicle(), {Title: "Ohne Artikel", Articles: []Article{}}} {
		got, err := UnmarshalChronicle(string(MarshalChronicle(c)))
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
}

func TestChronicleEncodingIsDeterministic(t *testing.T) {
	assert.Equal(t, MarshalChronicle(codecChronicle()), MarshalChronicle(codecChronicle()))
}

func TestDamagedChronicleFailsWithAnErrorNotAPanic(t *testing.T) {
	good := string(MarshalChronicle(codecChronicle()))
	// Every truncation.
	for n := range len(good) {
		_, err := UnmarshalChronicle(good[:n])
		require.Error(t, err, "truncated to %d bytes", n)
	}
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "not an encoded chronicle"},
		{"JSON", `{"title":"x"}`, "not an encoded chronicle"},
		{"other version", "chrk\x02", "unsupported version 2"},
		{"trailing bytes", good + "x", "bytes after the last article"},
		{"huge string", "chrk\x01\xff\xff\xff\xff\x0f", "a string of"},
		{"huge count", "chrk\x01\x00\x00\xff\xff\xff\xff\x0f", "cannot fit"},
		{"overlong varint", "chrk\x01" + strings.Repeat("\xff", 11), "varint overflows"},
		{"not UTF-8", "chrk\x01\x02\xff\xfe", "not UTF-8"},
		{"month 13", "chrk\x01\x00\x00\x00\x01\x01a\xe4\x0f\x0d\x01" + strings.Repeat("\x00", 6), "invalid date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := UnmarshalChronicle(tt.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func FuzzUnmarshalChronicle(f *testing.F) {
	f.Add(string(MarshalChronicle(codecChronicle())))
	f.Add("chrk\x01")
	f.Fuzz(func(t *testing.T, data string) {
		c, err := UnmarshalChronicle(data)
		if err != nil {
			return
		}
		// What decodes survives a round trip.
		again, err := UnmarshalChronicle(string(MarshalChronicle(c)))
		require.NoError(t, err)
		assert.Equal(t, c, again)
	})
}
