package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
)

// TestStaleTempFoldersRemoved checks that a build removes the temporary
// folders killed builds left beside its destination, and only those:
// a folder without clause's marker, one a running build holds, a
// symbolic link and another destination's folder stay.
func TestStaleTempFoldersRemoved(t *testing.T) {
	t.Parallel()
	if !canLockDirs {
		t.Skip("stale folders are left alone where folders cannot be locked")
	}
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	parent := filepath.Dir(dest)
	owned := map[string]string{markerFile: markerText, "privacy/index.html": "old"}
	elsewhere := t.TempDir()
	writeTree(t, elsewhere, owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-1"), owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-2.old"), owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-3"), map[string]string{"notes.txt": "mine"})
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-4"), map[string]string{markerFile: "something else\n", "a": "b"})
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-5"), owned)
	writeTree(t, filepath.Join(parent, ".other.clause-tmp-6"), owned)
	if err := os.Mkdir(filepath.Join(parent, ".public.clause-tmp-7"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(parent, ".public.clause-tmp-8")); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockDir(filepath.Join(parent, ".public.clause-tmp-5")) // a build still running
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, _, err := build(t, src, func(o *Options) { o.Destination = dest }); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{".public.clause-tmp-1": false, ".public.clause-tmp-2.old": false,
		".public.clause-tmp-3": true, ".public.clause-tmp-4": true, ".public.clause-tmp-5": true,
		".other.clause-tmp-6": true, ".public.clause-tmp-7": false, ".public.clause-tmp-8": true} {
		_, err := os.Lstat(filepath.Join(parent, name))
		if got := err == nil; got != want {
			t.Errorf("%s exists = %v, want %v", name, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "privacy", "index.html")); err != nil {
		t.Errorf("the target of a symbolic link was touched: %v", err)
	}
}

// TestCancelledBuild checks that a cancelled build removes its temporary
// folder and leaves the previous output byte-identical, whether it is
// cancelled before it starts or once the new site is complete.
func TestCancelledBuild(t *testing.T) {
	// Not parallel: setPause replaces a package-level hook.
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

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	setPause(t, func(_ context.Context, point string) {
		if point == "commit" {
			cancel()
		}
	})
	if _, err := BuildContext(ctx, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the swap: err = %v", err)
	}
	diffTrees(t, readTree(t, dest), before)
	assertNoTempDirs(t, filepath.Dir(dest))
}
