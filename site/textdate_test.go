package site

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

// describeTextDates prints what scanTextDates found, one date a line:
// "key date line", with " noday" for month and year only, then each
// problem as "line: message".
func describeTextDates(dates []TextDate, problems []*Error) string {
	var lines []string
	for _, td := range dates {
		s := fmt.Sprintf("%s %s %d", td.Key, td.Date.ISO(), td.Line)
		if td.NoDay {
			s += " noday"
		}
		lines = append(lines, s)
	}
	for _, e := range problems {
		lines = append(lines, fmt.Sprintf("%d: %s", e.Line, e.Msg))
	}
	return strings.Join(lines, "\n")
}

func TestScanTextDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"emphasised last updated", "# Privacy\n\n*Last updated: April 20, 2023*\n\nText.\n",
			"last_revised 2023-04-20 3"},
		{"plain last updated", "Last Updated: April 10, 2026\n\nText.\n", "last_revised 2026-04-10 1"},
		{"effective date", "Effective date: February 1, 2024\n", "effective 2024-02-01 1"},
		{"bold label, day first", "**Effective Date:** 1 February 2024\n", "effective 2024-02-01 1"},
		{"last revised, abbreviated month", "Last revised: Jan 2, 2006\n", "last_revised 2006-01-02 1"},
		{"last modified on, ISO", "Last modified on 2024-02-01\n", "last_revised 2024-02-01 1"},
		{"ordinal", "_Effective date: March 1st, 2025_\n", "effective 2025-03-01 1"},
		{"in a heading", "# Terms\n\n## Effective date: 2 January 2006\n\nText.\n", "effective 2006-01-02 3"},
		{"in a list item", "- Effective date: 2024-05-06\n- Last updated: 2024-05-01\n",
			"effective 2024-05-06 1\nlast_revised 2024-05-01 2"},
		{"in a quote", "> Last updated: 3 March 2025\n", "last_revised 2025-03-03 1"},
		{"label without a colon", "Effective January 5, 2025\n", "effective 2025-01-05 1"},
		{"label with a dash", "Last Updated – March 3, 2024\n", "last_revised 2024-03-03 1"},
		{"on and a colon", "Last updated on: March 3, 2024\n", "last_revised 2024-03-03 1"},
		{"as of and a colon", "Effective as of: 3 March 2024\n", "effective 2024-03-03 1"},
		{"in a numbered list", "1. Effective date: 2024-03-03\n", "effective 2024-03-03 1"},
		{"effective in a sentence", "This policy is effective as of March 3, 2024.\n", ""},
		{"raw HTML", "<p>Last updated: March 3, 2024</p>\n", ""},
		{"both kinds, the first of each", "Effective date: 2025-02-01\nLast updated: 2025-01-20\nEffective date: 2024-01-01\nLast updated: 2023-01-01\n",
			"effective 2025-02-01 1\nlast_revised 2025-01-20 2"},
		{"month and year only", "Last updated: June 2025\n",
			"last_revised 2025-06-01 1 noday\n1: last-revised date 2025-06-01 read from the text \"Last updated: June 2025\", which gives no day: the first of the month is used"},
		{"kramdown datetime on the next line", "# Privacy\n\nEffective May 4, 2026\n{: datetime=\"2026-05-04\" }\n\nText.\n",
			"effective 2026-05-04 3"},
		{"kramdown datetime on the same line", "Effective May 4, 2026 {: datetime=\"2026-05-04\"}\n", "effective 2026-05-04 1"},
		{"kramdown datetime on emphasis", "*Last updated May 4, 2026*{: datetime='2026-05-04'}\n", "last_revised 2026-05-04 1"},
		{"datetime is authoritative", "Effective: May 5, 2026\n{: datetime=\"2026-05-04\"}\n",
			"effective 2026-05-04 1\n1: the text \"Effective: May 5, 2026\" shows 2026-05-05 but its datetime is 2026-05-04; the datetime is used"},
		{"datetime names the date, the text says which", "Updated on the 4th of May\n{: datetime=\"2026-05-04\"}\n", "last_revised 2026-05-04 1"},
		{"unreadable datetime", "Effective soon\n{: datetime=\"next week\"}\n",
			"1: datetime \"next week\" after \"Effective soon\" cannot be read, so the page has no effective date from it"},
		{"datetime on text that names no date", "Published May 4, 2026\n{: datetime=\"2026-05-04\"}\n", ""},
		{"other attribute lists are dropped", "Last updated: 2025-04-01 {: .note}\n", "last_revised 2025-04-01 1"},
		{"setext title", "Privacy\n=======\n\nLast updated: 2025-04-01\n", "last_revised 2025-04-01 4"},
		{"body lines start after front matter", "Last updated: 2025-04-01\n", "last_revised 2025-04-01 1"},

		{"effective in prose", "Effective immediately, we no longer keep logs.\n\nThe changes are effective as soon as you accept them.\n", ""},
		{"unreadable typed date is left to the lint", "Last revised: January , 2024\nLast revised: 2024-01-05\n", ""},
		{"fenced code", "```\nLast updated: 2025-01-01\n```\n", ""},
		{"tilde fence", "~~~md\nEffective date: 2025-01-01\n~~~\n", ""},
		{"indented code", "Example:\n\n    Last updated: 2025-01-01\n", ""},
		{"comment", "<!--\nLast updated: 2025-01-01\n-->\n", ""},
		{"one-line comment", "<!-- Last updated: 2025-01-01 -->\n", ""},
		{"after the second section", "# Privacy\n\n## Scope\n\nText.\n\n## Changes\n\nLast updated: 2025-01-01\n", ""},
		{"sections as first-level headings", "# Privacy\n\n# Scope\n\n# Changes\n\nLast updated: 2025-01-01\n", ""},
		{"in the first section", "## Overview\n\nEffective date: 2025-01-01\n\n## Data\n", "effective 2025-01-01 3"},
		{"deep in the text", strings.Repeat("Text.\n", textDateLines) + "Last updated: 2025-01-01\n", ""},
		{"on the last line of the top", strings.Repeat("Text.\n", textDateLines-1) + "Last updated: 2025-01-01\n",
			fmt.Sprintf("last_revised 2025-01-01 %d", textDateLines)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeTextDates(scanTextDates([]byte(tt.body), 1))
			if got != tt.want {
				t.Errorf("body:\n%s\ngot:\n%s\nwant:\n%s", tt.body, got, tt.want)
			}
		})
	}
}

