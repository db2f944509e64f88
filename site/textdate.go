package site

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/clause-dev/clause/site/importer"
)

// textDateLines is how many lines at the top of a body are searched for
// dates written in the text.
const textDateLines = 40

// TextDate is a date read from the text of a file whose front matter
// declares no date: "Last updated: April 20, 2023" near the top of the
// body. It says where the date came from, so clause check can tell.
type TextDate struct {
	Key   importer.DateField // effective or last_revised
	Date  Date
	Line  int    // the file line of the text that gives the date
	Text  string // that text without Markdown markers, for messages
	Attr  string // the kramdown datetime attribute that gave the date, or ""
	NoDay bool   // month and year only: the date is the first of the month
}

// frontMatterDateKeys are the front matter keys that declare a date; when
// any of them has a value, the text is not searched for dates.
var frontMatterDateKeys = []string{"effective", "last_revised", "last_modified_at", "lastmod", "date"}

// readTextDates fills in the effective and last-revised dates from the
// top of the body when the front matter declares none, and keeps the
// warnings about them for reportTextDates.
func (s *Source) readTextDates() {
	if frontMatterDated(s) {
		return
	}
	s.TextDates, s.dateNotes = scanTextDates(s.Body, s.BodyLine)
	for _, td := range s.TextDates {
		if td.Key == importer.Effective {
			s.FM.Effective = td.Date
		} else {
			s.FM.LastRevised = td.Date
		}
	}
	for _, e := range s.dateNotes {
		e.Path = s.Path
	}
}

// reportTextDates adds the warnings about the dates read from the text
// (month and year only, an unreadable or contradicted datetime). Only
// files of the working tree report them: a revision read from git
// history cannot be fixed, and would repeat them for every commit.
func (s *Source) reportTextDates(errs *ErrorList) {
	if s == nil {
		return
	}
	for _, e := range s.dateNotes {
		errs.Add(e)
	}
}

// frontMatterDated reports whether a source's front matter declares a date.
func frontMatterDated(s *Source) bool {
	for _, k := range frontMatterDateKeys {
		if s.FM.Params[k] != nil {
			return true
		}
	}
	return false
}

// textDateAt returns the date read from the text at a file line, or nil.
func (s *Source) textDateAt(line int) *TextDate {
	for i := range s.TextDates {
		if s.TextDates[i].Line == line {
			return &s.TextDates[i]
		}
	}
	return nil
}

// dateScan is the state of one search for dates in a body.
type dateScan struct {
	lines    []string
	first    int // the file line of lines[0]
	found    []TextDate
	seen     map[importer.DateField]bool
	problems []*Error
}

// scanTextDates searches the top of a body for the first line that gives
// the effective date and the first that gives the last-revised date. The
// top is the body's first textDateLines lines, up to its second section
// heading (a first-level heading that opens the body is the title, not a
// section). Fenced and indented code and HTML comments are skipped.
func scanTextDates(body []byte, bodyLine int) ([]TextDate, []*Error) {
	lines := topLines(body, textDateLines+1) // one more, for an IAL on the next line
	sc := &dateScan{lines: lines, first: bodyLine, seen: map[importer.DateField]bool{}}
	fence, comment, sections, headings := "", false, 0, 0
	for i := 0; i < len(lines) && i < textDateLines && len(sc.seen) < 2; i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		t := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		case comment:
			comment = !strings.Contains(t, "-->")
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
			continue
		case strings.HasPrefix(t, "<!--"):
			comment = !strings.Contains(t[4:], "-->")
			continue
		case len(line)-len(t) >= 4 || strings.HasPrefix(line, "\t"):
			continue // indented code
		}
		if level := headingLevel(lines, i); level > 0 {
			if headings > 0 || level > 1 {
				sections++
			}
			headings++
			if sections == 2 {
				break
			}
		}
		sc.line(i, t)
	}
	return sc.found, sc.problems
}

// topLines returns up to n lines from the start of body, without their
// line ends and without copying the rest of the body.
func topLines(body []byte, n int) []string {
	var lines []string
	for len(lines) < n && len(body) > 0 {
		i := bytes.IndexByte(body, '\n')
		if i < 0 {
			i = len(body)
		}
		lines = append(lines, string(body[:i]))
		body = body[min(i+1, len(body)):]
	}
	return lines
}

// headingLevel returns the level of an ATX heading on line i, or 1 or 2
// for the text of a setext heading (underlined on the next line), or 0.
func headingLevel(lines []string, i int) int {
	t := strings.TrimSpace(lines[i])
	if n := len(t) - len(strings.TrimLeft(t, "#")); n > 0 && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
		return n
	}
	if t == "" || i+1 >= len(lines) {
		return 0
	}
	switch u := strings.TrimSpace(lines[i+1]); {
	case u != "" && strings.Trim(u, "=") == "":
		return 1
	case len(u) >= 2 && strings.Trim(u, "-") == "":
		return 2
	}
	return 0
}

