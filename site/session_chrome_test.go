package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// chromeSite is a site above 40 policies in two groups, with footer links
// and a contact: its menu and footer are the theme's cached partials
// (partialCached), made once per build and language.
func chromeSite(groupTitle, footerTitle string) map[string]string {
	files := map[string]string{
		"clause.yaml": fmt.Sprintf("title: Chrome Co\ncontact: privacy@chrome.example\n"+
			"groups:\n  - id: legal\n    title: %s\n  - id: more\n    title: More\n"+
			"footer:\n  - title: %s\n    url: https://chrome.example/\n", groupTitle, footerTitle),
	}
	for i := 1; i <= 42; i++ {
		group := "legal"
		if i%3 == 0 {
			group = "more"
		}
		files[fmt.Sprintf("content/p-%02d.md", i)] = fmt.Sprintf("---\ntitle: Policy %d\ngroup: %s\neffective: 2026-01-01\n---\n## Part\n\nText %d.\n", i, group, i)
	}
	return files
}

// TestIncrementalEqualsFullCachedChrome checks that the chrome that
// partialCached makes once per build follows every edit the dev server
// sees: a group's title and the footer in clause.yaml, a policy's title
// and group, a policy added and deleted, a layout of the footer.
func TestIncrementalEqualsFullCachedChrome(t *testing.T) {
	t.Parallel()
	dir := newSite(t, chromeSite("Legal", "Company"))
	opts := Options{Source: dir, Theme: clause.Theme, Now: mustDate(t, "2026-06-01")}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() []fileChange
	}{
		{"group title", func() []fileChange {
			return []fileChange{writeFile(t, dir, "clause.yaml", chromeSite("Legal terms", "Company")["clause.yaml"], false)}
		}},
		{"footer link", func() []fileChange {
			return []fileChange{writeFile(t, dir, "clause.yaml", chromeSite("Legal terms", "Our company")["clause.yaml"], false)}
		}},
		{"policy title", func() []fileChange {
			return []fileChange{writeFile(t, dir, "content/p-01.md", "---\ntitle: Renamed\ngroup: legal\neffective: 2026-01-01\n---\n## Part\n\nText.\n", false)}
		}},
		{"policy group", func() []fileChange {
			return []fileChange{writeFile(t, dir, "content/p-02.md", "---\ntitle: Policy 2\ngroup: more\neffective: 2026-01-01\n---\n## Part\n\nText.\n", false)}
		}},
		{"add", func() []fileChange {
			return []fileChange{writeFile(t, dir, "content/p-99.md", "---\ntitle: New\ngroup: more\n---\n## Part\n\nNew.\n", true)}
		}},
		{"delete", func() []fileChange {
			p := filepath.Join(dir, "content", "p-99.md")
			os.Remove(p)
			return []fileChange{{Path: p, Created: true}}
		}},
		{"footer layout", func() []fileChange {
			return []fileChange{writeFile(t, dir, "layouts/partials/site-footer.html", "<footer>Own footer of {{ .Site.Title }}</footer>\n", true)}
		}},
	}
	var got map[string][]byte
	for _, s := range steps {
		var err error
		got, _, _, err = sess.rebuild(s.do())
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		want, _, err := renderSite(opts)
		if err != nil {
			t.Fatalf("%s: full build: %v", s.name, err)
		}
		diffTrees(t, got, want)
		if t.Failed() {
			t.Fatalf("after %s the incremental build differs from a full build", s.name)
		}
	}
	if page := outFile(t, got, "p-05/index.html"); !strings.Contains(page, "Own footer of Chrome Co") || !strings.Contains(page, "Legal terms") {
		t.Errorf("p-05 lacks the new footer or group title")
	}
}
