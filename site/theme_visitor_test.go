package site

import (
	"fmt"
	"strings"
	"testing"
)

// TestThemeVisitorNavigation checks what the default theme gives a
// visitor besides the text: a grouped policy menu with the changelog,
// a distinct title for every version page and redline, previous and next
// links between archived versions, upcoming changes on the home page and
// in the history, and a table-of-contents legend for the changed marks.
func TestThemeVisitorNavigation(t *testing.T) {
	t.Parallel()
	files := with(versionedSite, map[string]string{
		"clause.yaml":      "title: Versioned\nbase_url: https://ex.test/\ntoc: true\ngroups:\n  - id: privacy\n    title: Your data\n  - id: legal\n    title: Legal terms\n",
		"content/terms.md": "---\ntitle: Terms\ngroup: legal\n---\n## Use\n\nBe kind.\n",
	})
	tree := buildAt(t, files, "2026-06-01")
	page := func(p string) string {
		t.Helper()
		s, ok := tree[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		return string(s)
	}
	contains := func(name, s string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}

	terms := page("terms/index.html")
	contains("the menu", terms, `<details class="site-menu">`, `<ul aria-label="Legal terms">`,
		`<li><a href="/terms/" aria-current="page">Terms</a></li>`, `<a href="/changelog/">Changelog</a>`)
	contains("the changelog's menu", page("changelog/index.html"), `<a href="/changelog/" aria-current="page">Changelog</a>`)

	titles := map[string]bool{}
	for _, p := range []string{"privacy/versions/2025-01-01/index.html", "privacy/versions/2026-01-01/index.html",
		"privacy/versions/2026-12-01/index.html", "privacy/versions/2026-01-01/changes/index.html",
		"privacy/versions/2026-12-01/changes/index.html"} {
		s := page(p)
		title := s[strings.Index(s, "<title>"):strings.Index(s, "</title>")]
		if titles[title] {
			t.Errorf("%s has the title of another version page: %s", p, title)
		}
		titles[title] = true
	}
	contains("the archived version", page("privacy/versions/2025-01-01/index.html"),
		"<title>Privacy Notice, version of 1 January 2025 · Versioned</title>",
		`<a href="/privacy/versions/2026-01-01/" rel="next">Next version (1 January 2026)</a>`)
	middle := page("privacy/versions/2026-01-01/index.html")
	contains("the middle version", middle, `rel="prev">Previous version (1 January 2025)</a>`, `rel="next">Next version (1 December 2026)</a>`)
	if strings.Contains(page("privacy/index.html"), `rel="prev"`) {
		t.Error("the current page has version-to-version links; they belong to version pages")
	}

	contains("the home page", page("index.html"), `<h2 id="upcoming-changes">Upcoming changes</h2>`,
		`<a href="/privacy/versions/2026-12-01/">Privacy Policy</a> <span class="tag tag-material">material change</span>`,
		`Takes effect on <time datetime="2026-12-01">1 December 2026</time>`)
	contains("the history", page("privacy/versions/index.html"), `Takes effect on <time datetime="2026-12-01">`,
		`In effect from <time datetime="2025-01-01">`)
	contains("the upcoming redline", page("privacy/versions/2026-12-01/changes/index.html"),
		`<strong>These changes take effect on <time datetime="2026-12-01">1 December 2026</time>.</strong>`)
	if strings.Contains(page("privacy/versions/2026-01-01/changes/index.html"), "These changes take effect") {
		t.Error("a redline of a version in force says it is upcoming")
	}

	contains("the upcoming version's contents", page("privacy/versions/2026-12-01/index.html"),
		`<details class="toc-details" open>`, `Changed in the version of 1 December 2026</p>`, `class="toc-changed"`)
	if strings.Contains(page("privacy/versions/2025-01-01/index.html"), "toc-legend") {
		t.Error("the first version, which nothing precedes, has a legend for changed sections")
	}
}

// TestThemeHomeWithoutUpcoming checks that a site with no upcoming
// version has no "Upcoming changes" section.
func TestThemeHomeWithoutUpcoming(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2027-01-01")
	if strings.Contains(string(tree["index.html"]), "Upcoming changes") {
		t.Error("the home page announces upcoming changes when there are none")
	}
}

// TestFeedUpcomingNotInTheFuture checks that an upcoming version's Atom
// entry is dated when it was announced and says when it takes effect.
func TestFeedUpcomingNotInTheFuture(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	for _, name := range []string{"privacy/versions/feed.xml", "changelog.xml"} {
		feed := string(tree[name])
		if strings.Contains(feed, "2026-12-01T") {
			t.Errorf("%s dates something on the future day the upcoming version takes effect:\n%s", name, feed)
		}
		if !strings.Contains(feed, "<title>Privacy Policy — takes effect on 1 December 2026: Adds AI search.</title>") {
			t.Errorf("%s does not say when the upcoming version takes effect", name)
		}
		if !strings.Contains(feed, "<published>2026-06-01T00:00:00Z</published>") {
			t.Errorf("%s: the upcoming entry, revised on 2026-11-01 after the build's date, is not published on the build's date", name)
		}
	}
}

// TestThemeMenuOfALargeCenter checks that above 40 policies the menu
// lists the groups, not every policy: each page would otherwise carry a
// link to every other one, and a site's size would grow with the square
// of its policies.
func TestThemeMenuOfALargeCenter(t *testing.T) {
	t.Parallel()
	files := map[string]string{"clause.yaml": "title: Large\ngroups:\n  - id: a\n    title: First kind\n  - id: b\n    title: Second kind\n"}
	for i := range 41 {
		files[fmt.Sprintf("content/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Policy %d\ngroup: %s\n---\nText.\n", i, []string{"a", "b"}[i%2])
	}
	tree, _ := mustBuild(t, files, nil)
	page := string(tree["p07/index.html"])
	menu := page[strings.Index(page, `<details class="site-menu">`):strings.Index(page, `</details>`)]
	for _, want := range []string{`<a href="/#group-a">First kind</a> <span class="menu-count">(21)</span>`,
		`<a href="/#group-b">Second kind</a> <span class="menu-count">(20)</span>`, `All 41 policies</a>`, `href="/changelog/"`} {
		if !strings.Contains(menu, want) {
			t.Errorf("the menu lacks %q:\n%s", want, menu)
		}
	}
	if strings.Contains(menu, "/p08/") {
		t.Error("the menu of a 41-policy center links every policy")
	}
	if home := string(tree["index.html"]); !strings.Contains(home, `id="group-a"`) || !strings.Contains(home, `href="/p08/"`) {
		t.Error("the home page, where the menu sends visitors, lacks the group anchor or a policy")
	}
}

// TestCompareWithCurrent checks that an archived version can be compared
// with the version in force: on its own page when a version lies between
// them, or through the current version's redline when none does.
func TestCompareWithCurrent(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2027-01-01")
	cmp := string(tree["privacy/versions/2025-01-01/compare/index.html"])
	for _, want := range []string{"<h1>Changes to Privacy Policy since the version of 1 January 2025</h1>",
		"<title>Changes to Privacy Policy since the version of 1 January 2025 · Versioned</title>",
		`Everything that changed from the version of <time datetime="2025-01-01">`,
		`to the version in effect since <time datetime="2026-12-01">`, "<ins>", "AI search",
		`<a href="/privacy/versions/2025-01-01/">Read the version of 1 January 2025</a>`,
		`<meta name="robots" content="noindex">`} {
		if !strings.Contains(cmp, want) {
			t.Errorf("the comparison of 2025-01-01 with the current version lacks %q", want)
		}
	}
	if !strings.Contains(string(tree["privacy/versions/2025-01-01/index.html"]), `<a href="/privacy/versions/2025-01-01/compare/">Compare with the current version</a>`) {
		t.Error("the oldest version does not link to its comparison with the current one")
	}
	if !strings.Contains(string(tree["privacy/versions/2026-01-01/index.html"]), `<a href="/privacy/versions/2026-12-01/changes/">Compare with the current version</a>`) {
		t.Error("the version just before the current one does not link to the current version's redline")
	}
	for _, p := range []string{"privacy/versions/2026-01-01/compare/index.html", "privacy/versions/2026-12-01/compare/index.html"} {
		if _, ok := tree[p]; ok {
			t.Errorf("%s exists: it would repeat the current version's redline or compare it with itself", p)
		}
	}
	if strings.Contains(string(tree["privacy/versions/2026-12-01/index.html"]), "Compare with the current version") {
		t.Error("the current version offers to compare itself with the current version")
	}
	earlier := buildAt(t, versionedSite, "2026-06-01")
	if _, ok := earlier["privacy/versions/2025-01-01/compare/index.html"]; ok {
		t.Error("a comparison page exists for the version just before the one in force")
	}
}
