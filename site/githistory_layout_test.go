package site

import (
	"os/exec"
	"strings"
	"testing"
)

// TestGitHistoryContentDir reads history from a repository that keeps
// its policies at its root, then from one that keeps them in Policies/
// after moving them there.
func TestGitHistoryContentDir(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2024-01-01", "init", "-q", "-b", "main")
	commit(t, dir, "2024-01-01", "first", map[string]string{"clause.yaml": "title: Root\ncontent_dir: .\n",
		"README.md": "# Our policies\n", "policy.md": histV1, "Gemfile": "source 'https://rubygems.org'\n"})
	git(t, dir, "2024-06-01", "mv", "policy.md", "privacy.md")
	commit(t, dir, "2024-06-01", "rename", map[string]string{"README.md": "# Our policies, renamed\n"})
	commit(t, dir, "2025-01-01", "v2", map[string]string{"privacy.md": histV2})
	commit(t, dir, "2026-01-01", "v3", map[string]string{"privacy.md": histV3})
	now := func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2026-06-01") }
	dest, res, err := build(t, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	equalList(t, "outputs", versionPages(tree), []string{"privacy/versions/2024-01-01/index.html",
		"privacy/versions/2025-01-01/index.html", "privacy/versions/2026-01-01/index.html"})
	if !strings.Contains(string(tree["_redirects"]), "/policy/ /privacy/ 301") {
		t.Errorf("no redirect from the old name at the root:\n%s", tree["_redirects"])
	}
	if res.Policies != 1 {
		t.Errorf("%d policies, want 1: README.md and Gemfile are not pages", res.Policies)
	}

	// Move everything into Policies/ and exclude a file there.
	writeTree(t, dir, map[string]string{"Policies/notes.md": "# Notes\n"})
	git(t, dir, "2026-02-01", "mv", "privacy.md", "Policies/privacy.md")
	commit(t, dir, "2026-02-01", "move into Policies/", map[string]string{"clause.yaml": "title: Folder\ncontent_dir: Policies\nexclude: [notes.md]\n"})
	dest, _, err = build(t, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	tree = readTree(t, dest)
	equalList(t, "outputs after the move", versionPages(tree), []string{"privacy/versions/2024-01-01/index.html",
		"privacy/versions/2025-01-01/index.html", "privacy/versions/2026-01-01/index.html"})
	if tree["notes/index.html"] != nil {
		t.Error("an excluded file became a page")
	}
	if strings.Contains(strings.ToLower(string(tree["_redirects"])), "policies") {
		t.Errorf("a redirect names the content folder, which is not part of any URL:\n%s", tree["_redirects"])
	}
}

// versionPages lists the version pages of a built tree, leaving out the
// redirects from the versions' old URLs.
func versionPages(tree map[string][]byte) []string {
	var out []string
	for _, p := range pagesAndFiles(tree) {
		if strings.Contains(p, "/versions/") && strings.HasSuffix(p, "/index.html") && !strings.HasSuffix(p, "/versions/index.html") &&
			!strings.HasSuffix(p, "/changes/index.html") && !strings.HasSuffix(p, "/compare/index.html") && !strings.Contains(string(tree[p]), `http-equiv="refresh"`) {
			out = append(out, p)
		}
	}
	return out
}
