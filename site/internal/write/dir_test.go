package write

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestStaleTempFoldersRemoved checks that Open removes the temporary
// folders killed builds left beside its destination, and only those:
// a folder without clause's marker, one a running build holds, a
// symbolic link and another destination's folder stay.
func TestStaleTempFoldersRemoved(t *testing.T) {
	t.Parallel()
	if !canLockDirs {
		t.Skip("stale folders are left alone where folders cannot be locked")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustCommit(t, dest, oldSite)
	owned := map[string]string{MarkerFile: MarkerText, "privacy/index.html": "old"}
	elsewhere := t.TempDir()
	writeTree(t, elsewhere, owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-1"), owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-2.old"), owned)
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-3"), map[string]string{"notes.txt": "mine"})
	writeTree(t, filepath.Join(parent, ".public.clause-tmp-4"), map[string]string{MarkerFile: "something else\n", "a": "b"})
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
	mustCommit(t, dest, newSite)
	for name, want := range map[string]bool{".public.clause-tmp-1": false, ".public.clause-tmp-2.old": false,
		".public.clause-tmp-3": true, ".public.clause-tmp-4": true, ".public.clause-tmp-5": true,
		".other.clause-tmp-6": true, ".public.clause-tmp-7": false, ".public.clause-tmp-8": true} {
		_, err := os.Lstat(filepath.Join(parent, name))
		if got := err == nil; got != want {
			t.Errorf("%s exists = %v, want %v", name, got, want)
		}
	}
	assertTree(t, elsewhere, owned)
	assertTree(t, dest, site(newSite))
}

// TestCancelledCommit checks that a build cancelled once its folder is
// complete, just before the swap, removes that folder, leaves the
// previous output as it was and returns the context's error.
func TestCancelledCommit(t *testing.T) {
	// Not parallel: setPause replaces a package-level hook.
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, oldSite)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	setPause(t, func(_ context.Context, point string) {
		if point == "commit" {
			cancel()
		}
	})
	if err := commit(t, ctx, dest, newSite); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the swap: err = %v", err)
	}
	assertTree(t, dest, site(oldSite))
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestWriteAfterCancel checks that writes fail once the context is done,
// and that Discard then removes the folder and keeps the destination.
func TestWriteAfterCancel(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, oldSite)
	ctx, cancel := context.WithCancel(context.Background())
	d, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := d.Write("privacy/index.html", []byte("new")); !errors.Is(err, context.Canceled) {
		t.Errorf("write after cancel: %v", err)
	}
	d.Discard()
	d.Discard() // a second Discard does nothing
	if err := d.Commit(); err == nil {
		t.Error("Commit after Discard succeeded")
	}
	assertTree(t, dest, site(oldSite))
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestWriteRefusesPathsOutside checks that no path leads out of the
// temporary folder.
func TestWriteRefusesPathsOutside(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	d, err := Open(context.Background(), filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	for _, p := range []string{"../escape.html", "a/../../escape.html", "/etc/escape.html", ""} {
		if err := d.Write(p, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", p)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.html")); err == nil {
		t.Error("a file was written beside the temporary folder")
	}
}
