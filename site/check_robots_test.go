package site

import (
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestCheckRobotsUnderPath checks the note that robots.txt is out of
// crawlers' reach when base_url has a path, pointing at where base_url
// was set, and its absence for a site at the root of its host.
func TestCheckRobotsUnderPath(t *testing.T) {
	t.Parallel()
	privacy := map[string]string{"content/privacy.md": page("Text.\n")}
	tests := []struct {
		name, config string
		env          map[string]string
		want         string // the note's line; "" for none
	}{
		{"root", "title: Test\nbase_url: https://privacy.example.com/\n", nil, ""},
		{"no base_url", "title: Test\n", nil, ""},
		{"sub-path in clause.yaml", "title: Test\nbase_url: https://example.github.io/policies/\n", nil,
			"clause.yaml:2: info: robots.txt is written to https://example.github.io/policies/robots.txt, where crawlers never read it: " +
				"with base_url under a path, only https://example.github.io/robots.txt counts"},
		{"sub-path from the environment", "title: Test\nbase_url: https://privacy.example.com/\n",
			map[string]string{"CLAUSE_BASE_URL": "https://example.com/legal/center/"},
			"CLAUSE_BASE_URL: info: robots.txt is written to https://example.com/legal/center/robots.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"clause.yaml": tt.config}
			for k, v := range privacy {
				files[k] = v
			}
			report, out := runCheck(t, files, tt.env)
			if tt.want == "" {
				if strings.Contains(out, "robots.txt") {
					t.Errorf("unexpected note:\n%s", out)
				}
				return
			}
			if !strings.Contains(out, tt.want) {
				t.Fatalf("want a line containing\n%s\ngot:\n%s", tt.want, out)
			}
			if report.Failed(true) {
				t.Errorf("the note fails check --strict:\n%s", out)
			}
			for _, e := range report.Problems {
				if strings.Contains(e.Msg, "robots.txt") && !strings.Contains(e.Hint, "/sitemap.xml\" to https://") {
					t.Errorf("hint does not say where the Sitemap line goes: %q", e.Hint)
				}
			}
		})
	}
}

// TestCheckRobotsFlag checks that the note names --base-url when the
// flag set the sub-path.
func TestCheckRobotsFlag(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"clause.yaml": "title: Test\n", "content/privacy.md": page("Text.\n")})
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: checkNow, BaseURL: "https://example.github.io/policies/",
		Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range report.Problems {
		if strings.Contains(e.Msg, "robots.txt") {
			if e.Path != "--base-url" || e.Severity != SeverityInfo {
				t.Errorf("note at %s (%s), want --base-url (info)", e.Path, e.Severity)
			}
			return
		}
	}
	t.Errorf("no note about robots.txt in %v", report.Problems)
}

// withoutRobotsNote drops the robots.txt note from runCheck's output, for
// tests of other rules on sites under a path.
func withoutRobotsNote(_ *CheckReport, out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, ": info: robots.txt is written to ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}
