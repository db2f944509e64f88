package site

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
)

func day(s string) time.Time {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d.Time()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCleanSlug(t *testing.T) {
	t.Parallel()
	good := map[string]string{"cookies": "cookies", "legal/dpa": "legal/dpa", "content/privacy.md": "privacy",
		"privacy-2": "privacy-2", "legal/index.md": "legal"}
	for in, want := range good {
		if got, err := cleanSlug(in); err != nil || got != want {
			t.Errorf("cleanSlug(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "Cookies", "a b", "../x", "a/../b", "/abs", "a//b", "x.md.bak", "privacy/versions", "index", "-x", "a_b", "a/"} {
		if got, err := cleanSlug(bad); err == nil {
			t.Errorf("cleanSlug(%q) = %q; want an error", bad, got)
		}
	}
}

func TestNewPolicy(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"clause.yaml": "title: T\ngroups:\n  - id: legal\n    title: Legal\n"})
	rel, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "legal/data-processing", Now: day("2026-03-04")})
	if err != nil || rel != "content/legal/data-processing.md" {
		t.Fatalf("NewPolicy: %q, %v", rel, err)
	}
	text := readFile(t, filepath.Join(src, rel))
	want := "---\ntitle: Data processing\ndescription: 'TODO: one sentence that says what this policy covers.'\ngroup: legal\n" +
		"last_revised: 2026-03-04\neffective: 2026-03-04\ntoc: true\nsummary: First published version.\n---\n\n"
	if !strings.HasPrefix(text, want) || !strings.Contains(text, "\n## Contact us\n") {
		t.Errorf("new policy:\n%s", text)
	}
	_, err = NewPolicy(NewPolicyOptions{Source: src, Slug: "legal/data-processing", Title: "Other"})
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "already exists") || readFile(t, filepath.Join(src, rel)) != text {
		t.Errorf("second NewPolicy: %v", err)
	}
	if _, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "../escape"}); err == nil {
		t.Error("a bad slug is accepted")
	}
	// The new file builds, and check asks only for a description and the
	// text of each TODO line (see TestNewPolicyPlaceholders).
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: day("2026-03-05"), Getenv: func(string) string { return "" }})
	if err != nil || report.Errors() != 0 || report.Problems[0].Msg != "policy has no description" {
		t.Errorf("check of a new policy: %v %v", err, report.Problems)
	}
	rel, _ = NewPolicy(NewPolicyOptions{Source: t.TempDir(), Slug: "cookies", Title: `Cookies: "what" we set`})
	if rel != "content/cookies.md" {
		t.Errorf("without clause.yaml: %q", rel)
	}
}

