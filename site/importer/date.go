package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The reasons ParseDate gives for a date it cannot read; test for them
// with errors.Is.
var (
	ErrNoDay      = errors.New("it has no day")
	ErrAmbiguous  = errors.New("it is ambiguous")
	ErrUnreadable = errors.New("it is not a date clause can read")
)

// DateError is a typed date that could not be read.
type DateError struct {
	Text   string // the date as written
	Reason error  // ErrNoDay, ErrAmbiguous or ErrUnreadable
	Detail string // for ambiguous dates, the readings, e.g. "1 May 2024 or 5 January 2024"
}

// Error describes the problem in a sentence.
func (e *DateError) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("cannot read date %q: %v (%s)", e.Text, e.Reason, e.Detail)
	}
	return fmt.Sprintf("cannot read date %q: %v", e.Text, e.Reason)
}

// Unwrap returns the reason, for errors.Is.
func (e *DateError) Unwrap() error { return e.Reason }

// DateField tells which front matter key a typed date belongs to.
type DateField string

// The front matter keys a hand-typed date line corresponds to.
const (
	LastRevised DateField = "last_revised"
	Effective   DateField = "effective"
)

// dateLine matches "Last updated: …", "**Last Revised:** …", "_Effective
// date: …_" and their variants at the start of a line, also in a heading,
// a quote or a list item. The label needs a colon (or "on", "as of",
// "from") so that prose such as "Effective immediately, …" is not read as
// a date.
var dateLine = regexp.MustCompile(`(?i)^(?:\s*\d{1,3}[.)]\s)?[\s>#*_+-]*(last[\s-]+(?:updated|revised|modified)|effective(?:\s+date)?)\s*[*_]*\s*(?::|\s+on\b|\s+as\s+of\b|\s+from\b)\s*[*_]*\s*:?\s*[*_]*\s*(.*?)[\s*_]*$`)

// DateLine reports whether line types a date by hand, and returns the
// front matter key it corresponds to and the date text as written.
func DateLine(line string) (field DateField, value string, ok bool) {
	m := dateLine.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	value = strings.TrimRight(m[2], " .")
	if len(value) > 40 || len(strings.Fields(value)) > 6 {
		return "", "", false // prose that starts with the label, such as a definition
	}
	return fieldOf(m[1]), value, true
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})$`)
	ordinal     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b`)
	weekday     = regexp.MustCompile(`(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+`)
)

