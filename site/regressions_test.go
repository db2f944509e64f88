package site

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redline"
)

// These tests pin defects found in review.

func TestUndatedPolicyWithVersions(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/privacy.md": "---\ntitle: P\n---\nNew.\n", "content/privacy/versions/2024-01-01.md": "Old.\n"}
	_, _, err := build(t, newSite(t, files), nil)
	if err == nil || !strings.Contains(err.Error(), "content/privacy.md:1: this policy has earlier versions, so its current text needs a date") {
		t.Errorf("err = %v", err)
	}
}

func TestPageVarsOfArchivedVersion(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/p.md":                     "---\ntitle: P\neffective: 2025-06-01\n---\nNow in effect since {{ page.effective }}.\n",
		"content/p/versions/2024-01-01.md": "---\ntitle: Old P\n---\n{{ page.title }} in effect since {{ page.effective }}.\n",
	}
	tree := buildAt(t, files, "2025-07-01")
	if got := string(tree["p/versions/2024-01-01/index.html"]); !strings.Contains(got, "Old P in effect since 1 January 2024.") {
		t.Errorf("archived version prints another version's fields:\n%s", got)
	}
}

func TestTOMLLocalDatesAreUTC(t *testing.T) {
	t.Parallel()
	local := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("date-local", 9*3600))
	if got := wallClockUTC(local); !got.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("wallClockUTC = %v", got)
	}
	offset := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 9*3600))
	if got := wallClockUTC(offset); !got.Equal(offset) {
		t.Errorf("a date with an explicit offset changed: %v", got)
	}
}

func TestDraftWithVersions(t *testing.T) {
	t.Parallel()
	files := with(goodSite, map[string]string{
		"content/draft.md":                     "---\ntitle: D\ndraft: true\neffective: 2025-01-01\n---\nx\n",
		"content/draft/versions/2024-01-01.md": "y\n",
		"content/moved.md":                     "---\nredirect_to: /privacy/\n---\n",
		"content/moved/versions/2024-01-01.md": "z\n",
	})
	if _, _, err := build(t, newSite(t, files), nil); err != nil {
		t.Errorf("a draft's or redirect's version files failed the build: %v", err)
	}
}

func TestEnvBaseURLValidated(t *testing.T) {
	t.Parallel()
	_, _, err := build(t, newSite(t, goodSite), func(o *Options) {
		o.Getenv = func(k string) string { return map[string]string{"CLAUSE_BASE_URL": "example.com/policies"}[k] }
	})
	if err == nil || !strings.Contains(err.Error(), `CLAUSE_BASE_URL: base_url "example.com/policies" is not an absolute http(s) URL`) {
		t.Errorf("err = %v", err)
	}
}

func TestDestinationIsLayoutsFolder(t *testing.T) {
	t.Parallel()
	src := newSite(t, with(goodSite, map[string]string{"layouts/.keep": ""}))
	for _, d := range []string{"layouts", "assets"} {
		_, _, err := build(t, src, func(o *Options) { o.Destination = filepath.Join(src, d) })
		if err == nil || !strings.Contains(err.Error(), "inside the layouts or assets folder") {
			t.Errorf("destination %s: err = %v", d, err)
		}
	}
}

func TestDerivedURLsValidated(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"content/a.md":    "---\nslug: ../../evil\n---\n",
		"content/why?.md": "Body\n",
	}
	for name, body := range tests {
		_, _, err := build(t, newSite(t, with(goodSite, map[string]string{name: body})), nil)
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "is not valid") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	tree, _ := mustBuild(t, with(goodSite, map[string]string{"content/data-index.md": "---\ntitle: DI\neffective: 2025-01-01\n---\nx\n",
		"content/data-index/versions/2024-01-01.md": "y\n"}), nil)
	if _, ok := tree["data-index/versions/2024-01-01/index.html"]; !ok {
		t.Error("a policy named …-index lost its versions")
	}
}

func TestNoSelfRedirectsWhenPermalinkDropsHTML(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/p.md":                     "---\ntitle: P\neffective: 2025-01-01\n---\nNew.\n",
		"content/p/versions/2024-01-01.md": "---\npermalink: /p.html\n---\nOld.\n",
	}
	_, res, err := build(t, newSite(t, files), nil)
	if err != nil || len(res.Warnings) != 0 {
		t.Errorf("err %v, warnings %v", err, res.Warnings)
	}
}

