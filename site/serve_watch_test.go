package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

func TestWatchFilter(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "content_dir: .\nexclude: [drafts/]\n", "privacy.md": policy("Privacy")})
	f := newWatchFilter(Options{Source: dir, Destination: filepath.Join(dir, "public")})
	equalList(t, "roots", f.roots(), []string{dir})
	at := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	for p, want := range map[string]bool{
		"public": true, "public/privacy/index.html": true, "README.md": true, "node_modules/x/a.js": true,
		"drafts/next.md": true, ".github/workflows/pages.yml": true,
		"privacy.md": false, "legal/terms.md": false, "clause.yaml": false, "layouts/policy.html": false,
		"assets/css/site.css": false, "img/seal.png": false, "data/subprocessors.yaml": false, "i18n/de.yaml": false,
	} {
		if got := f.ignore(at(p), false); got != want {
			t.Errorf("ignore(%s) = %v, want %v", p, got, want)
		}
	}
	if !f.ignore(at("drafts"), true) || f.ignore(at("legal"), true) {
		t.Error("folder patterns are not applied to folders")
	}
	folder := f.cur.Load()
	moved := *folder
	moved.dir = "Policies"
	if !f.follow(&moved) || f.follow(&moved) {
		t.Error("follow does not report a moved content folder exactly once")
	}
	equalList(t, "roots", f.roots(), []string{at("Policies"), at("layouts"), at("assets"), at("i18n"), at("clause.yaml"), at("data")})
	if f.ignore(at("i18n/de.yaml"), false) {
		t.Error("an edit of a words file is ignored")
	}
}

// rebuildEqualsFull rebuilds the session after change and checks the
// result against a full build of the same files.
func rebuildEqualsFull(t *testing.T, sess *session, opts Options, change fileChange) map[string][]byte {
	t.Helper()
	got, _, _, err := sess.rebuild([]fileChange{change})
	if err != nil {
		t.Fatal(err)
	}
	diffFull(t, got, opts)
	return got
}

// TestIncrementalContentDir checks that serve follows an edit of
// content_dir or the patterns in clause.yaml, and the edit of a file a
// symbolic link leads to.
// TestWatchFilterAdmitsIncludedHiddenFolders checks that the watcher is
// told to watch a hidden folder that include re-admits, and no other.
func TestWatchFilterAdmitsIncludedHiddenFolders(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "content_dir: .\ninclude: [.well-known]\n", "privacy.md": policy("Privacy")})
	f := newWatchFilter(Options{Source: dir, Destination: filepath.Join(dir, "public")})
	at := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	for _, c := range []struct {
		path        string
		isDir, want bool
	}{{".well-known", true, true}, {".well-known/security.txt", false, true}, {".git", true, false},
		{".git/HEAD", false, false}, {".cache/x.md", false, false}, {"public/.well-known/security.txt", false, false}} {
		if got := f.admit(at(c.path), c.isDir); got != c.want {
			t.Errorf("admit(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}

func TestIncrementalContentDir(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "title: T\n", "content/privacy.md": policy("Privacy"),
		"Policies/terms.md": policy("Terms"), "Policies/drafts/next.md": policy("Next")})
	if err := os.Symlink("terms.md", filepath.Join(dir, "Policies", "tos.md")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, Now: mustDate(t, "2026-06-01")}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		file, text string
		want       []string
	}{
		{"clause.yaml", "title: T\ncontent_dir: Policies\n", []string{"drafts/next/index.html", "terms/index.html", "tos/index.html"}},
		{"clause.yaml", "title: T\ncontent_dir: Policies\nexclude: [drafts/]\n", []string{"terms/index.html", "tos/index.html"}},
		{"Policies/terms.md", strings.Replace(policy("Terms"), "Text of", "New text of", 1), []string{"terms/index.html", "tos/index.html"}},
	}
	for i, s := range steps {
		files := rebuildEqualsFull(t, sess, opts, writeFile(t, dir, s.file, s.text, false))
		equalList(t, fmt.Sprint("step ", i), pagesAndFiles(files), s.want)
	}
	files, _, _, _ := sess.rebuild(nil)
	if !strings.Contains(string(files["tos/index.html"]), "New text of Terms") {
		t.Error("the page of a symbolic link kept its target's old text")
	}
}

// TestServeContentDir serves a site from Policies/, then from the
// repository's root after an edit of content_dir, which the watcher
// follows; files in the destination folder are never published.
func TestServeContentDir(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "content_dir: Policies\n", "Policies/privacy.md": policy("Privacy"),
		"README.md": "# Notes\n"})
	base, stop := startServe(t, dir)
	defer stop()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := events(t, ctx, base)
	if !strings.Contains(get(t, base+"privacy/"), "Text of Privacy.") {
		t.Fatal("the policy is not served")
	}
	writeTree(t, dir, map[string]string{"clause.yaml": "content_dir: .\n", "terms.md": policy("Terms")})
	for !strings.Contains(get(t, base+"terms/"), "Text of Terms.") {
		waitFor(t, ch, "reload")
	}
	writeTree(t, dir, map[string]string{"public/leak.md": policy("Leak")})
	writeTree(t, dir, map[string]string{"cookies.md": policy("Cookies")}) // only the new root's watcher sees it
	for !strings.Contains(get(t, base+"cookies/"), "Text of Cookies.") {
		waitFor(t, ch, "reload")
	}
	if strings.Contains(get(t, base+"leak/"), "Text of Leak.") || strings.Contains(get(t, base+"README/"), "Notes") {
		t.Error("a file in the destination folder, or the README, was published")
	}
}
