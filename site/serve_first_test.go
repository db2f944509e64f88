package site

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestFirstPassThenCancel cancels a build right after its first pass
// published the shown page, as a newer edit does: the build returns the
// cancellation, its files do not become current, and the next build
// equals a full build.
func TestFirstPassThenCancel(t *testing.T) {
	t.Parallel()
	s, opts, _, before := sessionWithNewFooter(t)
	ctx, cancel := context.WithCancel(context.Background())
	var published map[string][]byte
	fp := &firstPass{pages: []string{"terms/index.html"}, publish: func(_ context.Context, files map[string][]byte, _, _ []string) {
		published = files
		cancel() // a newer edit arrives
	}}
	files, changed, _, err := s.rebuildFirst(ctx, []fileChange{{Path: "layouts/partials/footer.html"}}, fp)
	if !errors.Is(err, context.Canceled) || changed != nil || !mapsEqual(files, before) {
		t.Fatalf("cancelled build: err %v, changed %v; want context.Canceled and the previous files", err, changed)
	}
	if !strings.Contains(string(published["terms/index.html"]), "New footer") {
		t.Fatalf("the first pass published no new terms page: %v", keys(published))
	}
	got, _, _, err := s.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	diffFull(t, got, opts)
}

// keys returns the paths of files, for messages.
func keys(files map[string][]byte) []string {
	var out []string
	for p := range files {
		out = append(out, p)
	}
	return out
}

// TestFirstPassFailsBeforeAssembling checks that a dev server build with
// an unreadable front matter shows its errors once, as soon as loading
// found them: before assembling, which would add the claim conflict of
// another file. A build whose first error assembling finds shows it once.
func TestFirstPassFailsBeforeAssembling(t *testing.T) {
	t.Parallel()
	conflict := "---\ntitle: Copy\npermalink: /terms/\n---\nText.\n" // an assemble error: two pages claim /terms/
	for _, c := range []struct {
		name  string
		files map[string]string
		shown []string // what the early errors name
		not   string   // what they must not name
	}{
		{"load", map[string]string{"content/broken.md": "---\ntitle: [Broken\n---\nText.\n", "content/copy.md": conflict},
			[]string{"content/broken.md:2"}, "content/copy.md"},
		{"assemble", map[string]string{"content/copy.md": conflict}, []string{"content/copy.md"}, "content/broken.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := newSite(t, versionedSite)
			s := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
			if _, _, _, err := s.rebuild(nil); err != nil {
				t.Fatal(err)
			}
			writeTree(t, dir, c.files)
			var changes []fileChange
			for name := range c.files {
				changes = append(changes, fileChange{Path: filepath.Join(dir, name), Created: true})
			}
			var calls []string
			fp := &firstPass{pages: []string{"terms/index.html"}, fail: func(errs []*Error) { calls = append(calls, fmt.Sprint(errs)) }}
			if _, _, _, err := s.rebuildFirst(context.Background(), changes, fp); err == nil {
				t.Fatal("the build did not fail")
			}
			if len(calls) != 1 {
				t.Fatalf("fail was called %d times: %v; want once", len(calls), calls)
			}
			for _, w := range c.shown {
				if !strings.Contains(calls[0], w) {
					t.Errorf("the early errors %s do not name %s", calls[0], w)
				}
			}
			if strings.Contains(calls[0], c.not) {
				t.Errorf("the early errors %s name %s", calls[0], c.not)
			}
		})
	}
}

// sessionWithNewFooter builds versionedSite once in a dev server session,
// then edits its footer partial, which changes every page, without
// rebuilding: the session, its options, the site's folder and the files
// of the build before the edit.
func sessionWithNewFooter(t *testing.T) (*session, Options, string, map[string][]byte) {
	t.Helper()
	dir := newSite(t, versionedSite)
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	s := newSession(opts)
	before, _, _, err := s.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"layouts/partials/footer.html": "<footer>New footer</footer>\n"})
	return s, opts, dir, before
}