// manifestAt renders the site at a moment and returns policies.json.
func manifestAt(t *testing.T, src string, now time.Time) manifest {
	t.Helper()
	files, _, err := renderSite(Options{Source: src, Theme: clause.Theme, Now: now, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatalf("build at %s: %v", now.Format("2006-01-02"), err)
	}
	var m manifest
	if err := json.Unmarshal(files["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReviseRoundTrip(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"content/privacy.md": "---\n# the main policy\ntitle: Privacy   # shown as h1\n" +
		"description: What we do.\nredirect_from:\n  - /old-privacy/\nlast_revised: 2026-01-10\neffective: 2026-01-15\n" +
		"summary: First version.\nchanges:\n  - Everything.\nmaterial: true\nweight: 2\n---\n\n## Data\n\nWe keep it.\n"})
	before := readFile(t, filepath.Join(src, "content/privacy.md"))
	rev, err := Revise(ReviseOptions{Source: src, Slug: "privacy", Effective: newDate(day("2026-04-01")),
		Summary: "Shorter retention: 30 days.", Now: day("2026-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Archived != "content/privacy/versions/2026-01-15.md" || rev.Previous.ISO() != "2026-01-15" {
		t.Errorf("revision: %+v", rev)
	}
	archived := readFile(t, filepath.Join(src, rev.Archived))
	wantArchived := "---\n# the main policy\ntitle: Privacy # shown as h1\ndescription: What we do.\nlast_revised: 2026-01-10\n" +
		"summary: First version.\nchanges:\n  - Everything.\nmaterial: true\nweight: 2\n---\n\n## Data\n\nWe keep it.\n"
	if archived != wantArchived {
		t.Errorf("archived:\n%s\nwant:\n%s", archived, wantArchived)
	}
	current := readFile(t, filepath.Join(src, "content/privacy.md"))
	wantCurrent := "---\n# the main policy\ntitle: Privacy # shown as h1\ndescription: What we do.\nredirect_from:\n  - /old-privacy/\n" +
		"last_revised: 2026-03-01\neffective: 2026-04-01\nsummary: 'Shorter retention: 30 days.'\nweight: 2\n---\n\n## Data\n\nWe keep it.\n"
	if current != wantCurrent {
		t.Errorf("current:\n%s\nwant:\n%s\nbefore:\n%s", current, wantCurrent, before)
	}
	m := manifestAt(t, src, day("2026-03-15"))
	p := m.Policies[0]
	if p.Current == nil || p.Current.Effective != "2026-01-15" || p.Upcoming == nil || p.Upcoming.Effective != "2026-04-01" ||
		p.Upcoming.Summary != "Shorter retention: 30 days." {
		t.Errorf("before the effective date: current %+v, upcoming %+v", p.Current, p.Upcoming)
	}
	m = manifestAt(t, src, day("2026-04-01"))
	p = m.Policies[0]
	if p.Current == nil || p.Current.Effective != "2026-04-01" || p.Upcoming != nil || len(p.Versions) != 2 || p.Versions[1].Status != StatusArchived {
		t.Errorf("on the effective date: current %+v, upcoming %+v, versions %+v", p.Current, p.Upcoming, p.Versions)
	}
	report, _ := Check(Options{Source: src, Theme: clause.Theme, Now: day("2026-03-15"), Getenv: func(string) string { return "" }})
	if len(report.Problems) != 0 {
		t.Errorf("check after revise: %v", report.Problems)
	}
}

func TestReviseRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, other string
		effective         string
		want              string
	}{
		{"no date", "---\ntitle: P\n---\n\nText.\n", "", "2026-05-01", "no effective or last_revised date"},
		{"no front matter", "# P\n\nText.\n", "", "2026-05-01", "no YAML front matter"},
		{"TOML front matter", "+++\ntitle = \"P\"\n+++\n\nText.\n", "", "2026-05-01", "clause revise edits YAML front matter only, and this file's is TOML"},
		{"JSON front matter", "{\n\"title\": \"P\"\n}\n\nText.\n", "", "2026-05-01", "this file's is JSON"},
		{"JSON front matter between ;;;", "\n;;;\n{\"title\": \"P\"}\n;;;\nText.\n", "", "2026-05-01", "content/p.md:2: clause revise edits YAML front matter only, and this file's is JSON"},
		{"an object that is not front matter", "{\"title\": \"P\"}\n\nText.\n", "", "2026-05-01", "no YAML front matter"},
		{"unreadable date", "---\neffective: someday\n---\n", "", "2026-05-01", `effective: cannot read date "someday"`},
		{"date not after", "---\neffective: 2026-05-01\n---\n", "", "2026-05-01", "the new effective date 2026-05-01 is not after 2026-05-01"},
		{"date before", "---\nlast_revised: 2026-05-01\n---\n", "", "2026-01-01", "is not after 2026-05-01"},
		{"version exists", "---\neffective: 2026-01-01\n---\n", "old", "2026-05-01", "this version file already exists"},
	}
	for _, tt := range tests {
		files := map[string]string{"content/p.md": tt.file}
		if tt.other != "" {
			files["content/p/versions/2026-01-01.md"] = tt.other
		}
		src := newSite(t, files)
		_, err := Revise(ReviseOptions{Source: src, Slug: "p", Effective: newDate(day(tt.effective)), Now: day("2026-04-01")})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v; want %q", tt.name, err, tt.want)
		}
		if readFile(t, filepath.Join(src, "content/p.md")) != tt.file {
			t.Errorf("%s: the policy file was changed", tt.name)
		}
	}
	_, err := Revise(ReviseOptions{Source: t.TempDir(), Slug: "nothing", Effective: newDate(day("2026-05-01"))})
	if err == nil || !strings.Contains(err.Error(), "no such policy") {
		t.Errorf("missing policy: %v", err)
	}
}

