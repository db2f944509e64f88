package site

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// largeMultilingualSite returns a center of 50 policies in three
// languages, with a contact, footer links and an owner, so that the
// chrome differs by language and kind: 45 are translated into French
// (above the menu's 40, so the theme caches the menu there too) and 10
// into German (below it: the menu lists every policy and marks the page).
func largeMultilingualSite() map[string]string {
	files := map[string]string{
		"clause.yaml": "title: Harbor Lantern\ncontact: privacy@harbor-lantern.example\n" +
			"languages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: de, name: Deutsch}\n" +
			"groups:\n  - id: core\n    title: Core terms\n    titles: {fr: Conditions}\n  - id: extra\n    title: Extras\n" +
			"footer:\n  - {title: Status, url: 'https://status.harbor-lantern.example/'}\n" +
			"params:\n  company: Harbor Lantern Ltd\n  address: 4 Quay Row\n",
	}
	for i := range 50 {
		group := []string{"core", "extra"}[i%2]
		files[fmt.Sprintf("content/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Lantern policy %d\ngroup: %s\n---\n## Scope\n\nWhat lantern %d covers.\n", i, group, i)
		if i%10 != 0 {
			files[fmt.Sprintf("content/fr/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Politique %d\ngroup: %s\n---\n## Portée\n\nCe que couvre la lanterne %d.\n", i, group, i)
		}
		if i%5 == 0 {
			files[fmt.Sprintf("content/de/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Richtlinie %d\ngroup: %s\n---\n## Umfang\n\nWas Laterne %d abdeckt.\n", i, group, i)
		}
	}
	return files
}

// TestPartialCachedChromeMatchesUncached checks that the theme's chrome
// made once per language and kind (partialCached) is byte for byte what
// executing its partials on every page gives: the same site built with a
// header and footer of its own that call the same partials without
// partialCached has the same output.
func TestPartialCachedChromeMatchesUncached(t *testing.T) {
	t.Parallel()
	files := largeMultilingualSite()
	cached, _ := mustBuild(t, files, nil)

	header, err := fs.ReadFile(clause.Theme, "layouts/partials/header.html")
	if err != nil {
		t.Fatal(err)
	}
	footer, err := fs.ReadFile(clause.Theme, "layouts/partials/site-footer.html")
	if err != nil {
		t.Fatal(err)
	}
	call := `{{ partialCached "partials/site-menu.html" . .Kind }}`
	if !strings.Contains(string(header), call) {
		t.Fatalf("the theme's header no longer calls %s", call)
	}
	files["layouts/partials/header.html"] = strings.Replace(string(header), call, `{{ template "partials/site-menu.html" . }}`, 1)
	files["layouts/partials/footer.html"] = string(footer)
	uncached, _ := mustBuild(t, files, nil)
	diffTrees(t, cached, uncached)

	for name, want := range map[string]string{
		"p07/index.html":       `All 50 policies`,
		"fr/p03/index.html":    `>Conditions</a>`,
		"de/p05/index.html":    `<li><a href="/de/p05/" aria-current="page">Richtlinie 5</a></li>`,
		"de/index.html":        `aria-current="page">Harbor Lantern</a>`,
		"changelog/index.html": `<a href="/changelog/" aria-current="page">`,
		"fr/p06/index.html":    `Harbor Lantern Ltd · 4 Quay Row`,
	} {
		if page := outFile(t, cached, name); !strings.Contains(page, want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	if page := outFile(t, cached, "p07/index.html"); strings.Contains(page, `href="/"  aria-current`) || strings.Contains(page, `aria-current="page">Harbor Lantern</a>`) {
		t.Error("a policy page got the home page's menu")
	}
}

// TestPartialCachedInUserLayouts checks partialCached as a site's own
// layouts use it: one output per language and variant (a partial that
// also reads the page's title, which a cached partial should not, shows
// one page's title on every page of its language and kind), and a footer
// of the site's own that shows the page's title still executed on every
// page.
func TestPartialCachedInUserLayouts(t *testing.T) {
	t.Parallel()
	files := largeMultilingualSite()
	files["layouts/partials/kind-note.html"] = `<p class="kind-note">{{ .Kind }} in {{ .Lang }}: {{ T .Lang "changelog" }}</p>`
	files["layouts/partials/once.html"] = `<p class="once">{{ .Title }}</p>`
	files["layouts/partials/footer.html"] = `{{ partialCached "partials/kind-note.html" . .Kind }}{{ partialCached "partials/once.html" . .Kind }}<p class="own">{{ .Title }}</p>`
	tree, _ := mustBuild(t, files, nil)
	once := regexp.MustCompile(`<p class="once">[^<]*</p>`)
	if a, b := once.FindString(outFile(t, tree, "p05/index.html")), once.FindString(outFile(t, tree, "p06/index.html")); a == "" || a != b {
		t.Errorf("the cached partial was executed per page: %q and %q", a, b)
	}
	for name, want := range map[string][]string{
		"p05/index.html":    {`<p class="kind-note">policy in en: Changelog</p>`, `<p class="own">Lantern policy 5</p>`},
		"p06/index.html":    {`<p class="kind-note">policy in en: Changelog</p>`, `<p class="own">Lantern policy 6</p>`},
		"fr/p06/index.html": {`<p class="kind-note">policy in fr: `, `<p class="own">Politique 6</p>`},
		"index.html":        {`<p class="kind-note">home in en: Changelog</p>`},
	} {
		page := outFile(t, tree, name)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	if page := outFile(t, tree, "fr/p06/index.html"); strings.Contains(page, "policy in en") {
		t.Error("a French page got the English note")
	}
}

// TestPartialCachedMissingPartial checks that a cached partial that does
// not exist fails the build with an error naming the layout and the
// partial, as a missing {{ template }} does.
func TestPartialCachedMissingPartial(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/privacy.md":           "---\ntitle: Privacy\n---\nText.\n",
		"layouts/partials/footer.html": `{{ partialCached "partials/nowhere.html" . }}`,
	}
	_, _, err := build(t, newSite(t, files), nil)
	if err == nil {
		t.Fatal("the build succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, "partials/nowhere.html") || !strings.Contains(msg, "layouts/") {
		t.Errorf("the error does not name the layout and the missing partial: %s", msg)
	}
}

// TestPartialCachedNeedsThePage checks that a cached partial given other
// data than the page fails the build with an error that says so: its
// output is kept per language, which only a page carries.
func TestPartialCachedNeedsThePage(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/privacy.md":           "---\ntitle: Privacy\n---\nText.\n",
		"layouts/partials/site.html":   `{{ .Title }}`,
		"layouts/partials/footer.html": `{{ partialCached "partials/site.html" .Site }}`,
	}
	_, _, err := build(t, newSite(t, files), nil)
	if err == nil || !strings.Contains(err.Error(), "must be the page") || !strings.Contains(err.Error(), "layouts/") {
		t.Fatalf("want an error that the data must be the page, naming the layout; got %v", err)
	}
}