// ParseDate reads a date as people type it: "January 5, 2024", "Jan. 5th
// 2024", "5 January 2024", "Monday, 5 January 2024", "2024-01-05",
// "2024/01/05", "05.01.2024" (day first) and "01/05/2024". A slashed or
// dashed numeric date is ambiguous unless one of its numbers is above 12
// or both are equal. The error is a *DateError.
func ParseDate(s string) (time.Time, error) {
	text := strings.TrimSpace(s)
	norm := normalizeDate(text)
	if t, err := time.Parse(time.RFC3339, norm); err == nil {
		return t, nil
	}
	if m := isoDate.FindStringSubmatch(norm); m != nil {
		return makeDate(text, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := numericDate.FindStringSubmatch(norm); m != nil {
		return numericDMY(text, atoi(m[1]), m[2], atoi(m[3]), atoi(m[4]))
	}
	return wordDate(text, strings.Fields(norm))
}

// normalizeDate drops a weekday, ordinal suffixes and punctuation that
// does not separate numbers.
func normalizeDate(s string) string {
	s = weekday.ReplaceAllString(strings.TrimRight(s, ". "), "")
	s = ordinal.ReplaceAllString(s, "$1")
	s = strings.NewReplacer(",", " ", " of ", " ").Replace(s)
	fields := strings.Fields(s)
	for i, f := range fields {
		if strings.HasSuffix(f, ".") && !strings.ContainsAny(f[:len(f)-1], ".0123456789") {
			fields[i] = f[:len(f)-1] // "Jan." → "Jan"
		}
	}
	return strings.Join(fields, " ")
}

// numericDMY reads dd/mm/yyyy or mm/dd/yyyy; dotted dates are day first.
func numericDMY(text string, a int, sep string, b, year int) (time.Time, error) {
	switch {
	case sep == "." || a > 12 || a == b:
		return makeDate(text, year, b, a)
	case b > 12:
		return makeDate(text, year, a, b)
	}
	first, _ := makeDate(text, year, a, b)
	second, _ := makeDate(text, year, b, a)
	return time.Time{}, &DateError{Text: text, Reason: ErrAmbiguous,
		Detail: first.Format("2 January 2006") + " or " + second.Format("2 January 2006")}
}

// wordDate reads "January 5 2024" and "5 January 2024" (already without
// commas and ordinals).
func wordDate(text string, f []string) (time.Time, error) {
	unreadable := &DateError{Text: text, Reason: ErrUnreadable}
	switch len(f) {
	case 2:
		if _, ok := months[strings.ToLower(f[0])]; ok && isYear(f[1]) {
			return time.Time{}, &DateError{Text: text, Reason: ErrNoDay}
		}
	case 3:
		if m, ok := months[strings.ToLower(f[0])]; ok && isYear(f[2]) {
			return makeDate(text, atoi(f[2]), int(m), atoiStrict(f[1]))
		}
		if m, ok := months[strings.ToLower(f[1])]; ok && isYear(f[2]) {
			return makeDate(text, atoi(f[2]), int(m), atoiStrict(f[0]))
		}
	}
	return time.Time{}, unreadable
}

// makeDate returns the date, or an error when no such day exists.
func makeDate(text string, y, m, d int) (time.Time, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, &DateError{Text: text, Reason: ErrUnreadable}
	}
	return t, nil
}

func isYear(s string) bool { return len(s) == 4 && atoiStrict(s) > 0 }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// atoiStrict returns -1 for anything but a number.
func atoiStrict(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// bareDateLine matches a date label followed by its value with no colon,
// or with other separators: "Effective May 4, 2026", "Last updated 2 June
// 2025", "Last updated on: 2 June 2025", "Last updated – 2 June 2025".
var bareDateLine = regexp.MustCompile(`(?i)^(?:\s*\d{1,3}[.)]\s)?[\s>#*_+-]*(last[\s-]+(?:updated|revised|modified)|effective(?:\s+date)?)(?:\s+(?:on|as\s+of|from)\b)?[\s*_:–—-]+(.*?)[\s*_.]*$`)

// BareDateLine is DateLine for a label without a colon. Since the label
// may run into prose, it matches only when the rest of the line reads as
// a date, whole or month and year: "Effective immediately, …" does not
// match.
func BareDateLine(line string) (field DateField, value string, ok bool) {
	m := bareDateLine.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	value = m[2]
	if _, err := ParseDate(value); err != nil {
		if _, ok := ParseMonthYear(value); !ok {
			return "", "", false
		}
	}
	return fieldOf(m[1]), value, true
}

// anyDateLine reads a date line with a colon (DateLine) or without one
// (BareDateLine), as clause's reading of dates in a page's text does.
func anyDateLine(line string) (field DateField, value string, ok bool) {
	if field, value, ok = DateLine(line); ok {
		return field, value, true
	}
	return BareDateLine(line)
}

// dateSeparator splits a line that joins date lines: " | ", " · ", " • ",
// " – ", " — " and " - ".
var dateSeparator = regexp.MustCompile(`\s+[|·•–—-]\s+`)

// splitDateLine splits a line that joins date lines of different kinds
// with a separator, "Last updated: March 1, 2025 | Effective: April 1,
// 2025", into those date lines. It returns nil for any other line.
func splitDateLine(line string) []string {
	parts := dateSeparator.Split(line, -1)
	if len(parts) < 2 {
		return nil
	}
	kinds := map[DateField]bool{}
	for _, p := range parts {
		field, _, ok := anyDateLine(p)
		if !ok || kinds[field] {
			return nil
		}
		kinds[field] = true
	}
	return parts
}

// fieldOf returns the front matter key a date label stands for.
func fieldOf(label string) DateField {
	if strings.HasPrefix(strings.ToLower(label), "effective") {
		return Effective
	}
	return LastRevised
}

// dateKind finds the first word that says which date a text names.
var dateKind = regexp.MustCompile(`(?i)\b(effective|updated|revised|modified)\b`)

// DateKind tells which date a line of text names, when a machine-readable
// date (a kramdown datetime attribute) gives the date itself: Effective
// when the text says "effective", LastRevised when it says "updated",
// "revised" or "modified", whichever comes first.
func DateKind(text string) (DateField, bool) {
	m := dateKind.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return fieldOf(m[1]), true
}

// monthYear matches a month and a year with nothing between them but an
// optional period and comma: "June 2025", "Jun. 2025", "June, 2025".
var monthYear = regexp.MustCompile(`^([A-Za-z]+)\.?,?\s+(\d{4})$`)

// ParseMonthYear reads a date written without a day, "June 2025", as the
// first of that month. A date whose day was left blank, "January ,
// 2024", is not read: it is a date someone forgot to finish.
func ParseMonthYear(s string) (time.Time, bool) {
	m := monthYear.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	month, ok := months[strings.ToLower(m[1])]
	if !ok {
		return time.Time{}, false
	}
	return time.Date(atoi(m[2]), month, 1, 0, 0, 0, 0, time.UTC), true
}
