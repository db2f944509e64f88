package site

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// noticeNow is "now" in the notice tests.
var noticeNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// noticeSite is a policy with an archived version and a material upcoming
// one taking effect on 2027-01-15, announced on announced ("" for none),
// with the given clause.yaml and extra front matter on the upcoming text.
func noticeSite(config, announced, extra string) map[string]string {
	fm := "---\ntitle: Terms\ndescription: The terms.\ngroup: legal\neffective: 2027-01-15\nmaterial: true\nsummary: Shorter.\n"
	if announced != "" {
		fm += "announced: " + announced + "\n"
	}
	return map[string]string{
		"clause.yaml":                          config,
		"content/terms.md":                     fm + extra + "---\n\n## Use\n\nBe kind.\n",
		"content/terms/versions/2025-01-01.md": "---\ntitle: Terms\n---\n\n## Use\n\nBe nice.\n",
	}
}

// TestNoticePeriodFailsBuild checks that a material change announced too
// late fails the build at the version file's line, with the earliest
// allowed date in the hint, and that the most specific notice_days wins.
func TestNoticePeriodFailsBuild(t *testing.T) {
	t.Parallel()
	groups := "groups:\n  - id: legal\n    title: Legal\n    notice_days: 60\n"
	for _, c := range []struct {
		name, config, announced, extra string
		want                           string // the message's start, "" for a build that succeeds
		hint                           string
	}{
		{"site period met", "notice_days: 30\n", "2026-12-01", "", "", ""},
		{"site period short", "notice_days: 50\n", "2026-12-01",
			"", "content/terms.md:8: material change takes effect on 2027-01-15, 45 days after it was announced on 2026-12-01 (its announced: date); notice_days is 50 (clause.yaml)",
			"the earliest allowed effective date is 2027-01-20"},
		{"group wins over site", "notice_days: 10\n" + groups, "2026-12-01",
			"", "content/terms.md:8: material change takes effect on 2027-01-15, 45 days after it was announced on 2026-12-01 (its announced: date); notice_days is 60 (group legal in clause.yaml)",
			"the earliest allowed effective date is 2027-01-30"},
		{"policy wins over group", "notice_days: 90\n" + groups, "2026-12-01", "notice_days: 40\n", "", ""},
		{"no announced: last_revised counts", "notice_days: 30\n", "", "last_revised: 2026-12-20\n",
			"content/terms.md:5: material change takes effect on 2027-01-15, 26 days after it was announced on 2026-12-20 (its last-revised date, for want of announced:)",
			"the earliest allowed effective date is 2027-01-19"},
		{"no date at all: no notice", "notice_days: 1\n", "", "",
			"content/terms.md:5: material change takes effect on 2027-01-15, 0 days after it was announced on 2027-01-15",
			"the earliest allowed effective date is 2027-01-16"},
		{"no notice_days", "title: T\n", "", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := build(t, newSite(t, noticeSite(c.config, c.announced, c.extra)), func(o *Options) { o.Now = noticeNow })
			if c.want == "" {
				if err != nil {
					t.Fatalf("build failed: %v", err)
				}
				return
			}
			var be *BuildError
			if !errors.As(err, &be) || len(be.Errors) != 1 {
				t.Fatalf("want one build error, got %v", err)
			}
			if got := be.Errors[0].Error(); !strings.HasPrefix(got, c.want) || !strings.Contains(be.Errors[0].Hint, c.hint) {
				t.Errorf("got  %s\nhint %s\nwant %s\nhint %s", got, be.Errors[0].Hint, c.want, c.hint)
			}
		})
	}
}

// TestNoticeArchivedIsWarning checks that an archived version announced
// too late is reported as a warning: the past cannot be announced again.
func TestNoticeArchivedIsWarning(t *testing.T) {
	t.Parallel()
	files := noticeSite("notice_days: 30\n", "2026-12-01", "")
	files["content/terms/versions/2024-06-01.md"] = "---\ntitle: Terms\nmaterial: true\nannounced: 2024-05-25\n---\n\n## Use\n\nBe.\n"
	files["content/terms/versions/2024-01-01.md"] = "---\ntitle: Terms\n---\n\n## Use\n\nB.\n"
	_, res, err := build(t, newSite(t, files), func(o *Options) { o.Now = noticeNow })
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Error(), "content/terms/versions/2024-06-01.md:4: warning: material change takes effect on 2024-06-01, 7 days after") {
		t.Errorf("warnings: %v", res.Warnings)
	}
}

