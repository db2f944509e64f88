package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// link adds a symbolic link at name pointing to target.
func link(fsys fstest.MapFS, name, target string) {
	fsys[name] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink | 0o777}
}

// warningTexts returns the warnings of a build as text, sorted.
func warningTexts(res *Result) []string {
	var out []string
	for _, w := range res.Warnings {
		out = append(out, w.Error())
	}
	return out
}

func TestSymlinksInContent(t *testing.T) {
	t.Parallel()
	fsys := mapSite(map[string]string{
		"content/privacy.md":       policy("Privacy"),
		"shared/terms.md":          policy("Terms"),
		"shared/legal/dpa.md":      policy("Processing agreement"),
		"shared/legal/seal.png":    "PNG",
		"content/sub/cookies.md":   policy("Cookies"),
		"content/sub/_skip/x.md":   policy("X"),
		"content/excluded/link.md": "", // replaced by a link below
	})
	link(fsys, "content/privacy-policy.md", "privacy.md")         // a file inside the content folder
	link(fsys, "content/terms.md", "../shared/terms.md")          // a file inside the source
	link(fsys, "content/legal", "../shared/legal")                // a folder inside the source
	link(fsys, "content/chain.md", "sub/../privacy-policy.md")    // a link to a link
	link(fsys, "content/mirror", "sub")                           // a folder inside the content folder
	link(fsys, "content/outside.md", "../../etc/passwd.md")       // escapes the source
	link(fsys, "content/absolute.md", "/etc/passwd")              // absolute
	link(fsys, "content/gone.md", "missing.md")                   // dangling
	link(fsys, "content/sub/loop", "..")                          // a folder above itself
	link(fsys, "content/a.md", "b.md")                            // a chain that never ends
	link(fsys, "content/b.md", "a.md")                            //
	link(fsys, "content/excluded/link.md", "../../../outside.md") // excluded: no warning
	link(fsys, "content/_hidden.md", "nowhere.md")                // skipped by name: no warning
	fsys["clause.yaml"] = &fstest.MapFile{Data: []byte("exclude: [excluded/]\n")}
	files, res := mustRenderFS(t, fsys)
	equalList(t, "content outputs", pagesAndFiles(files), []string{"chain/index.html", "legal/dpa/index.html", "legal/seal.png",
		"mirror/cookies/index.html", "privacy-policy/index.html", "privacy/index.html", "sub/cookies/index.html", "terms/index.html"})
	equalList(t, "warnings", warningTexts(res), []string{
		`content/a.md: warning: symbolic link to "b.md" makes a loop; skipped` + "\n\thint: " + linkHint,
		`content/absolute.md: warning: symbolic link to "/etc/passwd" is an absolute path, which is outside the site folder; skipped` + "\n\thint: " + linkHint,
		`content/b.md: warning: symbolic link to "a.md" makes a loop; skipped` + "\n\thint: " + linkHint,
		`content/gone.md: warning: symbolic link to "missing.md" points to nothing; skipped` + "\n\thint: " + linkHint,
		`content/mirror/loop: warning: symbolic link to ".." makes a loop; skipped` + "\n\thint: " + linkHint,
		`content/outside.md: warning: symbolic link to "../../etc/passwd.md" points outside the site folder; skipped` + "\n\thint: " + linkHint,
		`content/sub/loop: warning: symbolic link to ".." makes a loop; skipped` + "\n\thint: " + linkHint,
	})
	if !strings.Contains(string(files["terms/index.html"]), "Text of Terms.") {
		t.Error("the linked file's text is not the page's")
	}
}

// TestSymlinksOnDisk builds a site whose links are real ones, read
// through the os.Root the build opens.
func TestSymlinksOnDisk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeTree(t, src, map[string]string{"content/privacy.md": policy("Privacy"), "shared/terms.md": policy("Terms"),
		"shared/img/seal.png": "PNG"})
	writeTree(t, dir, map[string]string{"outside.md": policy("Outside")})
	for name, target := range map[string]string{
		"content/terms.md": "../shared/terms.md", "content/img": "../shared/img", "content/outside.md": "../../outside.md",
		"content/gone.md": "nope.md", "content/self": ".",
	} {
		if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	dest, res, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	for _, p := range []string{"terms/index.html", "img/seal.png", "privacy/index.html"} {
		if tree[p] == nil {
			t.Errorf("missing %s", p)
		}
	}
	if tree["outside/index.html"] != nil {
		t.Error("a link outside the source was followed")
	}
	got := strings.Join(warningTexts(res), "\n")
	for _, want := range []string{`content/outside.md: warning: symbolic link to "../../outside.md" points outside the site folder`,
		`content/gone.md: warning: symbolic link to "nope.md" points to nothing`, `content/self: warning: symbolic link to "." makes a loop`} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant %s", got, want)
		}
	}
}