func TestTextDatesFillFrontMatter(t *testing.T) {
	t.Parallel()
	errs := &ErrorList{}
	s := parseSource("content/p.md", "p.md", []byte("---\ntitle: P\n---\n\n*Effective date: 2024-02-01*\n\nLast updated: January 20, 2024\n"), errs)
	if s.FM.Effective.ISO() != "2024-02-01" || s.FM.LastRevised.ISO() != "2024-01-20" || len(errs.Items()) != 0 {
		t.Errorf("effective %s, last revised %s, problems %v", s.FM.Effective, s.FM.LastRevised, errs.Items())
	}
	if td := s.textDateAt(5); td == nil || td.Text != "Effective date: 2024-02-01" {
		t.Errorf("text date at line 5: %+v", td)
	}
	for _, key := range frontMatterDateKeys {
		s := parseSource("content/p.md", "p.md", []byte("---\n"+key+": 2023-05-06\n---\nEffective date: 2024-02-01\nLast updated: 2024-01-20\n"), errs)
		if len(s.TextDates) != 0 || !s.FM.Effective.IsZero() && s.FM.Effective.ISO() != "2023-05-06" {
			t.Errorf("%s in front matter: text dates %+v, effective %s", key, s.TextDates, s.FM.Effective)
		}
	}
}

