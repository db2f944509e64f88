package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// inCI reports whether the tests run in CI, where a missing browser or
// axe-core is a failure rather than a reason to skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// missing skips t with a message locally, which makes TestMain fail the
// package unless CLAUSE_E2E_BROWSER=skip, and fails t in CI.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + "; run scripts/install-browser-deps"
	if inCI() {
		t.Fatal(msg + " (CI=true: a missing dependency is a failure)")
	}
	noteSkip(msg)
	t.Skip(msg)
}

// skipBrowserInShort skips a browser test under -short: each one starts
// Chromium and takes seconds, so only the full suite (scripts/test) runs
// them.
func skipBrowserInShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped under -short (scripts/test runs it)")
	}
}

// chromiumPath is the browser the tests drive: $CHROMIUM, else Debian's.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// newBrowser starts headless Chromium with a fresh profile for t and
// returns its context. It skips t (fails it in CI) when there is no
// Chromium. The browser stops when t ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		missing(t, "chromium not found at %s (set CHROMIUM to use another)", exe)
	}
	// Chromium sometimes exits before it prints its DevTools address on
	// a loaded machine ("chrome failed to start"); a fresh start works.
	for attempt := 1; ; attempt++ {
		ctx, err := startBrowser(t, exe)
		if err == nil {
			return ctx
		}
		if attempt == 3 {
			t.Fatalf("starting %s: %v", exe, err)
		}
		t.Logf("starting %s failed (attempt %d of 3), starting it again: %v", exe, attempt, err)
	}
}

// startBrowser starts one headless Chromium with a fresh profile; it is
// stopped when t ends, or at once when it fails to start.
func startBrowser(t *testing.T, exe string) (context.Context, error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, err
	}
	t.Cleanup(cancelAlloc)
	t.Cleanup(cancel)
	return ctx, nil
}

// newTab opens a tab in browser for t, with a 90-second limit; the tab
// closes when t ends.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// navigate loads url in the tab and waits for it.
func navigate(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
}

// do runs actions in the tab and fails t on error.
func do(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// js evaluates a JavaScript expression in the tab and returns its value.
func js[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript expression until it is true, for at most
// limit, and returns how long that took.
func waitFor(t testing.TB, ctx context.Context, what, expr string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
			t.Fatalf("%s: %s still false after %v at %s (last error: %v)", what, expr, limit, where, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// emulateMedia sets the CSS media type ("" for screen, or "print") and
// the prefers-color-scheme of the tab.
func emulateMedia(t testing.TB, ctx context.Context, media string, dark bool) {
	t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	params := emulation.SetEmulatedMediaParams{Media: media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, params)
		return err
	}))
	if err != nil {
		t.Fatalf("emulate media %q, %s: %v", media, scheme, err)
	}
}

// axeSource reads axe-core from $CLAUSE_E2E_NPM (default
// $HOME/.cache/clause-e2e), where scripts/install-browser-deps puts it.
func axeSource(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CLAUSE_E2E_NPM")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "clause-e2e")
	}
	p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		missing(t, "axe-core not found at %s (set CLAUSE_E2E_NPM to its npm prefix)", p)
	}
	return string(b)
}
