package corpus

import (
	"bytes"
	"path"
	"strings"
	"testing"
)

// TestBareLoopTexts checks that -texts writes, for every document, its
// page, its Markdown without front matter, its plain text without markup
// and an embeddable copy of the page.
func TestBareLoopTexts(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	if err := Write(src, Options{Policies: 3}); err != nil {
		t.Fatal(err)
	}
	if err := BareLoop(src, out, BareOptions{Texts: true, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, out)
	pages := 0
	for name, page := range files {
		if path.Base(name) != "index.html" || path.Base(path.Dir(name)) == "embed" {
			continue
		}
		pages++
		dir := path.Dir(name)
		md, txt, embed := files[dir+"/index.md"], files[dir+"/index.txt"], files[dir+"/embed/index.html"]
		if !bytes.Equal(embed, page) {
			t.Errorf("%s: the embeddable copy differs from the page", dir)
		}
		if len(md) == 0 || bytes.HasPrefix(md, []byte("---")) {
			t.Errorf("%s: index.md is empty or keeps its front matter: %.40q", dir, md)
		}
		if len(txt) == 0 || bytes.ContainsAny(txt, "<>#*") {
			t.Errorf("%s: index.txt is empty or holds markup: %.80q", dir, txt)
		}
		if first, _, _ := strings.Cut(strings.TrimSpace(string(txt)), "\n"); !bytes.Contains(page, []byte(first)) {
			t.Errorf("%s: the page lacks the text's first line %q", dir, first)
		}
	}
	if pages < 3 || len(files) != 4*pages {
		t.Errorf("%d files for %d pages, want four a page and at least 3 pages", len(files), pages)
	}
}