// A month-year date warns in the build of the working tree, not in each
// revision read from git history.
func TestTextDateWarningsOnlyForWorkingFiles(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2025-06-03", "init", "-q", "-b", "main")
	commit(t, dir, "2025-06-03", "first", map[string]string{"clause.yaml": "title: Git\n", "content/privacy.md": "Last updated: June 2025\n\nOne.\n"})
	commit(t, dir, "2025-07-03", "second", map[string]string{"content/privacy.md": "Last updated: July 2025\n\nTwo.\n"})
	_, res, err := build(t, dir, func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2026-01-01") })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Position()+": "+w.Msg)
	}
	want := `content/privacy.md:1: last-revised date 2025-07-01 read from the text "Last updated: July 2025", which gives no day: the first of the month is used`
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings:\n%s\nwant only:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestCheckTextDates(t *testing.T) {
	t.Parallel()
	undated := func(body string) string {
		return "---\ntitle: Privacy\ndescription: About privacy.\n---\n\n" + body
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // the whole output for the privacy files
	}{
		{"typed dates", map[string]string{"content/privacy.md": undated("*Last updated: April 20, 2023*\n\n**Effective Date:** 1 February 2024\n")},
			"content/privacy.md:6: info: last-revised date 2023-04-20 read from the text \"Last updated: April 20, 2023\"\n" +
				"content/privacy.md:8: info: effective date 2024-02-01 read from the text \"Effective Date: 1 February 2024\"\n" +
				"content/privacy.md:8: warning: privacy policy not revised for over 12 months: last revised or in effect since 2024-02-01, review was due by 2025-02-01"},
		{"datetime attribute", map[string]string{"content/privacy.md": undated("Effective May 4, 2026\n{: datetime=\"2026-05-04\" }\n")},
			"content/privacy.md:6: info: effective date 2026-05-04 read from datetime=\"2026-05-04\" after the text \"Effective May 4, 2026\""},
		{"month and year", map[string]string{"content/privacy.md": undated("Last updated: June 2025\n")},
			"content/privacy.md:6: warning: last-revised date 2025-06-01 read from the text \"Last updated: June 2025\", which gives no day: the first of the month is used"},
		{"front matter wins", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-02-01\n---\n\nLast updated: 2026-03-01\n"},
			"content/privacy.md:7: warning: typed date \"2026-03-01\" (2026-03-01) disagrees with last_revised 2026-02-01 in the front matter"},
		{"version file whose text disagrees with its name", map[string]string{
			"content/privacy.md":                     undated("Effective date: 2026-01-01\n"),
			"content/privacy/versions/2025-01-01.md": "Effective date: 2025-02-01\nLast updated: 2024-12-01\n"},
			"content/privacy.md:6: info: effective date 2026-01-01 read from the text \"Effective date: 2026-01-01\"\n" +
				"content/privacy/versions/2025-01-01.md:1: warning: the text \"Effective date: 2025-02-01\" gives effective date 2025-02-01, but the file name says 2025-01-01\n" +
				"content/privacy/versions/2025-01-01.md:2: info: last-revised date 2024-12-01 read from the text \"Last updated: 2024-12-01\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report, out := runCheck(t, tt.files, nil)
			var mine []string
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "content/privacy") {
					mine = append(mine, l)
				}
			}
			if got := strings.Join(mine, "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if strings.Contains(tt.want, ": warning: ") != report.Failed(true) || report.Failed(false) {
				t.Errorf("fails --strict: %v, fails: %v", report.Failed(true), report.Failed(false))
			}
		})
	}
}