// TestReviseKeepsEncoding checks that revise finds front matter as the
// build does (after blank lines and a byte order mark, with lone CRs as
// line ends) and writes it back with the file's line ends.
func TestReviseKeepsEncoding(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"content/p.md": "\uFEFF\r---\rtitle: P\rlast_revised: 2025-12-01\r...\rBody.\r"})
	if _, err := Revise(ReviseOptions{Source: src, Slug: "p", Effective: newDate(day("2026-02-01")), Now: day("2026-01-05")}); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF---\rtitle: P\rlast_revised: 2026-01-05\reffective: 2026-02-01\r---\rBody.\r"
	if got := readFile(t, filepath.Join(src, "content/p.md")); got != want {
		t.Errorf("current: %q\nwant:    %q", got, want)
	}
}

func TestReviseKeepsLineEndingsAndKeys(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"content/legal/index.md": "---\r\ntitle: Legal\r\nlastmod: 2025-12-01\r\n---\r\n\r\nBody.\r\n"})
	rev, err := Revise(ReviseOptions{Source: src, Slug: "legal", Effective: newDate(day("2026-02-01")), Material: true, Now: day("2026-01-05")})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Current != "content/legal/index.md" || rev.Archived != "content/legal/versions/2025-12-01.md" {
		t.Errorf("paths: %+v", rev)
	}
	got := readFile(t, filepath.Join(src, rev.Current))
	want := "---\r\ntitle: Legal\r\nlastmod: 2026-01-05\r\neffective: 2026-02-01\r\nmaterial: true\r\n---\r\n\r\nBody.\r\n"
	if got != want {
		t.Errorf("current: %q\nwant:    %q", got, want)
	}
}

// TestReviseRefusesShortNotice checks that clause revise refuses a
// material change whose effective date leaves less than notice_days
// after today, names the earliest allowed date, and leaves the file
// alone; one with enough notice is written and the site builds.
func TestReviseRefusesShortNotice(t *testing.T) {
	t.Parallel()
	file := "---\ntitle: P\neffective: 2026-01-01\n---\n\nText.\n"
	src := newSite(t, map[string]string{"clause.yaml": "title: T\nnotice_days: 30\n", "content/p.md": file})
	revise := func(effective string, material bool) error {
		_, err := Revise(ReviseOptions{Source: src, Slug: "p", Effective: newDate(day(effective)), Material: material, Now: day("2026-04-01")})
		return err
	}
	err := revise("2026-04-20", true)
	want := "a material change announced today (2026-04-01) cannot take effect on 2026-04-20: notice_days is 30 (clause.yaml)"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "the earliest allowed effective date is 2026-05-01") {
		t.Fatalf("error %v; want %q and the earliest date", err, want)
	}
	if readFile(t, filepath.Join(src, "content/p.md")) != file {
		t.Fatal("the policy file was changed")
	}
	if err := revise("2026-05-01", true); err != nil {
		t.Fatalf("30 days of notice: %v", err)
	}
	if _, _, err := build(t, src, func(o *Options) { o.Now = day("2026-04-01") }); err != nil {
		t.Fatalf("the revised site does not build: %v", err)
	}
}
