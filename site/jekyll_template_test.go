package site

import (
	"strings"
	"testing"
)

// TestJekyllTemplatesLeftOut builds a repository root as Jekyll keeps it:
// its index.html, 404.html, robots.txt and Sass start with front matter
// and are Liquid templates, so they are left out with a warning instead
// of colliding with clause's own files or publishing template source.
func TestJekyllTemplatesLeftOut(t *testing.T) {
	t.Parallel()
	files, res := mustRenderFS(t, mapSite(map[string]string{
		"clause.yaml":           "content_dir: .\n",
		"index.html":            "---\nlayout: home\n---\n{% for p in site.pages %}{{ p.url }}{% endfor %}\n",
		"404.html":              "---\npermalink: /404.html\n---\nGone\n",
		"robots.txt":            "---\n---\nSitemap: {{ site.url }}/sitemap.xml\n",
		"assets/css/style.scss": "---\n---\n@import \"main\";\n",
		"CNAME":                 "policies.example.com\n",
		"privacy.md":            "# Privacy\n\nWe keep little.\n",
	}))
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	for _, want := range []string{
		"404.html:1: warning: left out: a Jekyll template",
		"assets/css/style.scss:1: warning: left out: a Jekyll template",
		"index.html:1: warning: left out: a Jekyll template",
		"robots.txt:1: warning: left out: a Jekyll template",
	} {
		if !containsPrefix(got, want) {
			t.Errorf("no warning %q in %q", want, got)
		}
	}
	if strings.Contains(string(files["index.html"]), "site.pages") || strings.Contains(string(files["robots.txt"]), "{{") {
		t.Errorf("a template's source was published:\n%s\n%s", files["index.html"], files["robots.txt"])
	}
	if _, ok := files["css/style.scss"]; ok {
		t.Error("style.scss was copied")
	}
	if string(files["CNAME"]) != "policies.example.com\n" {
		t.Errorf("CNAME = %q, want it copied as it is", files["CNAME"])
	}
}

// TestCopiedFileOverGeneratedFile: a plain file that would replace one
// clause makes is still an error, and the hint says to remove or exclude
// it rather than to change a permalink it does not have.
func TestCopiedFileOverGeneratedFile(t *testing.T) {
	t.Parallel()
	_, _, err := renderFS(t, mapSite(map[string]string{
		"content/sitemap.xml": "<urlset/>\n",
		"content/privacy.md":  "# Privacy\n",
	}))
	if err == nil {
		t.Fatal("build succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, "content/sitemap.xml: output sitemap.xml is claimed by both the generated sitemap.xml and content/sitemap.xml") ||
		!strings.Contains(msg, "hint: clause makes sitemap.xml itself; remove or rename your file, or add it to exclude:") {
		t.Errorf("error = %s", msg)
	}
}

// TestJekyllURLVariables: site.url is the origin and site.baseurl the
// sub-path of base_url, so Jekyll's {{ site.url }}{{ site.baseurl }}
// gives the site's address once, not the path twice.
func TestJekyllURLVariables(t *testing.T) {
	t.Parallel()
	files, _ := mustRenderFS(t, mapSite(map[string]string{
		"clause.yaml":        "base_url: https://example.github.io/policies/\n",
		"content/privacy.md": "# Privacy\n\nSee [terms]({{ site.url }}{{ site.baseurl }}/terms/) and [home]({{ site.base_url }}).\n",
		"content/terms.md":   "# Terms\n",
	}))
	page := string(files["privacy/index.html"])
	for _, want := range []string{`href="https://example.github.io/policies/terms/"`, `href="https://example.github.io/policies/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in\n%s", want, page)
		}
	}
}

// containsPrefix reports whether some string in list starts with prefix.
func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// TestJekyllGenericLayouts: layout: default, page or post, which nearly
// every page of a Jekyll repository names, use policy.html quietly,
// while a layout that exists in layouts/ is still used and an unknown
// one still warns.
func TestJekyllGenericLayouts(t *testing.T) {
	t.Parallel()
	files, res := mustRenderFS(t, mapSite(map[string]string{
		"layouts/post.html":  `{{ define "main" }}<p class="post-layout">{{ .Title }}</p>{{ end }}`,
		"content/privacy.md": "---\nlayout: page\n---\n# Privacy\n",
		"content/terms.md":   "---\nlayout: default\n---\n# Terms\n",
		"content/news.md":    "---\nlayout: post\n---\n# News\n",
		"content/faq.md":     "---\nlayout: docs\n---\n# FAQ\n",
	}))
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `content/faq.md:2: warning: layout "docs" not found`) {
		t.Errorf("warnings = %q, want only the one about docs", got)
	}
	if !strings.Contains(string(files["news/index.html"]), `class="post-layout"`) {
		t.Error("layouts/post.html was not used")
	}
	if !strings.Contains(string(files["privacy/index.html"]), "<h1") {
		t.Error("privacy has no policy page")
	}
}