// TestIncrementalSeesNewStaticFile checks that a copied file added under
// content/ that collides with a redirect source fails the incremental
// build as it fails a full build.
func TestIncrementalSeesNewStaticFile(t *testing.T) {
	t.Parallel()
	dir := newSite(t, with(goodSite, map[string]string{"clause.yaml": "title: T\nredirects:\n  \"/old/\": /privacy/\n"}))
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	change := writeFile(t, dir, "content/old/index.html", "<p>real</p>", true)
	_, _, _, incErr := sess.rebuild([]fileChange{change})
	_, _, fullErr := renderSite(opts)
	if fullErr == nil || incErr == nil || incErr.Error() != fullErr.Error() {
		t.Errorf("incremental %v, full %v", incErr, fullErr)
	}
}

func TestFirstVersionHasNoChangesURL(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	var m manifest
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Policies {
		for i, v := range p.Versions {
			if oldest := i == len(p.Versions)-1; oldest != (v.ChangesURL == "") { // newest first
				t.Errorf("%s version %s: changes_url %q", p.ID, v.Effective, v.ChangesURL)
			}
		}
	}
}

// renderedBlocks renders Markdown as the build does and returns the
// blocks the differ gets.
func renderedBlocks(src string) []redline.Block {
	return redlineBlocks(markdown.New(markdown.Options{}).Render([]byte(src)).Blocks)
}

func TestRedlineTitlesIndependentOfEarlierDiffs(t *testing.T) {
	t.Parallel()
	v1 := "## Our cookies\n\nWe use cookies.\n"
	v2 := "## Our cookies[^1]\n\nWe use cookies.\n\n[^1]: Small files.\n"
	v3 := "## Our cookies policy[^1]\n\nWe use cookies.\n\n[^1]: Small files.\n"
	d := redline.NewDiffer()
	d.Diff(renderedBlocks(v1), renderedBlocks(v2))
	got := d.Diff(renderedBlocks(v2), renderedBlocks(v3)).Summary()
	if want := redline.NewDiffer().Diff(renderedBlocks(v2), renderedBlocks(v3)).Summary(); got != want {
		t.Errorf("after an earlier diff: %q; fresh: %q", got, want)
	}
}

func TestRedlineReflowedBlockWithoutWords(t *testing.T) {
	t.Parallel()
	v1 := "## Logos\n\n![a](a.png)\n![b](b.png)\n"
	v2 := "## Logos\n\n![a](a.png) ![b](b.png)\n"
	if got := redline.NewDiffer().Diff(renderedBlocks(v1), renderedBlocks(v2)).Summary(); got != "0 sections changed, 0 added, 0 removed" {
		t.Errorf("reflowing images: %q", got)
	}
}

func TestPolicyNotYetInEffectHasOneBanner(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2024-06-01") // before every version
	page := string(tree["privacy-notice/index.html"])
	if page == "" {
		page = string(tree["privacy/index.html"])
	}
	if strings.Count(page, `class="banner`) != 1 || !strings.Contains(page, `aria-label="Not yet in effect"`) {
		t.Errorf("a policy not yet in effect should have one 'not yet in effect' banner:\n%s", page)
	}
}

func TestManifestKeysAlwaysPresent(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, with(versionedSite, map[string]string{"clause.yaml": "title: V\nbase_url: https://ex.test/sub\n"}), "2026-06-01")
	var m struct {
		BaseURL  string `json:"base_url"`
		Policies []map[string]json.RawMessage
	}
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.BaseURL != "https://ex.test/sub/" {
		t.Errorf("base_url = %q, want it with a trailing slash", m.BaseURL)
	}
	policyKeys := []string{"id", "title", "url", "group", "current", "upcoming", "versions"}
	versionKeys := []string{"effective", "last_revised", "status", "sha256", "source_sha256", "url", "markdown_url", "text_url",
		"changes_url", "summary", "changes", "material", "sections"}
	for _, p := range m.Policies {
		checkKeys(t, p, policyKeys)
		var versions []map[string]json.RawMessage
		if err := json.Unmarshal(p["versions"], &versions); err != nil {
			t.Fatal(err)
		}
		for _, v := range versions {
			checkKeys(t, v, versionKeys)
			if string(v["changes"]) == "null" {
				t.Errorf("changes is null, want []: %s", v["url"])
			}
		}
	}
}

