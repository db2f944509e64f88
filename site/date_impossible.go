package site

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// impossibleDateError is a date written in the right form that does not
// exist, such as 2026-02-30. Its message says why in words, after the
// text: cannot read date "2026-02-30": February has no 30th day.
type impossibleDateError struct {
	text   string
	reason string
	hint   string
}

func (e *impossibleDateError) Error() string {
	return fmt.Sprintf("cannot read date %q: %s", e.text, e.reason)
}

// isoPrefix is a date's YYYY-MM-DD part, alone or before a time.
var isoPrefix = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])`)

// impossibleDate explains why s, which ParseDate could not read, is no
// date although it is written as YYYY-MM-DD; it returns nil when s is
// not written that way or the date part exists.
func impossibleDate(s string) *impossibleDateError {
	m := isoPrefix.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	e := &impossibleDateError{text: s}
	if month < 1 || month > 12 {
		e.reason = fmt.Sprintf("there is no month %s; months go from 01 to 12", m[2])
		e.hint = "write dates as YYYY-MM-DD: the year, then the month, then the day, for example 2026-03-01 for 1 March 2026"
		return e
	}
	name := time.Month(month).String()
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	switch {
	case day < 1:
		e.reason = "days start at 01"
	case day > days && month == 2 && day == 29:
		e.reason = fmt.Sprintf("February %d has no 29th day: %d is not a leap year", year, year)
	case day > days:
		e.reason = fmt.Sprintf("%s has no %s day", name, ordinal(day))
	default:
		return nil
	}
	e.hint = fmt.Sprintf("%s %d has %d days; write the date you meant as YYYY-MM-DD", name, year, days)
	return e
}

// ordinal writes 1 as 1st, 22 as 22nd, 13 as 13th.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// dateHintFor returns the hint for an error of ParseDate: what is wrong
// with an impossible date, else which forms are accepted.
func dateHintFor(err error) string {
	var ie *impossibleDateError
	if errors.As(err, &ie) {
		return ie.hint
	}
	return dateHint
}
