package site

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/importer"
)

// headings warns about skipped heading levels (h2 → h4, or a first
// section at h3) and about two headings with the same text under the same
// parent, which make the table of contents and #links ambiguous.
func (c *checker) headings(s *linted) {
	type open struct {
		level, index int
	}
	var stack []open
	seen := map[string]int{}
	prev := 1 // the page title is the h1
	for i, h := range s.Headings {
		line := s.BodyLine + h.Line - 1
		if h.Level > prev+1 {
			c.warn(s.Path, line, 0, fmt.Sprintf("heading level skips from h%d to h%d: %q", prev, h.Level, h.Text),
				"use ## for sections and ### for their subsections, without skipping a level; the title is the page's h1")
		}
		prev = h.Level
		for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1].index
		}
		key := fmt.Sprintf("%d\x00%d\x00%s", parent, h.Level, strings.ToLower(strings.Join(strings.Fields(h.Text), " ")))
		if first, dup := seen[key]; dup {
			c.warn(s.Path, line, 0, fmt.Sprintf("duplicate heading %q (also on line %d)", h.Text, first),
				"give each section its own title, so the table of contents and links to it are unambiguous")
		} else {
			seen[key] = line
		}
		stack = append(stack, open{h.Level, i})
	}
}

// typedDates warns about body lines that type a date by hand ("Last
// updated: 5 January 2024", also in bold or italics, or kept in a comment
// by clause import) when the date cannot be read, is ambiguous, or
// disagrees with the version's front matter. The lines the version's
// dates were read from are textDates' to report.
func (c *checker) typedDates(s *linted, v *Version) {
	for i, l := range s.lines {
		if s.textDateAt(s.nums[i]) != nil {
			continue
		}
		if inner, ok := importer.CommentedLine(l); ok {
			l = inner
		}
		field, value, ok := importer.DateLine(l)
		if !ok {
			continue
		}
		if msg, hint := typedDateProblem(field, value, v); msg != "" {
			c.warn(s.Path, s.nums[i], 0, msg, hint)
		}
	}
}

// typedDateProblem compares one typed date with the version's dates.
func typedDateProblem(field importer.DateField, value string, v *Version) (msg, hint string) {
	want, key := v.LastRevised, importer.LastRevised
	if field == importer.Effective {
		want, key = v.Effective, importer.Effective
	}
	from, fix, hint := typedDateAdvice(key, v.src)
	t, err := importer.ParseDate(value)
	var de *importer.DateError
	if err != nil && !errors.As(err, &de) {
		de = &importer.DateError{Text: value, Reason: err}
	}
	switch {
	case errors.Is(err, importer.ErrAmbiguous):
		return fmt.Sprintf("typed date %q is ambiguous: %s", value, de.Detail), hint
	case err != nil:
		return fmt.Sprintf("typed date %q cannot be read: %v", value, de.Reason), hint
	case want.IsZero() && !frontMatterDated(v.src):
		return fmt.Sprintf("typed date %q (%s), but the front matter has no %s", value, t.Format("2006-01-02"), key),
			fmt.Sprintf("dates are read from the text only near its top (the first %d lines, before the second section): move this line up, or add %s: %s to the front matter",
				textDateLines, key, t.Format("2006-01-02"))
	case want.IsZero():
		return fmt.Sprintf("typed date %q (%s), but the front matter has no %s", value, t.Format("2006-01-02"), key),
			fmt.Sprintf("add %s: %s to the front matter and delete this line", key, t.Format("2006-01-02"))
	case t.Format("2006-01-02") != want.ISO():
		return fmt.Sprintf("typed date %q (%s) disagrees with %s %s %s", value, t.Format("2006-01-02"), key, want.ISO(), from), fix
	}
	return "", ""
}

// typedDateAdvice says where the date a typed date is compared with came
// from, how to fix a disagreement, and how to fix an unreadable date.
func typedDateAdvice(key importer.DateField, s *Source) (from, fix, hint string) {
	from, fix = "in the front matter", "correct one of them, or better delete this line: every page shows its dates from front matter"
	for _, td := range s.TextDates {
		if td.Key == key {
			from = fmt.Sprintf("read from line %d", td.Line)
			fix = fmt.Sprintf("the page uses the date of line %d: correct one of them, or delete this line", td.Line)
		}
	}
	hint = fmt.Sprintf("set %s: YYYY-MM-DD in the front matter and delete this line: every page shows its dates from front matter", key)
	if !frontMatterDated(s) {
		hint = fmt.Sprintf("write the date as January 2, 2006 or 2006-01-02, or set %s: YYYY-MM-DD in the front matter", key)
	}
	return from, fix, hint
}

// textDates notes each date of a version that was read from its text
// rather than its front matter, and where. A version file's effective
// date comes from its name: a text that says otherwise is a warning.
func (c *checker) textDates(v *Version) {
	s := v.src
	for _, td := range s.TextDates {
		switch {
		case td.Key == importer.Effective && td.Date.ISO() != v.Effective.ISO():
			c.warn(s.Path, td.Line, 0, fmt.Sprintf("the text %q gives effective date %s, but the file name says %s",
				td.Text, td.Date.ISO(), v.Effective.ISO()),
				"a version file takes effect on the date in its name: correct the text or rename the file")
		case td.NoDay:
			// already a warning of the build
		default:
			c.errs.Add(&Error{Path: s.Path, Line: td.Line, Severity: SeverityInfo, Msg: textDateNote(td)})
		}
	}
}

