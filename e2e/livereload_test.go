package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site"
)

// reloadLimit is how soon an open page must show an edit.
const reloadLimit = 2 * time.Second

// startServe runs site.Serve on 127.0.0.1:0 over src until t ends and
// returns the site's URL, which ends in "/".
func startServe(t *testing.T, src string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- site.Serve(ctx, site.ServeOptions{
			Options: site.Options{Source: src, Theme: clause.Theme, Now: sampleNow, Getenv: noEnv},
			Addr:    "127.0.0.1:0",
			Ready:   func(url string) { ready <- url },
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("site.Serve: %v", err)
		}
	})
	select {
	case url := <-ready:
		return url
	case err := <-done:
		t.Fatalf("site.Serve stopped before listening: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("site.Serve did not start within 30s")
	}
	return ""
}

// TestBrowserLiveReload edits a page of a site under clause serve while
// the page is open: the page must update by itself, show the error
// overlay for broken front matter, and drop it once the file is fixed.
func TestBrowserLiveReload(t *testing.T) {
	skipBrowserInShort(t)
	browser := newBrowser(t)
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS(filepath.Join(repoRoot, "site", "testdata", "sites", "basic"))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "content", "privacy.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) {
		t.Helper()
		if !strings.Contains(string(orig), old) {
			t.Fatalf("privacy.md no longer holds %q", old)
		}
		if err := os.WriteFile(file, []byte(strings.Replace(string(orig), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	url := startServe(t, src)
	tab := newTab(t, browser)
	navigate(t, tab, url+"privacy/")
	waitFor(t, tab, "page open", `document.body.textContent.includes("Your name and e-mail.")`, 5*time.Second)
	waitFor(t, tab, "live reload connected", `window.__clauseLiveReload === true`, 5*time.Second)

	edit("Your name and e-mail.", "Your name, e-mail and first pet.")
	took := waitFor(t, tab, "edit shown", `document.body.textContent.includes("Your name, e-mail and first pet.")`, reloadLimit)
	t.Logf("the open page showed the edit after %v", took)

	overlay := `(document.querySelector("clause-error-overlay") || {}).shadowRoot`
	edit("title: Privacy Policy", "title: [Privacy Policy")
	waitFor(t, tab, "error overlay", overlay+` && `+overlay+`.textContent.includes("content/privacy.md")`, reloadLimit)
	if bg := js[string](t, tab, `getComputedStyle(`+overlay+`.querySelector(".panel")).backgroundColor`); strings.HasPrefix(bg, "rgba") {
		t.Errorf("the error overlay's background is %s: the page shows through it", bg)
	}

	// The fix restores the last good file exactly, so the new build equals
	// the one on screen: the overlay must still go.
	edit("Your name and e-mail.", "Your name, e-mail and first pet.")
	waitFor(t, tab, "overlay gone", `document.querySelector("clause-error-overlay") === null`, reloadLimit)
	waitFor(t, tab, "text after the fix", `document.body.textContent.includes("Your name, e-mail and first pet.")`, reloadLimit)
}
