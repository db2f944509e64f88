package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnnounceGolden compares clause announce's Markdown and plain-text
// output for the register case with testdata/announce/; -update rewrites
// them.
func TestAnnounceGolden(t *testing.T) {
	t.Parallel()
	a, err := Announce(Options{Source: registerCase, Now: goldenNow, Getenv: func(string) string { return "" }}, "vendors")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"notice-register.md": a.Markdown(), "notice-register.txt": a.Text()} {
		golden := filepath.Join("testdata", "announce", name)
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if !strings.HasPrefix(a.Text(), "Subject: Changes to our Subprocessors, effective 15 January 2027\n\n") {
		t.Error("the e-mail does not start with its subject line")
	}
}

// TestAnnounceRefusals checks what announce refuses: a policy with one
// version, an unknown policy, and a site whose build fails.
func TestAnnounceRefusals(t *testing.T) {
	t.Parallel()
	single := newSite(t, map[string]string{"content/privacy.md": "---\ntitle: Privacy\n---\n\nText.\n"})
	opts := Options{Source: single, Now: goldenNow, Getenv: func(string) string { return "" }}
	if _, err := Announce(opts, "privacy"); err == nil || err.Error() != "content/privacy.md: nothing to announce: this policy has a single version\n\thint: start a new version with clause revise privacy --effective DATE" {
		t.Errorf("single version: %v", err)
	}
	if _, err := Announce(opts, "terms"); err == nil || !strings.HasPrefix(err.Error(), "content/terms.md: no such policy") {
		t.Errorf("unknown policy: %v", err)
	}
	late := newSite(t, noticeSite("notice_days: 60\n", "2026-12-01", ""))
	_, err := Announce(Options{Source: late, Now: goldenNow, Getenv: func(string) string { return "" }}, "terms")
	if err == nil || !strings.Contains(err.Error(), "content/terms.md:8: material change") {
		t.Errorf("site with a build error: %v", err)
	}
}

// TestAnnounceInForce checks the announcement of a change already in
// force, for a policy without an upcoming version.
func TestAnnounceInForce(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"clause.yaml":                          "title: T\ncontact: a@example.test\n",
		"content/terms.md":                     "---\ntitle: Terms\neffective: 2026-05-01\n---\n\n## Use\n\nBe kind.\n\n## Fees\n\nNone.\n",
		"content/terms/versions/2025-01-01.md": "---\ntitle: Terms\n---\n\n## Use\n\nBe nice.\n",
	})
	a, err := Announce(Options{Source: dir, Now: goldenNow, Getenv: func(string) string { return "" }}, "terms")
	if err != nil {
		t.Fatal(err)
	}
	md := a.Markdown()
	for _, want := range []string{"The new version took effect on 1 May 2026.", "- Use (changed)\n- Fees (added)\n",
		"- [See every change](/terms/versions/2026-05-01/changes/)\n", "Questions? Write to a@example.test."} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Read the current version") {
		t.Errorf("a change in force links to the current version as another text:\n%s", md)
	}
}