// checkKeys fails unless obj has exactly the keys want.
func checkKeys(t *testing.T, obj map[string]json.RawMessage, want []string) {
	t.Helper()
	if len(obj) != len(want) {
		t.Errorf("keys %v, want %v", slices.Sorted(maps.Keys(obj)), want)
	}
	for _, k := range want {
		if _, ok := obj[k]; !ok {
			t.Errorf("key %q missing from %v", k, slices.Sorted(maps.Keys(obj)))
		}
	}
}

func TestSitemapDates(t *testing.T) {
	t.Parallel()
	files := with(versionedSite, map[string]string{"content/future.md": "---\ntitle: Future\neffective: 2027-03-01\n---\nSoon.\n"})
	sitemap := string(buildAt(t, files, "2026-06-01")["sitemap.xml"])
	for _, want := range []string{
		"<loc>https://ex.test/</loc><lastmod>2025-12-20</lastmod>",           // the newest past last-revised date
		"<loc>https://ex.test/future/</loc></url>",                           // not yet in effect: no date in the future
		"<loc>https://ex.test/changelog/</loc><lastmod>2025-12-20</lastmod>", // listed, like the home page
	} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap lacks %s:\n%s", want, sitemap)
		}
	}
}

func TestJekyllDocumentEndMarker(t *testing.T) {
	t.Parallel()
	errs := &ErrorList{}
	s := parseSource("content/p.md", "p.md", []byte("---\ntitle: Dots\nredirect_from: /old/\n...\n\n## Body\n"), errs)
	if err := errs.Err(); err != nil || s == nil {
		t.Fatalf("a front matter closed with ... (as Jekyll allows): %v", err)
	}
	if s.FM.Title != "Dots" || s.BodyLine != 5 || !strings.HasPrefix(string(s.Body), "\n## Body") {
		t.Errorf("title %q, body line %d, body %q", s.FM.Title, s.BodyLine, s.Body)
	}
}

func TestUnreadableConfigIsTheOnlyError(t *testing.T) {
	t.Parallel()
	_, _, err := build(t, newSite(t, map[string]string{
		"clause.yaml":      "title: [broken\nparams:\n  company: X\n",
		"content/terms.md": "---\ntitle: T\n---\nBy {{ site.company }}.\n",
	}), nil)
	if err == nil || !strings.Contains(err.Error(), "clause.yaml:1: invalid YAML in clause.yaml") || strings.Contains(err.Error(), "site.company") {
		t.Errorf("want only the clause.yaml error, got:\n%v", err)
	}
}

func TestRelativeFileLinksWorkOnEveryPage(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"clause.yaml":                            "title: T\nbase_url: https://ex.test/sub/\n",
		"content/cookies.md":                     "---\ntitle: Cookies\neffective: 2026-01-01\n---\n![Seal](img/seal.png) and the [PDF](files/cookies%20v2.pdf#page=2).\n",
		"content/cookies/versions/2025-01-01.md": "![Seal](img/seal.png) and [missing](img/none.png).\n",
		"content/img/seal.png":                   "PNG",
		"content/files/cookies v2.pdf":           "PDF",
	}
	tree := buildAt(t, files, "2026-06-01")
	page, old := string(tree["cookies/index.html"]), string(tree["cookies/versions/2025-01-01/index.html"])
	for _, want := range []string{`src="/sub/img/seal.png"`, `href="/sub/files/cookies%20v2.pdf#page=2"`} {
		if !strings.Contains(page, want) {
			t.Errorf("current page lacks %s", want)
		}
	}
	// A version file's links resolve from the policy's current file, as
	// its .md links do; a file that does not exist is left as written.
	if !strings.Contains(old, `src="/sub/img/seal.png"`) || !strings.Contains(old, `href="img/none.png"`) {
		t.Errorf("version page:\n%s", old)
	}
}