// ialLine matches a kramdown attribute list at the end of a line (or as
// the whole line) and captures the text before it.
var ialLine = regexp.MustCompile(`^(.*?)\s*\{:([^{}]*)\}\s*$`)

// findIAL matches ialLine, without running the expression (which
// backtracks through the whole of a long line) on lines that hold no "{:".
func findIAL(text string) []string {
	if !strings.Contains(text, "{:") {
		return nil
	}
	return ialLine.FindStringSubmatch(text)
}

// datetimeAttr matches datetime="…" (or '…') inside an attribute list.
var datetimeAttr = regexp.MustCompile(`(?:^|\s)datetime\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// line reads one line of the top of the body: a date line, or the visible
// text of a kramdown datetime attribute on the same or the next line.
func (sc *dateScan) line(i int, text string) {
	visible, attrs := text, ""
	if m := findIAL(text); m != nil {
		if m[1] == "" {
			return // an attribute list on its own line belongs to the line before
		}
		visible, attrs = m[1], m[2]
	} else if i+1 < len(sc.lines) {
		if m := findIAL(strings.TrimSpace(sc.lines[i+1])); m != nil && m[1] == "" {
			attrs = m[2]
		}
	}
	if visible == "" {
		return
	}
	if m := datetimeAttr.FindStringSubmatch(attrs); m != nil {
		sc.datetime(i, visible, m[1]+m[2])
		return
	}
	field, value, ok := importer.DateLine(visible)
	if !ok {
		field, value, ok = importer.BareDateLine(visible)
	}
	if ok && !sc.seen[field] {
		sc.seen[field] = true
		sc.typed(i, field, value, visible)
	}
}

// typed reads the date typed on a date line. One that cannot be read is
// left to clause check's lint of typed dates; month and year only give
// the first of the month, with a warning.
func (sc *dateScan) typed(i int, field importer.DateField, value, visible string) {
	td := TextDate{Key: field, Line: sc.first + i, Text: plainDateText(visible)}
	if t, err := importer.ParseDate(value); err == nil {
		td.Date = newDate(t)
	} else if t, ok := importer.ParseMonthYear(value); ok {
		td.Date, td.NoDay = newDate(t), true
		sc.problems = append(sc.problems, &Error{Line: td.Line, Severity: SeverityWarning,
			Msg: fmt.Sprintf("%s %s read from the text %q, which gives no day: the first of the month is used",
				dateName(td.Key), td.Date.ISO(), td.Text),
			Hint: fmt.Sprintf("write the day too, or set %s: YYYY-MM-DD in the front matter", td.Key)})
	} else {
		return
	}
	sc.found = append(sc.found, td)
}

// datetime reads the date of a kramdown datetime attribute; the visible
// text it belongs to says which date it is.
func (sc *dateScan) datetime(i int, visible, attr string) {
	field, ok := importer.DateKind(visible)
	if !ok || sc.seen[field] {
		return
	}
	sc.seen[field] = true
	td := TextDate{Key: field, Line: sc.first + i, Text: plainDateText(visible), Attr: attr}
	d, err := ParseDate(attr)
	if err != nil {
		sc.problems = append(sc.problems, &Error{Line: td.Line, Severity: SeverityWarning,
			Msg:  fmt.Sprintf("datetime %q after %q cannot be read, so the page has no %s from it", attr, td.Text, dateName(td.Key)),
			Hint: dateHintFor(err)})
		return
	}
	td.Date = d
	sc.found = append(sc.found, td)
	if shown := visibleDate(visible); !shown.IsZero() && shown.ISO() != d.ISO() {
		sc.problems = append(sc.problems, &Error{Line: td.Line, Severity: SeverityWarning,
			Msg: fmt.Sprintf("the text %q shows %s but its datetime is %s; the datetime is used",
				td.Text, shown.ISO(), d.ISO()),
			Hint: "correct one of them, so readers see the date the page uses"})
	}
}

// visibleDate returns the date a line shows, or the zero Date.
func visibleDate(visible string) Date {
	_, value, ok := importer.DateLine(visible)
	if !ok {
		_, value, ok = importer.BareDateLine(visible)
	}
	if !ok {
		return Date{}
	}
	t, err := importer.ParseDate(value)
	if err != nil {
		return Date{}
	}
	return newDate(t)
}

// plainDateText drops the Markdown markers around a date line: heading
// and list markers, emphasis and a quote's ">".
func plainDateText(s string) string {
	s = strings.TrimLeft(s, "#>+-*_ \t")
	return strings.TrimSpace(strings.TrimRight(strings.NewReplacer("**", "", "__", "", "*", "").Replace(s), "_ \t"))
}

// dateName names a date key in messages: "effective date", "last-revised date".
func dateName(key importer.DateField) string {
	if key == importer.Effective {
		return "effective date"
	}
	return "last-revised date"
}
