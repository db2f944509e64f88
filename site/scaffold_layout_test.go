package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestScaffoldContentDir checks that new and revise write into the
// content folder clause.yaml names, and accept slugs written as its paths.
func TestScaffoldContentDir(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ dir, prefix string }{{"Policies", "Policies/"}, {".", ""}, {"docs/legal", "docs/legal/"}} {
		src := newSite(t, map[string]string{"clause.yaml": "content_dir: " + tt.dir + "\n"})
		rel, err := NewPolicy(NewPolicyOptions{Source: src, Slug: tt.prefix + "privacy.md", Now: day("2026-03-04")})
		if err != nil || rel != tt.prefix+"privacy.md" {
			t.Fatalf("content_dir %s: NewPolicy = %q, %v", tt.dir, rel, err)
		}
		if _, err := os.Stat(filepath.Join(src, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
		rev, err := Revise(ReviseOptions{Source: src, Slug: "privacy", Effective: mustParse(t, "2026-05-01"), Now: day("2026-04-01")})
		if err != nil || rev.Current != rel || rev.Archived != tt.prefix+"privacy/versions/2026-03-04.md" {
			t.Fatalf("content_dir %s: Revise = %+v, %v", tt.dir, rev, err)
		}
		_, err = Revise(ReviseOptions{Source: src, Slug: "terms", Effective: mustParse(t, "2026-05-01")})
		if err == nil || !strings.HasPrefix(err.Error(), tt.prefix+"terms.md: no such policy") {
			t.Errorf("content_dir %s: revise of a missing policy: %v", tt.dir, err)
		}
	}
	src := newSite(t, map[string]string{"clause.yaml": "title: T\ncontent_dir: ../elsewhere\n"})
	_, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "privacy"})
	if err == nil || !strings.HasPrefix(err.Error(), `clause.yaml:2:14: content_dir "../elsewhere" is outside the site folder`) {
		t.Errorf("NewPolicy with a bad content_dir: %v", err)
	}
}

func mustParse(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDestinationWithContentDir checks the destination safety check
// against the configured content folder, and that a build into public/
// inside a root content folder leaves its own output out of the content.
func TestDestinationWithContentDir(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"clause.yaml": "content_dir: Policies\n", "Policies/privacy.md": policy("Privacy")})
	_, err := buildSite(Options{Source: src, Destination: filepath.Join(src, "Policies", "out"), Getenv: func(string) string { return "" }})
	if err == nil || !strings.Contains(err.Error(), "it is inside the content folder") {
		t.Errorf("destination inside Policies/: %v", err)
	}
	if _, _, err := build(t, src, func(o *Options) { o.Destination = filepath.Join(src, "content") }); err != nil {
		t.Errorf("content/ is not the content folder here: %v", err)
	}
	root := newSite(t, map[string]string{"clause.yaml": "content_dir: .\n", "privacy.md": policy("Privacy")})
	for i := 0; i < 2; i++ { // the second build finds the first one's output in the source
		res, err := buildSite(Options{Source: root, Theme: clause.Theme, Getenv: func(string) string { return "" }})
		if err != nil || res.Policies != 1 {
			t.Fatalf("build %d into public/: %v, %+v", i, err, res)
		}
	}
	tree := readTree(t, filepath.Join(root, "public"))
	if tree["public/index.html"] != nil || tree["privacy/index.html"] == nil {
		t.Error("the output folder was read as content")
	}
}
