package site

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
)

// checkNow is the moment check tests decide current versions at.
var checkNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// runCheck checks a site made of files, on top of a base site with a
// terms policy that other pages link to.
func runCheck(t *testing.T, files map[string]string, env map[string]string) (*CheckReport, string) {
	t.Helper()
	all := map[string]string{
		"clause.yaml":      "title: Test\nredirects:\n  /old-terms/: /terms/\n",
		"content/terms.md": "---\ntitle: Terms\ndescription: The terms.\nlast_revised: 2026-01-01\n---\n\n## Liability\n\nText.\n",
	}
	for k, v := range files {
		all[k] = v
	}
	src := newSite(t, all)
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: checkNow,
		Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range report.Problems {
		lines = append(lines, e.Position()+": "+e.Severity.String()+": "+e.Msg)
	}
	return report, strings.Join(lines, "\n")
}

// page is a policy file with a description and dates, and body.
func page(body string) string {
	return "---\ntitle: Privacy\ndescription: About privacy.\nlast_revised: 2026-02-01\n---\n\n" + body
}

// The body of page starts on line 7.
func TestCheckRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  string // a line of the output; "" for none
	}{
		{"broken page link", map[string]string{"content/privacy.md": page("See [x](/gone/).\n")},
			`content/privacy.md:7:9: warning: broken link "/gone/": nothing is published at /gone/`},
		{"link to a page", map[string]string{"content/privacy.md": page("See [x](/terms/) and [y](terms.md).\n")}, ""},
		{"broken fragment", map[string]string{"content/privacy.md": page("Text.\n\nSee [x](terms.md#nope).\n")},
			`content/privacy.md:9:9: warning: broken link "terms.md#nope": /terms/ has no section #nope`},
		{"fragment of another page", map[string]string{"content/privacy.md": page("See [x](terms.md#liability).\n")}, ""},
		{"broken fragment on the same page", map[string]string{"content/privacy.md": page("See [x](#nowhere).\n\n## Rights\n")},
			`content/privacy.md:7:9: warning: broken link "#nowhere": /privacy/ has no section #nowhere`},
		{"fragment on the same page", map[string]string{"content/privacy.md": page("See [x](#rights).\n\n## Rights\n")}, ""},
		{"link to a redirect source", map[string]string{"content/privacy.md": page("See [x](/old-terms/#liability).\n")}, ""},
		{"redirect source with a missing fragment", map[string]string{"content/privacy.md": page("See [x](/old-terms/#gone).\n")},
			`content/privacy.md:7:9: warning: broken link "/old-terms/#gone": /terms/ has no section #gone`},
		{"relative link on a version page", map[string]string{
			"content/privacy.md":                     page("Now.\n"),
			"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\n---\n\nSee [terms](../terms/).\n"},
			`content/privacy/versions/2025-01-01.md:5:13: warning: broken link "../terms/": nothing is published at /privacy/versions/terms/`},
		{"relative content link in a version", map[string]string{
			"content/privacy.md":                     page("Now.\n"),
			"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\n---\n\nSee [terms](terms.md#liability).\n"}, ""},
		{"hand-written URL of a page also linked as a file", map[string]string{"content/privacy.md": page("See [a](terms.md#liability).\n\nLater [b](/terms/#zzz) and [c](terms.md#yyy).\n")},
			`content/privacy.md:9:11: warning: broken link "/terms/#zzz": /terms/ has no section #zzz`},
		{"one broken link written as a file and as a URL", map[string]string{"content/privacy.md": page("See [a](terms.md#zz).\n\nLater [b](/terms/#zz).\n")},
			`content/privacy.md:7:9: warning: broken link "terms.md#zz": /terms/ has no section #zz`},
		{"one broken link written as a URL and as a file", map[string]string{"content/privacy.md": page("See [a](terms.md#zz).\n\nLater [b](/terms/#zz).\n")},
			`content/privacy.md:9:11: warning: broken link "/terms/#zz": /terms/ has no section #zz`},
		{"broken link with spaces and accents", map[string]string{"content/privacy.md": page("Read [x](</caf%C3%A9 menu/>) and [y](/café/).\n")},
			`content/privacy.md:7:38: warning: broken link "/café/": nothing is published at /café/`},
		{"rewritten link after a hand-written one", map[string]string{"content/privacy.md": page("See [a](/terms/#liability).\n\nLater [c](terms.md#yyy).\n")},
			`content/privacy.md:9:11: warning: broken link "terms.md#yyy": /terms/ has no section #yyy`},
		{"raw HTML left open", map[string]string{"content/privacy.md": page("Text.\n\n<div class=\"note\">\n<p>Some <b>raw html\n</div>\n")},
			`content/privacy.md:9: warning: raw HTML leaves <b> open until </div> on line 9`},
		{"inline raw HTML left open", map[string]string{"content/privacy.md": page("Some <span class=\"x\">text.\n\n## Next\n")},
			`content/privacy.md:7: warning: raw HTML leaves <span> open, so it would run into the rest of the page`},
		{"self-closed div", map[string]string{"content/privacy.md": page("Text.\n\n<div class=\"spacer\"/>\n\nMore.\n")},
			`content/privacy.md:9: warning: raw HTML leaves <div> open, so it would run into the rest of the page`},
		{"unclosed comment", map[string]string{"content/privacy.md": page("Text.\n\n<!-- draft: remove before publishing\n\n## Rights\n")},
			`content/privacy.md:9: warning: raw HTML comment <!-- is not closed, so it hides the rest of the page`},
		{"closed comments", map[string]string{"content/privacy.md": page("Text <!-- note --> here.\n\n<!--\nmulti\n\nline\n-->\n\n## Rights\n")}, ""},
		{"template content is its own fragment", map[string]string{"content/privacy.md": page("<template><div class=\"row\"></template>\n\nText.\n")}, ""},
		{"stray end tag", map[string]string{"content/privacy.md": page("Text.\n\n</div>\n")},
			`content/privacy.md:9: warning: raw HTML closes </div>, which is not open here, so it may close the theme's own`},
		{"raw HTML block around Markdown", map[string]string{"content/privacy.md": page("<div class=\"note\">\n\nSome **Markdown** inside.\n\n</div>\n\n<p>An <em>open</em> p is fine\n")}, ""},
		{"root-relative link outside a sub-path site", map[string]string{
			"clause.yaml":        "title: Test\nbase_url: https://ex.test/policies/\nredirects:\n  /old-terms/: /terms/\n",
			"content/privacy.md": page("See [t](/terms/#liability), [o](/old-terms/), [c](/contact/) and [ok](/policies/terms/).\n")},
			`content/privacy.md:7:9: warning: broken link "/terms/#liability": /terms/ is outside the site, which is published under /policies/; /policies/terms/ is this site's page`},
		{"root-relative links to the host's own pages", map[string]string{
			"clause.yaml":        "title: Test\nbase_url: https://ex.test/policies/\n",
			"content/privacy.md": page("Visit our [homepage](/), [robots](/robots.txt) and [news](/changelog/).\n")}, ""},
		{"root-relative redirect source outside a sub-path site", map[string]string{
			"clause.yaml":        "title: Test\nbase_url: https://ex.test/policies/\nredirects:\n  /old-terms/: /terms/\n",
			"content/privacy.md": page("See [t](/terms/#liability), [o](/old-terms/), [c](/contact/) and [ok](/policies/terms/).\n")},
			`content/privacy.md:7:33: warning: broken link "/old-terms/": /old-terms/ is outside the site, which is published under /policies/; /policies/old-terms/ is this site's page`},
		{"group not in clause.yaml", map[string]string{
			"clause.yaml":        "title: Test\ngroups:\n  - id: privacy\n  - id: legal\n",
			"content/privacy.md": "---\ntitle: Privacy\ndescription: About privacy.\nlast_revised: 2026-02-01\ngroup: legl\n---\n\nText.\n"},
			`content/privacy.md:5: warning: group "legl" is not one of the groups in clause.yaml (privacy, legal), so the home page shows it on its own`},
		{"policy without any date", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: About privacy.\n---\n\nText.\n"},
			`content/privacy.md:1: warning: policy has no effective or last_revised date, so it shows no dates and the changelog and feeds leave it out`},
		{"broken image", map[string]string{"content/privacy.md": page("![logo](logo.png)\n")},
			`content/privacy.md:7:9: warning: broken link "logo.png": nothing is published at /privacy/logo.png`},
		{"image beside the page", map[string]string{"content/privacy.md": page("![logo](/logo.png)\n"), "content/logo.png": "png"}, ""},
		{"skipped heading level", map[string]string{"content/privacy.md": page("## A\n\n#### B\n")},
			`content/privacy.md:9: warning: heading level skips from h2 to h4: "B"`},
		{"first section below h2", map[string]string{"content/privacy.md": page("### A\n")},
			`content/privacy.md:7: warning: heading level skips from h1 to h3: "A"`},
		{"heading levels in order", map[string]string{"content/privacy.md": page("## A\n\n### B\n\n#### C\n\n## D\n")}, ""},
		{"duplicate heading", map[string]string{"content/privacy.md": page("## Contact\n\n## Rights\n\n## contact\n")},
			`content/privacy.md:11: warning: duplicate heading "contact" (also on line 7)`},
		{"same subheading under two sections", map[string]string{"content/privacy.md": page("## EU\n\n### Your rights\n\n## US\n\n### Your rights\n")}, ""},
		{"typed date disagrees", map[string]string{"content/privacy.md": page("Last updated: March 1, 2026\n")},
			`content/privacy.md:7: warning: typed date "March 1, 2026" (2026-03-01) disagrees with last_revised 2026-02-01 in the front matter`},
		{"typed date agrees", map[string]string{"content/privacy.md": page("**Last updated:** 1 February 2026\n")}, ""},
		{"typed date cannot be read", map[string]string{"content/privacy.md": page("_Last Revised: January , 2024_\n")},
			`content/privacy.md:7: warning: typed date "January , 2024" cannot be read: it has no day`},
		{"typed date kept by clause import", map[string]string{"content/privacy.md": page(`<!-- clause import: could not read "Last Revised: January , 2024" -->` + "\n")},
			`content/privacy.md:7: warning: typed date "January , 2024" cannot be read: it has no day`},
		{"typed date is ambiguous", map[string]string{"content/privacy.md": page("Effective date: 02/01/2026\n")},
			`content/privacy.md:7: warning: typed date "02/01/2026" is ambiguous: 1 February 2026 or 2 January 2026`},
		{"typed day above 12 is not ambiguous", map[string]string{"content/privacy.md": page("Effective date: 02/13/2026\n")},
			`content/privacy.md:7: warning: typed date "02/13/2026" (2026-02-13) disagrees with effective 2026-02-01 in the front matter`},
		{"typed date without front matter", map[string]string{"content/privacy.md": "# Privacy\n\nLast updated: 2026-02-01\n"},
			`content/privacy.md:3: info: last-revised date 2026-02-01 read from the text "Last updated: 2026-02-01"`},
		{"typed date below the date read from the text", map[string]string{"content/privacy.md": "# Privacy\n\nLast updated: 2026-02-01\n\n## A\n\n## B\n\nLast updated: 2026-03-01\n"},
			`content/privacy.md:9: warning: typed date "2026-03-01" (2026-03-01) disagrees with last_revised 2026-02-01 read from line 3`},
		{"typed date in code", map[string]string{"content/privacy.md": page("```\nLast updated: soon\n```\n")}, ""},
		{"no description", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: \"\"\n---\n\nText.\n"},
			`content/privacy.md:3: warning: policy has no description`},
		{"placeholder description", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: \"TODO: one sentence\"\n---\n\nText.\n"},
			`content/privacy.md:3: warning: policy has no description`},
		{"archived version revised after it was replaced", map[string]string{
			"content/privacy.md":                     page("Now.\n"),
			"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\nlast_revised: 2026-03-01\n---\n\nOld.\n"},
			`content/privacy/versions/2025-01-01.md:3: warning: last_revised 2026-03-01 is after 2026-02-01, when the next version took effect (content/privacy.md)`},
		{"archived version revised before it was replaced", map[string]string{
			"content/privacy.md":                     page("Now.\n"),
			"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\nlast_revised: 2024-12-01\n---\n\nOld.\n"}, ""},
		{"upcoming version revised after it takes effect", map[string]string{
			"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-09-01\neffective: 2026-08-01\nsummary: s\n---\n\nText.\n"},
			`content/privacy.md:4: warning: last_revised 2026-09-01 is after effective 2026-08-01, a date still to come`},
		{"version in force changed after it took effect", map[string]string{
			"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-03-01\neffective: 2026-01-01\n---\n\nText.\n"},
			`content/privacy.md:4: warning: last_revised 2026-03-01 is after effective 2026-01-01: the text changed after it took effect`},
		{"version in force revised on its effective date", map[string]string{
			"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-01-01T18:00:00Z\neffective: 2026-01-01\n---\n\nText.\n"}, ""},
		{"upcoming version without a summary", map[string]string{
			"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-05-01\neffective: 2026-07-01\n---\n\nText.\n"},
			`content/privacy.md:5: warning: upcoming version (effective 2026-07-01) has no summary`},
		{"upcoming version with a summary", map[string]string{
			"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-05-01\neffective: 2026-07-01\nsummary: Shorter retention.\n---\n\nText.\n"}, ""},
		{"redirect chain", map[string]string{
			"clause.yaml":        "title: Test\nredirects:\n  /a/: /b/\n  /b/: /terms/\n",
			"content/privacy.md": page("Text.\n")},
			`clause.yaml:3: warning: redirect chain /a/ → /b/ → /terms/: /a/ now points straight at /terms/`},
		{"build error", map[string]string{"content/privacy.md": page("See [x](gone.md).\n")},
			`content/privacy.md:7:5: error: link to missing file "gone.md"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := withoutRobotsNote(runCheck(t, tt.files, nil))
			if tt.want == "" && out != "" {
				t.Errorf("want no problems, got:\n%s", out)
			}
			if tt.want != "" && !strings.Contains("\n"+out+"\n", "\n"+tt.want+"\n") {
				t.Errorf("want:\n%s\ngot:\n%s", tt.want, out)
			}
		})
	}
}

func TestCheckWritesNothing(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"content/privacy.md": page("Text.\n")})
	before := readTree(t, src)
	report, err := Check(Options{Source: src, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if err != nil || report.Policies != 1 {
		t.Fatalf("check: %v %+v", err, report)
	}
	diffTrees(t, readTree(t, src), before)
	if _, err := Check(Options{Source: filepath.Join(src, "missing")}); err == nil {
		t.Error("a missing source folder is not an error")
	}
}

func TestCheckBaseURLFromEnvironment(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/privacy.md": page("See [x](terms.md#liability), [y](/policies/terms/), [z](https://example.com/policies/gone/) and [w](/elsewhere/).\n")}
	out := withoutRobotsNote(runCheck(t, files, map[string]string{"CLAUSE_BASE_URL": "https://example.com/policies/"}))
	want := `content/privacy.md:7:57: warning: broken link "https://example.com/policies/gone/": nothing is published at /policies/gone/`
	if out != want {
		t.Errorf("with CLAUSE_BASE_URL:\n got: %s\nwant: %s", out, want)
	}
}

func TestCheckReportStatus(t *testing.T) {
	t.Parallel()
	report, _ := runCheck(t, map[string]string{"content/privacy.md": "---\ntitle: P\neffective: 2026-01-01\n---\n\nText.\n"}, nil)
	if report.Errors() != 0 || report.Warnings() != 1 || report.Failed(false) || !report.Failed(true) {
		t.Errorf("one warning: errors %d warnings %d", report.Errors(), report.Warnings())
	}
	if got := report.Summary(); got != "checked 2 policies: 0 errors, 1 warning" {
		t.Errorf("summary %q", got)
	}
	report, _ = runCheck(t, map[string]string{"content/privacy.md": page("[x](gone.md)\n")}, nil)
	if !report.Failed(false) {
		t.Error("an error does not fail the check")
	}
}

func TestCheckSampleSite(t *testing.T) {
	t.Parallel()
	report, err := Check(Options{Source: "..", Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Problems) > 0 {
		var b strings.Builder
		WriteProblems(&b, report.Problems, FormatText, "")
		t.Errorf("the sample site has problems:\n%s", b.String())
	}
}
