package site

import (
	"context"
	"errors"
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
	dir := newSite(t, versionedSite)
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	s := newSession(opts)
	before, _, _, err := s.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"layouts/partials/footer.html": "<footer>New footer</footer>\n"})
	ctx, cancel := context.WithCancel(context.Background())
	var published map[string][]byte
	fp := &firstPass{pages: []string{"terms/index.html"}, publish: func(_ context.Context, files map[string][]byte, _ []string) {
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
	want, _, err := renderSite(opts)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, got, want)
}

// keys returns the paths of files, for messages.
func keys(files map[string][]byte) []string {
	var out []string
	for p := range files {
		out = append(out, p)
	}
	return out
}