func TestCheckSummaryCountsInfo(t *testing.T) {
	t.Parallel()
	report, _ := runCheck(t, map[string]string{"content/privacy.md": "---\ntitle: P\ndescription: d\n---\n\nEffective date: 2026-01-01\n"}, nil)
	if got := report.Summary(); got != "checked 2 policies: no problems (1 info)" {
		t.Errorf("summary %q", got)
	}
	var b strings.Builder
	WriteProblems(&b, report.Problems, FormatGitHub, "")
	if !strings.HasPrefix(b.String(), "::notice file=content/privacy.md,line=6,") {
		t.Errorf("github format: %s", b.String())
	}
	b.Reset()
	WriteProblems(&b, report.Problems, FormatJSON, "")
	if !strings.Contains(b.String(), `"severity": "info"`) {
		t.Errorf("json format: %s", b.String())
	}
	if e := report.Problems[0]; e.Error() != `content/privacy.md:6: info: effective date 2026-01-01 read from the text "Effective date: 2026-01-01"` {
		t.Errorf("Error() = %q", e.Error())
	}
}

// Dates written in the text group git history as front matter dates do:
// a typo fix keeps its version, a new "Effective date:" line starts one.
func TestGitHistoryTextDates(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	v1 := "# Privacy\n\nEffective date: March 1, 2024\n\nWe keep yuor address.\n"
	v2 := "# Privacy\n\n*Effective date: 2 September 2025*\n\nWe keep your address and phone.\n"
	git(t, dir, "2024-02-20", "init", "-q", "-b", "main")
	commit(t, dir, "2024-02-20", "first", map[string]string{"clause.yaml": "title: Git\n", "content/privacy.md": v1})
	commit(t, dir, "2024-05-07", "typo", map[string]string{"content/privacy.md": strings.Replace(v1, "yuor", "your", 1)})
	commit(t, dir, "2025-08-15", "phone", map[string]string{"content/privacy.md": v2})
	dest, res, err := build(t, dir, func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2026-01-01") })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	for _, p := range []string{"privacy/versions/2024-03-01/index.html", "privacy/versions/2025-09-02/index.html"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if n := strings.Count(string(tree["privacy/versions/index.html"]), `class="version status-`); n != 2 {
		t.Errorf("history lists %d versions, want 2", n)
	}
	if strings.Contains(string(tree["privacy/versions/2024-03-01/index.html"]), "yuor") {
		t.Error("the typo fix did not replace the first version's text")
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "no effective date") {
			t.Errorf("warning: %v", w)
		}
	}
}

// FuzzScanTextDates checks that no body panics the date scan, and that
// every date found points at a line of the top of the body.
func FuzzScanTextDates(f *testing.F) {
	for _, seed := range []string{
		"Effective May 4, 2026\n{: datetime=\"2026-05-04\" }\n", "Last updated: June 2025\n", "# T\n\n## Effective date: 2024-02-01\n",
		"```\nLast updated: 2025-01-01\n", "<!--\nEffective: x {: datetime='y'}\n", "x\n---\nLast revised: Jan 2nd, 2006 {:}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		defer fuzzbudget.Check(t)()
		dates, _ := scanTextDates(body, 5)
		for _, td := range dates {
			if td.Line < 5 || td.Line >= 5+textDateLines || td.Date.IsZero() {
				t.Fatalf("date %+v outside the top of the body", td)
			}
		}
	})
}

// clause revise names the archive after a date written in the text when
// the front matter has none, as the build would date that version.
func TestReviseTextDate(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"content/privacy.md": "---\ntitle: Privacy\n---\n\nLast updated: 2026-01-10\n\n_Effective date: January 15, 2026_\n\nWe keep it.\n"})
	rev, err := Revise(ReviseOptions{Source: src, Slug: "privacy", Effective: newDate(day("2026-04-01")), Now: day("2026-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Archived != "content/privacy/versions/2026-01-15.md" || rev.Previous.ISO() != "2026-01-15" {
		t.Errorf("revision: %+v", rev)
	}
	m := manifestAt(t, src, day("2026-03-15"))
	if p := m.Policies[0]; p.Current == nil || p.Current.Effective != "2026-01-15" || p.Current.LastRevised != "2026-01-10" {
		t.Errorf("archived version: %+v", p.Current)
	}
}
