package write

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSwapNeverLeavesNoDestination checks that, where the system can
// exchange two folders in one step, the destination exists at every point
// of replacing it: a kill at any of them leaves a complete site.
func TestSwapNeverLeavesNoDestination(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("no atomic exchange on " + runtime.GOOS)
	}
	a, b := t.TempDir(), t.TempDir()
	if errors.Is(systemExchange(a, b), errNoExchange) {
		t.Skip("the temporary file system cannot exchange folders")
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, oldSite)
	var seen []string
	setPause(t, func(_ context.Context, point string) {
		seen = append(seen, point)
		want := site(oldSite)
		if point == "swapped" {
			want = site(newSite)
		}
		assertTree(t, dest, want)
	})
	mustCommit(t, dest, newSite)
	if strings.Join(seen, " ") != "commit swapped" {
		t.Errorf("paused at %q, want the exchange (commit swapped)", seen)
	}
	assertTree(t, dest, site(newSite))
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestSwapFallback takes the two-rename path of systems without an atomic
// exchange: the result is the same, and in the moment between the renames
// the previous output waits, marked, beside the destination.
func TestSwapFallback(t *testing.T) {
	prev := exchange
	exchange = func(a, b string) error { return errNoExchange }
	t.Cleanup(func() { exchange = prev })
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, oldSite)
	var seen []string
	setPause(t, func(_ context.Context, point string) {
		seen = append(seen, point)
		if point != "moved-aside" {
			return
		}
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), tempPrefix("public")+"*.old"))
		if len(matches) != 1 || !ownedLeftover(matches[0]) {
			t.Fatalf("previous output not beside the destination: %v", matches)
		}
		assertTree(t, matches[0], site(oldSite))
	})
	mustCommit(t, dest, newSite)
	if strings.Join(seen, " ") != "commit moved-aside swapped" {
		t.Errorf("paused at %q, want commit moved-aside swapped", seen)
	}
	assertTree(t, dest, site(newSite))
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestFirstCommitCreatesDestination checks the swap when there is nothing
// to exchange with yet, below folders that do not exist either.
func TestFirstCommitCreatesDestination(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "site", "public")
	mustCommit(t, dest, oldSite)
	if !ownedLeftover(dest) {
		t.Error("the first build's folder is not marked")
	}
	assertTree(t, dest, site(oldSite))
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestCommitLeavesNoStaleFiles checks that the destination holds exactly
// the new build: a file of the previous one that the new one lacks is gone.
func TestCommitLeavesNoStaleFiles(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, oldSite)
	mustCommit(t, dest, newSite)
	assertTree(t, dest, site(newSite)) // terms/index.html is gone
	assertNoTempDirs(t, filepath.Dir(dest))
}
