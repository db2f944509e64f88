package site

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
)

// revisedSite is goodSite with a different privacy text, so that the
// output of a second build is told from the first by one word.
var revisedSite = with(goodSite, map[string]string{
	"content/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-01-02\n---\n## Data\n\nWe keep nothing at all.\n",
})

// TestCancelledBuild checks that a build cancelled before it starts
// removes its temporary folder and leaves the previous output
// byte-identical. The write package's tests cancel one at the swap.
func TestCancelledBuild(t *testing.T) {
	t.Parallel()
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	writeTree(t, src, revisedSite)
	opts := Options{Source: src, Destination: dest, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildContext(ctx, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the start: err = %v", err)
	}
	diffTrees(t, readTree(t, dest), before)
	assertNoTempDirs(t, filepath.Dir(dest))
}
