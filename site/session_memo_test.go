package site

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
	"github.com/clause-dev/clause/site/internal/memo"
)

// TestFixFrontMatterReusesPages breaks one policy's front matter and
// fixes it again: the failed build in between must not evict the pages
// of the last good build, so the fix renders no page at all.
func TestFixFrontMatterReusesPages(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	first, _, _, err := sess.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := sess.cache.counts().pages.Load(); n < 8 {
		t.Fatalf("the first build rendered %d pages; the test needs a site of several", n)
	}
	good := versionedSite["content/terms.md"]
	broken := strings.Replace(good, "title: Terms", "title: [Terms", 1)
	for i := 0; i < 2; i++ { // two saves while broken
		if _, _, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "content/terms.md", broken, false)}); err == nil {
			t.Fatal("a build with broken front matter succeeded")
		}
	}
	fixed, changed, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "content/terms.md", good, false)})
	if err != nil {
		t.Fatal(err)
	}
	if n := sess.cache.counts().pages.Load(); n != 0 {
		t.Errorf("the fix rendered %d pages, want 0", n)
	}
	if len(changed) != 0 {
		t.Errorf("the fix changed %v, want nothing", changed)
	}
	diffTrees(t, fixed, first)
	if &first["privacy/index.html"][0] != &fixed["privacy/index.html"][0] {
		t.Error("the privacy page was rendered again")
	}
	// A fix that also edits the body renders that policy's pages only.
	if _, _, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "content/terms.md", broken, false)}); err == nil {
		t.Fatal("a build with broken front matter succeeded")
	}
	if _, _, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "content/terms.md", good+"\nOne more line.\n", false)}); err != nil {
		t.Fatal(err)
	}
	if n := sess.cache.counts().pages.Load(); n != 1 {
		t.Errorf("a fix with an edit rendered %d pages, want terms' 1", n)
	}
}

// TestShapeCoversPhases checks that every field of the values the
// phases pass on (input, model, renderer) is hashed into the shape
// (renderInputs) or is left out for a reason, so that a field added to
// any of them cannot be missed by the dev server's keys.
func TestShapeCoversPhases(t *testing.T) {
	in := map[string]string{ // phase field → the renderInputs field holding it
		"input.opts": "Options", "input.cfg": "Config", "input.now": "Clock", "input.layout": "Layout",
		"input.contentFiles": "Files", "input.unloaded": "Unloaded", "input.copiedFiles": "Copied",
		"input.layouts": "Layouts", "input.register": "Register", "input.wordFiles": "Words", "input.sources": "Site",
		"model.assets": "Assets", "model.copies": "Copies", "model.layouts": "Wanted", "model.home": "Home",
		"model.policies": "Site", "model.groups": "Site", "model.bySource": "BySource", "model.site": "Site",
		"model.redirects": "Redirects", "model.redirectFormats": "Formats", "model.moved": "Moved",
		"model.nextChange": "NextChange", "model.langs": "Languages",
	}
	leftOut := map[string]string{
		"input.src": "inputs are hashed as read", "input.theme": "inputs are hashed as read",
		"input.copies":     "claimed into model.copies",
		"input.assetFiles": "claimed into model.assets, whose hashes are hashed",
		"input.words":      "made from Words and the theme's words, which are built in",
		"model.in":         "the input, whose fields are listed here",
		"model.errs":       "errors fail the build; warnings are replayed with their unit",
		"model.claims":     "derived from the pages, assets and files; resolveKey hashes the output paths",
		"model.md":         "made from Config", "model.shape": "the key itself", "model.mu": "a lock",
		"model.policyKeys": "keys made from the shape",
		"model.blobs":      "reads texts, which textsOf hashes",
		"model.stubs":      "made into pages reachable from their policy's (Policy.fallbacks), which the shape hashes",
		"renderer.ctx":     "cancellation", "renderer.m": "the model, whose fields are listed here",
		"renderer.out": "where outputs go", "renderer.errs": "errors fail the build; warnings are replayed with their unit",
		"renderer.tmpl": "parsed from Layouts and Wanted", "renderer.md": "made from Config", "renderer.mds": "made from Config and Words, one per language of Site",
		"renderer.pages": "a counter", "renderer.first": "the order of rendering, not what is rendered",
		"renderer.records":     "made by render from the policies' keys (policyRecords)",
		"renderer.recordIndex": "an index of records by policy",
		"renderer.stream":      "the state of writing policies.json beside the units; made by render",
	}
	fields := map[string]bool{}
	for _, typ := range []reflect.Type{reflect.TypeFor[input](), reflect.TypeFor[model](), reflect.TypeFor[renderer]()} {
		for i := 0; i < typ.NumField(); i++ {
			name := typ.Name() + "." + typ.Field(i).Name
			fields[name] = true
			if in[name] == "" && leftOut[name] == "" {
				t.Errorf("%s is neither hashed into the shape (renderInputs) nor left out for a reason", name)
			}
		}
	}
	rt := reflect.TypeFor[renderInputs]()
	for name, target := range in {
		if _, ok := rt.FieldByName(target); !ok {
			t.Errorf("renderInputs has no field %s for %s", target, name)
		}
	}
	for name := range leftOut {
		if !fields[name] {
			t.Errorf("%s is left out of the shape but is no field", name)
		}
	}
	for name := range in {
		if !fields[name] {
			t.Errorf("%s is hashed into the shape but is no field", name)
		}
	}
}

