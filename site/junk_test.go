package site

import (
	"testing"

	"github.com/clause-dev/clause/site/watch"
)

// TestJunkIsNotPublished checks that the files the dev server's watcher
// ignores as editor or system junk are not published either, from the
// content folder or assets/, even when include names them.
func TestJunkIsNotPublished(t *testing.T) {
	junk := []string{"content/4913", "content/notes.md.swp", "content/img/Thumbs.db", "content/privacy.md~",
		"content/.#privacy.md", "content/#privacy.md#", "content/terms.md___jb_tmp___", "content/x.crswap",
		"assets/img/Thumbs.db", "assets/css/site.css~", "assets/4913"}
	files := map[string]string{
		"clause.yaml":          "include: [Thumbs.db, \".#*\"]\n",
		"content/privacy.md":   policy("Privacy"),
		"content/img/seal.png": "PNG",
		"assets/css/site.css":  "p{}",
	}
	for _, p := range junk {
		if !watch.IsTempFile(p) {
			t.Errorf("%s: the watcher does not ignore it", p)
		}
		files[p] = "junk"
	}
	out, _ := mustRenderFS(t, mapSite(files))
	equalList(t, "content outputs", pagesAndFiles(out), []string{"img/seal.png", "privacy/index.html"})
	for _, p := range []string{"img/Thumbs.db", "css/site.css~", "4913"} {
		if out[p] != nil {
			t.Errorf("%s was published", p)
		}
	}
	if out["css/site.css"] == nil {
		t.Error("assets/css/site.css was not published")
	}
}