// TestNoticeBadValues checks the errors for notice_days that is no
// number of days, in clause.yaml and in front matter.
func TestNoticeBadValues(t *testing.T) {
	t.Parallel()
	files := noticeSite("notice_days: -3\ngroups:\n  - id: legal\n    notice_days: 30\n  - id: other\n    notice_days: -1\n", "2026-12-01", "notice_days: soon\n")
	_, _, err := build(t, newSite(t, files), func(o *Options) { o.Now = noticeNow })
	for _, want := range []string{
		"clause.yaml:1: notice_days must be a number of days, 0 or more, got -3",
		`clause.yaml:6: notice_days of group "other" must be a number of days, 0 or more, got -1`,
		"content/terms.md:9: notice_days must be a whole number, not string soon",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// TestNoticeAnnouncedFromGit checks that, with history: git, a version
// is announced by the first commit that gave its effective date, not by
// later commits that edit its text, and that the notice period counts
// from that day.
func TestNoticeAnnouncedFromGit(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	policy := func(effective, text string) string {
		return "---\ntitle: Privacy\ndescription: Data.\neffective: " + effective + "\nmaterial: true\nsummary: S.\n---\n\n## Data\n\n" + text + "\n"
	}
	for _, c := range []struct {
		days string
		want string
	}{
		{"45", ""},
		{"60", "content/privacy.md:4: material change takes effect on 2027-01-15, 56 days after it was announced on 2026-11-20 (the first commit that gave this effective date); notice_days is 60 (clause.yaml)"},
	} {
		dir := t.TempDir()
		git(t, dir, "2026-01-01", "init", "-q", "-b", "main")
		commit(t, dir, "2026-01-01", "first", map[string]string{"clause.yaml": "title: Git\nhistory: git\nnotice_days: " + c.days + "\n",
			"content/privacy.md": policy("2026-01-01", "Name.")})
		commit(t, dir, "2026-11-20", "announce", map[string]string{"content/privacy.md": policy("2027-01-15", "Name and e-mail.")})
		commit(t, dir, "2026-11-28", "wording", map[string]string{"content/privacy.md": policy("2027-01-15", "Your name and e-mail.")})
		_, _, err := build(t, dir, func(o *Options) { o.Now = noticeNow })
		switch {
		case c.want == "" && err != nil:
			t.Errorf("notice_days %s: build failed: %v", c.days, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("notice_days %s:\ngot  %v\nwant %s", c.days, err, c.want)
		}
	}
}

// TestNoticeInForce checks that a version in force announced too late is
// an error while moving its date could still give the notice, and a
// warning once it has been in force for longer than the notice period.
func TestNoticeInForce(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		effective, announced string
		fails                bool
	}{
		{"2026-11-20", "2026-11-15", true},  // in force for 11 of 30 days
		{"2026-09-01", "2026-08-25", false}, // in force for 91 days
	} {
		files := noticeSite("notice_days: 30\n", c.announced, "")
		files["content/terms.md"] = strings.Replace(files["content/terms.md"], "effective: 2027-01-15", "effective: "+c.effective, 1)
		_, res, err := build(t, newSite(t, files), func(o *Options) { o.Now = noticeNow })
		want := "content/terms.md:8: material change takes effect on " + c.effective
		switch {
		case c.fails && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("effective %s: want the build to fail with %q, got %v", c.effective, want, err)
		case !c.fails && (err != nil || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Error(), strings.Replace(want, ":8: ", ":8: warning: ", 1))):
			t.Errorf("effective %s: want one warning %q, got %v, %v", c.effective, want, err, res)
		}
	}
}
