package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/internal/write"
)

// markerText is the text of a build's marker, for fixtures that hold a
// previous build's output.
const markerText = write.MarkerText

// TestDestinationNamesStartingWithDots checks that a folder name that
// begins with ".." does not fool the destination checks: the build that
// once deleted a source folder named "..site" inside an old output folder
// is refused, and so are destinations below content/ and layouts/.
func TestDestinationNamesStartingWithDots(t *testing.T) {
	t.Parallel()
	outer := t.TempDir()
	old := filepath.Join(outer, "out")
	writeTree(t, old, map[string]string{markerFile: markerText})
	src := filepath.Join(old, "..site")
	writeTree(t, src, with(goodSite, map[string]string{"layouts/.keep": "", "assets/.keep": ""}))
	tests := []struct{ dest, want string }{
		{old, "it contains the source folder"},
		{filepath.Join(src, "content", "..out"), "inside the content folder"},
		{filepath.Join(src, "layouts", "..out"), "inside the layouts or assets folder"},
		{filepath.Join(src, "assets", "..out"), "inside the layouts or assets folder"},
	}
	for _, tt := range tests {
		_, _, err := build(t, src, func(o *Options) { o.Destination = tt.dest })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("dest %s: err = %v, want %q", tt.dest, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content", "privacy.md")); err != nil {
		t.Fatalf("the source folder was touched: %v", err)
	}
	for _, d := range []string{"content", "layouts", "assets"} {
		if _, err := os.Stat(filepath.Join(src, d, "..out")); err == nil {
			t.Errorf("a build wrote %s/..out", d)
		}
	}
	// A sibling whose name starts with ".." is a fine destination.
	if _, _, err := build(t, src, func(o *Options) { o.Destination = filepath.Join(old, "..public") }); err != nil {
		t.Errorf("dest ..public beside the source: %v", err)
	}
}

// TestRevisePastEffectiveDate checks that revise refuses a new effective
// date before today (--now, else SOURCE_DATE_EPOCH), which would make the
// new version current at once although it says "upcoming", and that with
// Backdate the version is recorded with a last_revised check accepts.
func TestRevisePastEffectiveDate(t *testing.T) {
	t.Parallel()
	const policy = "---\ntitle: P\ndescription: d\nlast_revised: 2026-01-01\neffective: 2026-01-01\n---\n\nText.\n"
	epoch := func(k string) string { return map[string]string{"SOURCE_DATE_EPOCH": "1775001600"}[k] } // 2026-04-01
	for _, o := range []ReviseOptions{{Now: day("2026-04-01")}, {Getenv: epoch}} {
		src := newSite(t, map[string]string{"content/p.md": policy})
		o.Source, o.Slug, o.Effective = src, "p", newDate(day("2026-03-01"))
		_, err := Revise(o)
		if err == nil || !strings.Contains(err.Error(), "content/p.md: the new effective date 2026-03-01 is before today, 2026-04-01") ||
			!strings.Contains(err.Error(), "add --backdate") {
			t.Errorf("past date: %v", err)
		}
		if readFile(t, filepath.Join(src, "content/p.md")) != policy {
			t.Error("past date: the policy file was changed")
		}
		if _, err := os.Stat(filepath.Join(src, "content/p/versions")); err == nil {
			t.Error("past date: a version was archived")
		}
	}

	src := newSite(t, map[string]string{"content/p.md": policy})
	rev, err := Revise(ReviseOptions{Source: src, Slug: "p", Effective: newDate(day("2026-04-01")), Now: day("2026-04-01")})
	if err != nil || !rev.InForce() || rev.Backdated() {
		t.Errorf("today: %+v, %v", rev, err)
	}

	src = newSite(t, map[string]string{"content/p.md": policy})
	rev, err = Revise(ReviseOptions{Source: src, Slug: "p", Effective: newDate(day("2026-03-01")), Summary: "s", Now: day("2026-04-01"), Backdate: true})
	if err != nil || !rev.Backdated() || rev.Revised.ISO() != "2026-03-01" {
		t.Fatalf("backdated: %+v, %v", rev, err)
	}
	if got := readFile(t, filepath.Join(src, "content/p.md")); !strings.Contains(got, "last_revised: 2026-03-01\neffective: 2026-03-01\n") {
		t.Errorf("backdated file:\n%s", got)
	}
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: day("2026-04-01"), Getenv: func(string) string { return "" }})
	if err != nil || len(report.Problems) != 0 {
		t.Errorf("check after a backdated revise: %v %v", report.Problems, err)
	}
}

// TestHardeningBadInputsKeepOutput runs the bad inputs of the hardening
// items through a real build over a previous output: each fails with its
// message, leaves the previous output byte-identical and leaves no
// temporary folder.
func TestHardeningBadInputsKeepOutput(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ file, want string }{
		"long segment": {"---\ntitle: T\npermalink: /" + strings.Repeat("x", 300) + "/\n---\nB\n", "has a segment of 300 bytes"},
		"decoded dots": {"---\ntitle: T\npermalink: /%2e%2e/%2e%2e/x/\n---\nB\n", `contains a ".." segment`},
		"bidi":         {"---\ntitle: T\npermalink: /a\u202eb/\n---\nB\n", "invisible character U+202E"},
		"JSON twice":   {"{\n\"title\": \"A\",\n\"title\": \"B\"\n}\n\nB\n", `key "title" is defined twice`},
		"zero date":    {"---\ntitle: T\neffective: 0001-01-01\n---\nB\n", "is before 1900"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			src := newSite(t, goodSite)
			dest, _, err := build(t, src, nil)
			if err != nil {
				t.Fatal(err)
			}
			before := readTree(t, dest)
			writeTree(t, src, map[string]string{"content/terms.md": tt.file})
			if _, _, err := build(t, src, func(o *Options) { o.Destination = dest }); err == nil || !strings.Contains(err.Error(), "content/terms.md:") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			diffTrees(t, readTree(t, dest), before)
			assertNoTempDirs(t, filepath.Dir(dest))
		})
	}
}
