package site

import (
	"strings"
	"testing"
)

// A redirect from /oldindex.html writes the file oldindex.html, so it does
// not make a link to /old/ work. The link checker used to trim "index.html"
// from any source, not only a last segment "index.html", and took the link
// for redirected.
func TestCheckLinkToLookalikeOfRedirectSource(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"clause.yaml":        "title: Test\nredirects:\n  /oldindex.html: /terms/\n  /older/index.html: /terms/\n",
		"content/privacy.md": page("See [a](/old/) and [b](/older/#liability).\n"),
	}
	_, out := runCheck(t, files, nil)
	want := `content/privacy.md:7:9: warning: broken link "/old/": nothing is published at /old/`
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "/older/") {
		t.Errorf("a link to a redirect source written as /older/index.html is reported:\n%s", out)
	}
}
