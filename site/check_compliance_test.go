package site

import (
	"strings"
	"testing"
)

// TestComplianceRules checks clause check's compliance rules, each with
// its file:line, against a site checked on checkNow (2026-06-01).
func TestComplianceRules(t *testing.T) {
	t.Parallel()
	privacy := func(fm string) string {
		return "---\ntitle: Privacy\ndescription: Data.\n" + fm + "---\n\n## Data\n\nName.\n"
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string // lines of the report that must be there
		not   []string // texts that must not be in it
	}{
		{"stale privacy policy", map[string]string{"content/privacy.md": privacy("last_revised: 2025-04-30\n")},
			[]string{"content/privacy.md:4: warning: privacy policy not revised for over 12 months: last revised or in effect since 2025-04-30, review was due by 2026-04-30"}, nil},
		{"revised within the year", map[string]string{"content/privacy.md": privacy("last_revised: 2025-06-02\n")},
			nil, []string{"not revised"}},
		{"a version in force since counts", map[string]string{"content/privacy.md": privacy("last_revised: 2024-01-01\neffective: 2025-12-01\n")},
			nil, []string{"not revised"}},
		{"kind: privacy", map[string]string{"content/data-notice.md": privacy("kind: privacy\nlast_revised: 2024-01-01\n")},
			[]string{"content/data-notice.md:5: warning: privacy policy not revised for over 12 months"}, nil},
		{"kind: other wins over the name", map[string]string{"content/privacy-faq.md": privacy("kind: faq\nlast_revised: 2024-01-01\n")},
			nil, []string{"not revised"}},
		{"not a privacy policy", map[string]string{"content/cookies.md": privacy("last_revised: 2024-01-01\n")},
			nil, []string{"not revised"}},
		{"in effect before announced", map[string]string{"content/privacy.md": privacy("effective: 2026-05-01\nannounced: 2026-05-10\n"),
			"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\n---\n\nOld.\n"},
			[]string{"content/privacy.md:5: warning: this change takes effect on 2026-05-01, before it was announced on 2026-05-10 (its announced: date)"}, nil},
		{"effective before last revised", map[string]string{"content/privacy.md": privacy("last_revised: 2026-05-20\neffective: 2026-05-01\n")},
			[]string{"content/privacy.md:4: warning: last_revised 2026-05-20 is after effective 2026-05-01: the text changed after it took effect"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, got := runCheck(t, c.files, nil)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, n := range c.not {
				if strings.Contains(got, n) {
					t.Errorf("unexpected %q in:\n%s", n, got)
				}
			}
		})
	}
}

// TestComplianceHints checks that each compliance warning has a hint.
func TestComplianceHints(t *testing.T) {
	t.Parallel()
	report, _ := runCheck(t, map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: D.\nlast_revised: 2024-01-01\n---\n\nText.\n"}, nil)
	found := 0
	for _, e := range report.Problems {
		if strings.Contains(e.Msg, "not revised") {
			found++
			if !strings.Contains(e.Hint, "California") {
				t.Errorf("hint %q", e.Hint)
			}
		}
	}
	if found != 1 {
		t.Errorf("%d stale-policy warnings, want 1: %v", found, report.Problems)
	}
}
