package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScaffoldFindsWhatTheBuildFinds checks that revise and new see the
// policies the build sees, in the cases where a scan of the content
// folder of their own used to disagree with it: a file exclude leaves
// out (new refuses to write one), an upper-case extension, a page that
// only redirects, two files for one policy, and a policy in a subfolder
// with a permalink, whose archived version the build attaches.
func TestScaffoldFindsWhatTheBuildFinds(t *testing.T) {
	t.Parallel()
	dated := "---\ntitle: %s\neffective: 2026-01-10\n---\n\nText.\n"
	page := func(title string) string { return strings.Replace(dated, "%s", title, 1) }
	src := newSite(t, map[string]string{
		"clause.yaml":              "title: T\nexclude: [\"draft-*\"]\ngroups:\n  - id: legal\n",
		"content/draft-notes.md":   page("Notes"),
		"content/terms.MD":         page("Terms"),
		"content/cookies.Markdown": page("Cookies"),
		"content/old.md":           "---\ntitle: Old\nredirect_to: /terms/\neffective: 2026-01-10\n---\n",
		"content/twice.md":         page("Twice"),
		"content/twice/index.md":   page("Twice again"),
		"content/legal/privacy.md": "---\ntitle: Privacy\npermalink: /privacy/\neffective: 2026-01-10\n---\n\nText.\n",
	})
	revise := func(slug string) (*Revision, error) {
		return Revise(ReviseOptions{Source: src, Slug: slug, Effective: mustParse(t, "2026-06-01"), Now: day("2026-05-01")})
	}
	for slug, want := range map[string]string{
		"draft-notes": "content/draft-notes.md: no such policy",
		"old":         "content/old.md:3: this page only redirects to /terms/",
		"twice":       "content/twice.md: both content/twice.md and content/twice/index.md are the policy twice",
	} {
		before := readTree(t, src)
		if _, err := revise(slug); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("revise %s: %v; want %q", slug, err, want)
		}
		if after := readTree(t, src); len(after) != len(before) {
			t.Errorf("revise %s wrote a file", slug)
		}
	}
	for slug, file := range map[string]string{"terms": "content/terms.MD", "legal/privacy": "content/legal/privacy.md"} {
		rev, err := revise(slug)
		if err != nil || rev.Current != file || rev.Archived != "content/"+slug+"/versions/2026-01-10.md" {
			t.Errorf("revise %s: %+v, %v", slug, rev, err)
		}
	}
	os.RemoveAll(filepath.Join(src, "content/twice")) // two files for one policy fail the build too
	m := manifestAt(t, src, day("2026-07-01"))
	versions := map[string]int{}
	for _, p := range m.Policies {
		versions[p.ID] = len(p.Versions)
	}
	if versions["terms"] != 2 || versions["legal/privacy"] != 2 {
		t.Errorf("versions in the build: %v", versions)
	}
	_, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "cookies", Now: day("2026-05-01")})
	var e *Error
	if !errors.As(err, &e) || e.Path != "content/cookies.Markdown" || !strings.Contains(e.Msg, "already exists") {
		t.Errorf("new cookies: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, "content/cookies.md")); err == nil {
		t.Error("new wrote a second file for the policy cookies")
	}
	_, err = NewPolicy(NewPolicyOptions{Source: src, Slug: "draft-plan", Now: day("2026-05-01")})
	if err == nil || !strings.HasPrefix(err.Error(), "content/draft-plan.md: the build leaves this file out") {
		t.Errorf("new draft-plan: %v", err)
	}
}
