package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// setPause replaces the pause hook for one test. The hook is shared by
// every build in the process, so a test that calls setPause must not call
// t.Parallel: Go runs parallel tests only once every sequential one is done.
func setPause(t *testing.T, fn func(ctx context.Context, point string)) {
	t.Helper()
	prev := pause
	pause = fn
	t.Cleanup(func() { pause = prev })
}

// revisedSite is goodSite with a different privacy text, so that the
// output of a second build is told from the first by one word.
var revisedSite = with(goodSite, map[string]string{
	"content/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-01-02\n---\n## Data\n\nWe keep nothing at all.\n",
})

func privacyText(t *testing.T, dest string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, "privacy", "index.html"))
	if err != nil {
		t.Errorf("destination has no privacy page: %v", err)
	}
	return string(data)
}

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
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, src, revisedSite)
	var seen []string
	setPause(t, func(_ context.Context, point string) {
		seen = append(seen, point)
		text := privacyText(t, dest)
		if point == "swapped" && !strings.Contains(text, "nothing at all") {
			t.Errorf("at %s the destination is not the new build", point)
		}
	})
	if _, _, err := build(t, src, func(o *Options) { o.Destination = dest }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, " ") != "commit swapped" {
		t.Errorf("paused at %q, want the exchange (commit swapped)", seen)
	}
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestSwapFallback takes the two-rename path of systems without an atomic
// exchange: the result is the same, and in the moment between the renames
// the previous output waits, marked, beside the destination.
func TestSwapFallback(t *testing.T) {
	prev := exchange
	exchange = func(a, b string) error { return errNoExchange }
	t.Cleanup(func() { exchange = prev })
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, src, revisedSite)
	setPause(t, func(_ context.Context, point string) {
		if point != "moved-aside" {
			return
		}
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), tempPrefix("public")+"*.old"))
		if len(matches) != 1 || !ownedLeftover(matches[0]) || !strings.Contains(privacyText(t, matches[0]), "We keep little") {
			t.Errorf("previous output not beside the destination: %v", matches)
		}
	})
	if _, _, err := build(t, src, func(o *Options) { o.Destination = dest }); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(privacyText(t, dest), "nothing at all") {
		t.Error("the fallback did not install the new build")
	}
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestFirstBuildCreatesDestination checks the swap when there is nothing
// to exchange with yet.
func TestFirstBuildCreatesDestination(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "site", "public")
	if _, _, err := build(t, newSite(t, goodSite), func(o *Options) { o.Destination = dest }); err != nil {
		t.Fatal(err)
	}
	if !ownedLeftover(dest) || !strings.Contains(privacyText(t, dest), "We keep little") {
		t.Error("first build did not write a marked site")
	}
	assertNoTempDirs(t, filepath.Dir(dest))
}
