package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSymlinkedLayoutsInMemory follows links in layouts/ and assets/
// that stay in the site, and warns about the others instead of ignoring
// them silently.
func TestSymlinkedLayoutsInMemory(t *testing.T) {
	fsys := mapSite(map[string]string{
		"content/privacy.md":     "---\ntitle: Privacy\nlayout: custom\neffective: 2026-01-01\n---\nText.\n",
		"shared/custom.html":     `{{ define "main" }}<p id="shared">{{ .Title }}</p>{{ end }}`,
		"shared/css/extra.css":   "p{}",
		"layouts/partials/.keep": "",
	})
	link(fsys, "layouts/custom.html", "../shared/custom.html")
	link(fsys, "layouts/home.html", "../../outside/home.html")
	link(fsys, "assets", "shared")
	files, res := mustRenderFS(t, fsys)
	if !strings.Contains(string(files["privacy/index.html"]), `<p id="shared">Privacy</p>`) {
		t.Error("the linked layout was not used")
	}
	if string(files["css/extra.css"]) != "p{}" {
		t.Error("the linked assets folder was not copied")
	}
	if files["css/clause.css"] == nil {
		t.Error("the theme's assets are missing")
	}
	equalList(t, "warnings", warningTexts(res), []string{
		`layouts/home.html: warning: symbolic link to "../../outside/home.html" points outside the site folder; skipped` + "\n\thint: " + linkHint,
	})
}

// TestSymlinkedLayoutsOnDisk links the whole layouts/ folder out of the
// site: the build warns and uses the theme's layouts.
func TestSymlinkedLayoutsOnDisk(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeTree(t, src, map[string]string{"content/privacy.md": policy("Privacy"),
		"theme/layouts/policy.html": `{{ define "main" }}<p id="inside">{{ .Title }}</p>{{ end }}`})
	writeTree(t, dir, map[string]string{"elsewhere/policy.html": `{{ define "main" }}<p id="outside">{{ .Title }}</p>{{ end }}`})
	if err := os.Symlink("../elsewhere", filepath.Join(src, "layouts")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	dest, res, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := string(readTree(t, dest)["privacy/index.html"])
	if strings.Contains(page, `id="outside"`) {
		t.Error("a layouts/ link outside the site was followed")
	}
	equalList(t, "warnings", warningTexts(res), []string{
		`layouts: warning: symbolic link to "../elsewhere" points outside the site folder; skipped` + "\n\thint: " + linkHint,
	})
	// Pointed inside the site, the link is followed.
	os.Remove(filepath.Join(src, "layouts"))
	if err := os.Symlink("theme/layouts", filepath.Join(src, "layouts")); err != nil {
		t.Fatal(err)
	}
	dest, res, err = build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readTree(t, dest)["privacy/index.html"]), `<p id="inside">Privacy</p>`) {
		t.Error("a layouts/ link inside the site was not followed")
	}
	equalList(t, "warnings", warningTexts(res), nil)
}
