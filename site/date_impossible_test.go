package site

import (
	"context"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

func TestImpossibleDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, msg, hint string
	}{
		{"2026-02-30", `cannot read date "2026-02-30": February has no 30th day`, "February 2026 has 28 days; write the date you meant as YYYY-MM-DD"},
		{"2026-02-29", `cannot read date "2026-02-29": February 2026 has no 29th day: 2026 is not a leap year`, "February 2026 has 28 days; write the date you meant as YYYY-MM-DD"},
		{"2026-04-31", `cannot read date "2026-04-31": April has no 31st day`, "April 2026 has 30 days; write the date you meant as YYYY-MM-DD"},
		{"2026-06-32T10:00:00Z", `cannot read date "2026-06-32T10:00:00Z": June has no 32nd day`, "June 2026 has 30 days; write the date you meant as YYYY-MM-DD"},
		{"2026-01-00", `cannot read date "2026-01-00": days start at 01`, "January 2026 has 31 days; write the date you meant as YYYY-MM-DD"},
		{"2024-13-45", `cannot read date "2024-13-45": there is no month 13; months go from 01 to 12`, "write dates as YYYY-MM-DD: the year, then the month, then the day, for example 2026-03-01 for 1 March 2026"},
		{"2026-31-01", `cannot read date "2026-31-01": there is no month 31; months go from 01 to 12`, "write dates as YYYY-MM-DD: the year, then the month, then the day, for example 2026-03-01 for 1 March 2026"},
		{"someday", `cannot read date "someday"`, dateHint},
		{"2026-2-3", `cannot read date "2026-2-3"`, dateHint},
		{"2026-02-28T25:00:00Z", `cannot read date "2026-02-28T25:00:00Z"`, dateHint}, // the day exists; the time does not
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.text)
		if err == nil || err.Error() != tt.msg || dateHintFor(err) != tt.hint {
			t.Errorf("ParseDate(%q): %v, hint %q\nwant %s, hint %q", tt.text, err, dateHintFor(err), tt.msg, tt.hint)
		}
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d.ISO() != "2024-02-29" {
		t.Errorf("a leap day: %v %v", d, err)
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 31: "31st", 32: "32nd"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestImpossibleDateInBuild checks the message and hint a writer sees.
func TestImpossibleDateInBuild(t *testing.T) {
	t.Parallel()
	_, err := BuildContext(context.Background(), Options{Source: newSite(t, map[string]string{
		"content/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-02-30\n---\n\nText.\n",
	}), Destination: t.TempDir() + "/out", Theme: clause.Theme})
	want := "content/privacy.md:3: last_revised: cannot read date \"2026-02-30\": February has no 30th day\n" +
		"\thint: February 2026 has 28 days; write the date you meant as YYYY-MM-DD"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