// textDateNote says which date was read from where.
func textDateNote(td TextDate) string {
	if td.Attr != "" {
		return fmt.Sprintf("%s %s read from datetime=%q after the text %q", dateName(td.Key), td.Date.ISO(), td.Attr, td.Text)
	}
	return fmt.Sprintf("%s %s read from the text %q", dateName(td.Key), td.Date.ISO(), td.Text)
}

// description warns about a policy without a description, or with the
// placeholder `clause new` writes.
func (c *checker) description(p *Page) {
	d := strings.TrimSpace(p.src.FM.Description)
	if d != "" && !strings.HasPrefix(d, "TODO") {
		return
	}
	c.warn(p.src.Path, frontMatterLine(p.src, "description"), 0, "policy has no description",
		"add description: one sentence saying what the policy covers; the home page and search engines show it")
}

// unknownGroup warns about a policy whose group clause.yaml does not
// define when it defines some: a typo in the id makes a group of its own
// on the home page.
func (c *checker) unknownGroup(p *Page) {
	if p.Group == "" || len(c.in.Config.Groups) == 0 {
		return
	}
	ids := make([]string, 0, len(c.in.Config.Groups))
	for _, g := range c.in.Config.Groups {
		if g.ID == p.Group {
			return
		}
		ids = append(ids, g.ID)
	}
	c.warn(p.src.Path, p.src.FM.Lines["group"], 0,
		fmt.Sprintf("group %q is not one of the groups in clause.yaml (%s), so the home page shows it on its own", p.Group, strings.Join(ids, ", ")),
		"use one of those ids, or add the group to groups: in clause.yaml")
}

// undated warns about a policy with no date at all: it shows no dates,
// and the changelog and feeds, which list versions by date, leave it out.
// A date that is written but cannot be read, in the front matter or typed
// in the text, is reported where it is written instead: the cause, once.
func (c *checker) undated(p *Page) {
	v := p.Policy.Shown()
	if v == nil || !v.Effective.IsZero() || !v.LastRevised.IsZero() || frontMatterDated(v.src) || c.typesDate(v.src) {
		return
	}
	c.warn(p.src.Path, p.src.FM.Start, 0, "policy has no effective or last_revised date, so it shows no dates and the changelog and feeds leave it out",
		"add `effective: YYYY-MM-DD` (the day this text took effect) to the front matter, or a line `Effective date: January 2, 2006` near the top of the text")
}

// typesDate reports whether a source's text has a line that types a date
// ("Last updated: …"), which typedDates or textDates reports when the
// date is not used.
func (c *checker) typesDate(s *Source) bool {
	for _, l := range c.prepare(s).lines {
		if inner, ok := importer.CommentedLine(l); ok {
			l = inner
		}
		if _, _, ok := importer.DateLine(l); ok {
			return true
		}
	}
	return false
}

// frontMatterLine returns the line of a front matter key, else of the
// front matter's start, else 0 for a file without front matter.
func frontMatterLine(s *Source, keys ...string) int {
	for _, k := range keys {
		if l, ok := s.FM.Lines[k]; ok {
			return l
		}
	}
	if len(s.FM.Lines) > 0 {
		return s.FM.Start
	}
	return 0
}

// lastRevisedKeys are the keys last_revised is read from, in order.
var lastRevisedKeys = []string{"last_revised", "last_modified_at", "lastmod", "date"}

// versionDates warns about dates out of order. A version's text cannot
// have changed after the next version replaced it, nor after the date it
// takes or took effect: readers were told that text applies from then, so
// a later change is a new version (or the date is wrong, as after a
// backdated revise that kept today's date). A last_revised before the
// version's own effective date is the notice period and is fine.
func (c *checker) versionDates(v *Version) {
	s := v.src
	line := frontMatterLine(s, lastRevisedKeys...)
	for _, td := range s.TextDates {
		if td.Key == importer.LastRevised {
			line = td.Line
		}
	}
	switch {
	case v.Next != nil && v.LastRevised.After(v.Next.Effective):
		c.warn(s.Path, line, 0, fmt.Sprintf("last_revised %s is after %s, when the next version took effect (%s)",
			v.LastRevised.ISO(), v.Next.Effective.ISO(), v.Next.src.Path),
			"a version's text cannot change after it was replaced: check the date, or make the change in the newer version")
	case v.Status == StatusUpcoming && v.LastRevised.After(v.Effective):
		c.warn(s.Path, line, 0, fmt.Sprintf("last_revised %s is after effective %s, a date still to come",
			v.LastRevised.ISO(), v.Effective.ISO()),
			"last_revised is when the text last changed; effective is when it takes effect, after the notice period")
	case !v.Effective.IsZero() && v.LastRevised.ISO() > v.Effective.ISO():
		c.warn(s.Path, line, 0, fmt.Sprintf("last_revised %s is after effective %s: the text changed after it took effect",
			v.LastRevised.ISO(), v.Effective.ISO()),
			"publish a change as a new version (clause revise) so readers get notice; if the text was settled by "+v.Effective.ISO()+", correct last_revised")
	}
	if v.Status == StatusUpcoming && (strings.TrimSpace(v.Summary) == "" || strings.HasPrefix(v.Summary, "TODO")) {
		c.warn(s.Path, frontMatterLine(s, "effective", "summary"), 0,
			fmt.Sprintf("upcoming version (effective %s) has no summary", v.Effective.ISO()),
			"add summary: one line telling readers what changes; the notice of the upcoming version and the feeds show it")
	}
}
