package site

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
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

// TestShapeCoversBuilder checks that every field of the builder is hashed
// into the shape (renderInputs) or is left out for a reason, so that a
// field added to the builder cannot be missed by the dev server's keys.
func TestShapeCoversBuilder(t *testing.T) {
	in := map[string]string{ // builder field → the renderInputs field holding it
		"site": "Site", "policies": "Site", "groups": "Site", "cfg": "Config", "opts": "Options",
		"layouts": "Layouts", "assets": "Assets", "layout": "Layout", "home": "Home",
		"contentFiles": "Files", "copiedFiles": "Copied", "bySource": "BySource",
		"redirects": "Redirects", "redirectFormats": "Formats", "moved": "Moved",
		"unloaded": "Unloaded", "now": "Clock", "nextChange": "NextChange",
	}
	leftOut := map[string]string{
		"ctx": "cancellation", "src": "inputs are hashed as read", "theme": "inputs are hashed as read",
		"out": "where outputs go", "errs": "errors fail the build; warnings are replayed with their unit",
		"claims": "derived from the pages, assets and files; resolveKey hashes the output paths",
		"tmpl":   "parsed from Layouts", "md": "made from Config",
		"shape": "the key itself", "mu": "a lock", "pages": "a counter",
		"blobs": "reads texts, which textsOf hashes",
	}
	bt := reflect.TypeFor[builder]()
	for i := 0; i < bt.NumField(); i++ {
		name := bt.Field(i).Name
		if in[name] == "" && leftOut[name] == "" {
			t.Errorf("builder.%s is neither hashed into the shape (renderInputs) nor left out for a reason", name)
		}
	}
	rt := reflect.TypeFor[renderInputs]()
	for target := range in {
		if _, ok := rt.FieldByName(in[target]); !ok {
			t.Errorf("renderInputs has no field %s for builder.%s", in[target], target)
		}
	}
}

// BenchmarkShapeKey times computeShape, the one hash of the shared render
// inputs that every build of the dev server computes, at 1,000 policies
// whose sources the session has hashed once already.
func BenchmarkShapeKey(b *testing.B) {
	dir := corpusDir(b, corpus.Options{Policies: 1000, Redirects: 1})
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, cache: newBuildCache()}.withDefaults()
	bl := newBuilder(opts, os.DirFS(dir), newMemOutput())
	bl.configure()
	bl.assemble()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl.computeShape()
	}
}

// TestShapeFollowsSiteData checks that the shape changes with fields of
// the site data that no key function names: a page's unexported field,
// a footer link, a version's status and a front matter parameter.
func TestShapeFollowsSiteData(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	assembled := func() *builder {
		opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}.withDefaults()
		b := newBuilder(opts, os.DirFS(dir), newMemOutput())
		b.configure()
		b.assemble()
		return b
	}
	base := assembled().shape
	if again := assembled().shape; again != base {
		t.Fatal("two assemblies of one site gave different shapes")
	}
	edits := map[string]func(b *builder){
		"page.toc":       func(b *builder) { b.policies[0].toc = !b.policies[0].toc },
		"Site.Footer":    func(b *builder) { b.site.Footer = append(b.site.Footer, Link{Title: "Imprint", URL: "/imprint/"}) },
		"Version.Status": func(b *builder) { b.policies[0].Policy.Versions[0].Status = StatusUpcoming },
		"FM.Params":      func(b *builder) { b.policies[0].src.FM.Params["owner"] = "legal" },
	}
	for name, edit := range edits {
		b := assembled()
		edit(b)
		if b.computeShape(); b.shape == base {
			t.Errorf("changing %s left the shape as it was", name)
		}
	}
}