// assembleSite runs load and assemble on the site in dir, as a build
// does, with cache (nil for none).
func assembleSite(dir string, cache *buildCache) *model {
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, cache: cache}.withDefaults()
	errs := &ErrorList{}
	return assemble(load(context.Background(), opts, os.DirFS(dir), errs), errs)
}

// BenchmarkShapeKey times computeShape, the one hash of the shared render
// inputs that every build of the dev server computes, at 1,000 policies
// whose sources the session has hashed once already.
func BenchmarkShapeKey(b *testing.B) {
	dir := corpusDir(b, corpus.Options{Policies: 1000, Redirects: 1})
	m := assembleSite(dir, newBuildCache())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.computeShape()
	}
}

// TestShapeFollowsSiteData checks that the shape changes with fields of
// the input that no key function names, from which assemble makes the
// site data: a page's table of contents and a front matter parameter
// (both in a source), a footer link (in the configuration), and "now"
// passing a version's date (which changes its status).
func TestShapeFollowsSiteData(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	shape := func(m *model) memo.Key { m.computeShape(); return m.shape }
	base := shape(assembleSite(dir, nil))
	if again := shape(assembleSite(dir, nil)); again != base {
		t.Fatal("two assemblies of one site gave different shapes")
	}
	edits := map[string]func(in *input){
		"FM.TOC":      func(in *input) { off := false; in.sources[0].FM.TOC = &off },
		"FM.Params":   func(in *input) { in.sources[0].FM.Params["owner"] = "legal" },
		"Site.Footer": func(in *input) { in.cfg.Footer = append(in.cfg.Footer, Link{Title: "Imprint", URL: "/imprint/"}) },
		"now":         func(in *input) { in.now = mustDate(t, "2025-06-01") },
	}
	for name, edit := range edits {
		if got := shape(assembleEdited(dir, edit)); got == base {
			t.Errorf("changing %s left the shape as it was", name)
		}
	}
}

// assembleEdited is assembleSite without a cache, with edit applied to
// the input between load and assemble.
func assembleEdited(dir string, edit func(in *input)) *model {
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}.withDefaults()
	errs := &ErrorList{}
	in := load(context.Background(), opts, os.DirFS(dir), errs)
	edit(in)
	return assemble(in, errs)
}

// TestIncrementalFollowsFeedClock moves the clock between two days on
// which no status and no sitemap date changes, while one policy was
// revised after both: the feeds date that revision "now" (notAfterNow),
// so they must follow the clock, and the other policy's pages must still
// come from the memo.
func TestIncrementalFollowsFeedClock(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"clause.yaml":                            "title: Clocked\nbase_url: https://ex.test/\n",
		"content/cookies.md":                     "---\ntitle: Cookies\neffective: 2026-01-01\nlast_revised: 2026-07-01\n---\n## Use\n\nFew.\n",
		"content/cookies/versions/2025-01-01.md": "## Use\n\nMany.\n",
		"content/terms.md":                       "---\ntitle: Terms\neffective: 2025-03-01\n---\n## Use\n\nBe kind.\n",
	})
	now := "2026-06-01"
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return fmt.Sprint(mustDate(t, now).Unix())
		}
		return ""
	}}
	sess := newSession(opts)
	first, _, _, err := sess.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	now = "2026-06-20"
	second, changed, _, err := sess.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	diffFull(t, second, opts)
	for _, p := range []string{"changelog.xml", "cookies/versions/feed.xml"} {
		if !slices.Contains(changed, p) {
			t.Errorf("moving the clock did not change %s (changed: %v)", p, changed)
		}
	}
	if &first["terms/index.html"][0] != &second["terms/index.html"][0] {
		t.Error("the terms page, which no clock decides, was rendered again")
	}
}
