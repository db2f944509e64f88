package site

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date or instant from front matter. The zero Date
// means "not set". Templates call its methods: .IsZero, .ISO, .Human.
type Date struct {
	t time.Time
}

// newDate wraps t as a Date.
func newDate(t time.Time) Date { return Date{t: t} }

// dateLayouts are the accepted spellings, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// minYear is the first year a date may have. An earlier one is a typo
// (0226 for 2026) or a placeholder: 0001-01-01 is how Go and Hugo write
// "no date", and would otherwise read as unset.
const minYear = 1900

// ParseDate reads YYYY-MM-DD, RFC 3339 and the timestamp forms YAML
// allows, from the year 1900 on. For a date written in that form that
// does not exist, the error says why (see impossibleDate); dateHintFor
// gives the hint to show with any of its errors.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if err := checkYear(s, t); err != nil {
				return Date{}, err
			}
			return Date{t: t}, nil
		}
	}
	if e := impossibleDate(s); e != nil {
		return Date{}, e
	}
	return Date{}, fmt.Errorf("cannot read date %q", s)
}

// checkYear refuses a date before minYear; text is the date as written.
func checkYear(text string, t time.Time) error {
	if t.Year() < minYear {
		return fmt.Errorf("date %q is before %d, which clause does not read as a policy date", text, minYear)
	}
	return nil
}

// dateHint tells writers which forms are accepted.
const dateHint = "write dates as YYYY-MM-DD, for example 2026-03-01, or as RFC 3339 (2026-03-01T09:00:00Z)"

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the date as a time.Time.
func (d Date) Time() time.Time { return d.t }

// ISO returns the date as YYYY-MM-DD, or "" when unset.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Human returns the date as "1 March 2026", or "" when unset.
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// RFC3339 returns the instant as RFC 3339 in UTC, or "" when unset.
func (d Date) RFC3339() string {
	if d.IsZero() {
		return ""
	}
	return d.t.UTC().Format(time.RFC3339)
}

// String returns the ISO form.
func (d Date) String() string { return d.ISO() }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Equal reports whether d and e are the same instant.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

// MarshalText writes the ISO form, so Dates print as YYYY-MM-DD in JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }
