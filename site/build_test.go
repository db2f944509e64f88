package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goodSite is a minimal valid site used as the "previous output" for
// failure tests.
var goodSite = map[string]string{
	"clause.yaml":        "title: Test Center\n",
	"content/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-01-02\n---\n## Data\n\nWe keep little.\n",
	"content/terms.md":   "---\ntitle: Terms\n---\n## Use\n\nSee [privacy](privacy.md#data).\n",
}

func with(files map[string]string, changes map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	for k, v := range changes {
		if v == "" {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		changes map[string]string
		want    []string
	}{
		{"malformed yaml", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: a: b\n---\nBody\n"},
			[]string{"content/privacy.md:3: invalid YAML front matter: a value contains \": \" (a colon and a space)", "hint: put such a value in quotes"}},
		{"unreadable date", map[string]string{"content/privacy.md": "---\ntitle: P\nlast_revised: 2026-02-30\n---\nBody\n"},
			[]string{`content/privacy.md:3: last_revised: cannot read date "2026-02-30": February has no 30th day`, "hint: February 2026 has 28 days"}},
		{"permalink with dots", map[string]string{"content/privacy.md": "---\ntitle: P\npermalink: /a/../../etc/\n---\nBody\n"},
			[]string{`content/privacy.md:3: permalink "/a/../../etc/" must not contain ".." segments`}},
		{"duplicate permalinks", map[string]string{"content/other.md": "---\npermalink: /privacy/\n---\nBody\n"},
			[]string{"output privacy/index.html is claimed by both content/other.md and content/privacy.md"}},
		{"case twins", map[string]string{"content/Privacy.md": "---\ntitle: P\n---\nBody\n"},
			[]string{"content/privacy.md: output Privacy/index.html of content/Privacy.md and output privacy/index.html of content/privacy.md differ only in letter case"}},
		{"normalisation twins", map[string]string{"content/caf\u00e9.md": "Body\n", "content/cafe\u0301.md": "Body\n"},
			[]string{"content/caf\u00e9.md: output cafe\u0301/index.html of content/cafe\u0301.md and output caf\u00e9/index.html of content/caf\u00e9.md differ only"}},
		{"missing template", map[string]string{"layouts/policy.html": "{{ define \"main\" }}\n{{ template \"partials/nope.html\" . }}{{ end }}\n"},
			[]string{"layouts/policy.html:2", `no such template "partials/nope.html"`}},
		{"broken template", map[string]string{"layouts/policy.html": "{{ define \"main\" }}\n{{ .Title \n{{ end }}\n"},
			[]string{"layouts/policy.html:3", `unexpected "{" in operand`}},
		{"unknown liquid tag", map[string]string{"content/privacy.md": "---\ntitle: P\n---\n\nText\n\n{% include footer.html %}\n"},
			[]string{"content/privacy.md:7", "Liquid"}},
		{"link to missing md", map[string]string{"content/terms.md": "---\ntitle: T\n---\n\nSee [gone](gone.md).\n"},
			[]string{`content/terms.md:5`, `gone.md`}},
		{"binary file", map[string]string{"content/scan.md": "\x00\x01PDF"},
			[]string{"content/scan.md: not a text file"}},
		{"unclosed front matter", map[string]string{"content/privacy.md": "---\ntitle: P\n\nBody\n"},
			[]string{"content/privacy.md:1: front matter is not closed", "closing `---`"}},
		{"two errors in two files", map[string]string{
			"content/privacy.md": "---\ndate: nope\n---\n",
			"content/terms.md":   "---\ntoc: sometimes\n---\n"},
			[]string{"content/privacy.md:2: date", "content/terms.md:2: toc must be true or false"}},
		{"bad config", map[string]string{"clause.yaml": "title: X\nbase_url: ftp://x\n"},
			[]string{"clause.yaml:2: base_url \"ftp://x\" is not an absolute http(s) URL"}},
		{"bad redirect formats", map[string]string{"clause.yaml": "title: X\nredirects:\n  formats: [html, netlify,\n    cloudflare, jsonx]\n"},
			[]string{"clause.yaml:4:5: redirect formats netlify and cloudflare both write _redirects",
				`clause.yaml:4:17: unknown redirect output format "jsonx"`}},
		{"page where a generated file is", map[string]string{"content/map.md": "---\ntitle: M\npermalink: /sitemap.xml\n---\nBody\n"},
			[]string{"content/map.md:3: output sitemap.xml/index.html needs sitemap.xml to be a folder, but it is a file for the generated sitemap.xml"}},
		{"page where a theme asset is", map[string]string{"content/css.md": "---\ntitle: C\npermalink: /css/clause.css\n---\nBody\n"},
			[]string{"content/css.md:3: output css/clause.css/index.html needs css/clause.css to be a folder, but it is a file for assets/css/clause.css"}},
		{"file where a page's folder is", map[string]string{"content/terms": "plain text"},
			[]string{"content/terms: output terms would be a file for content/terms but is a folder for content/terms.md"}},
		{"redirect formats through a YAML alias", map[string]string{"clause.yaml": "title: X\nparams:\n  fmts: &f [html, jsonx]\nredirects:\n  formats: *f\n"},
			[]string{`clause.yaml:3:19: unknown redirect output format "jsonx"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newSite(t, goodSite)
			dest, _, err := build(t, src, nil)
			if err != nil {
				t.Fatalf("good build: %v", err)
			}
			before := readTree(t, dest)
			for name := range tt.changes {
				os.Remove(filepath.Join(src, name))
			}
			writeTree(t, src, with(map[string]string{}, tt.changes))
			_, _, err = build(t, src, func(o *Options) { o.Destination = dest })
			if err == nil {
				t.Fatal("build succeeded, want error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
			diffTrees(t, readTree(t, dest), before)
			assertNoTempDirs(t, filepath.Dir(dest))
		})
	}
}

func assertNoTempDirs(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "clause-tmp") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestUnsafeDestination(t *testing.T) {
	t.Parallel()
	src := newSite(t, goodSite)
	home, _ := os.UserHomeDir()
	foreign := t.TempDir()
	writeTree(t, foreign, map[string]string{"notes.txt": "mine"})
	tests := []struct{ dest, want string }{
		{src, "it is the source folder"},
		{filepath.Join(src, "content"), "inside the content folder"},
		{filepath.Join(src, "content", "out"), "inside the content folder"},
		{filepath.Dir(src), "it contains the source folder"},
		{"/", "root of the file system"},
		{home, "your home folder"},
		{foreign, "not empty and was not written by clause"},
	}
	for _, tt := range tests {
		_, _, err := build(t, src, func(o *Options) { o.Destination = tt.dest })
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "hint:") {
			t.Errorf("dest %s: err = %v, want %q with a hint", tt.dest, err, tt.want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(data) != "mine" {
		t.Error("foreign folder was touched")
	}
}

func TestCleanOutput(t *testing.T) {
	t.Parallel()
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content", "terms.md"))
	if _, _, err := build(t, src, func(o *Options) { o.Destination = dest }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "terms", "index.html")); !os.IsNotExist(err) {
		t.Errorf("a deleted page's output lingers: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	src, _ := filepath.Abs(filepath.Join("testdata", "sites", "basic"))
	a, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, readTree(t, a), readTree(t, b))
}

func TestSummaryAndWarnings(t *testing.T) {
	t.Parallel()
	files := with(goodSite, map[string]string{"content/docs.md": "---\nlayout: docs\n---\n## A\n"})
	dest, res, err := build(t, newSite(t, files), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Policies != 3 || res.Pages != 6 {
		t.Errorf("policies %d pages %d, want 3 and 6 (with home, 404 and changelog)", res.Policies, res.Pages)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), `content/docs.md:2: warning: layout "docs" not found; using policy.html`) {
		t.Errorf("warnings = %v", res.Warnings)
	}
	if !strings.HasPrefix(res.Summary(), "built 6 pages (3 policies, 0 redirects) in ") || !strings.HasSuffix(res.Summary(), dest) {
		t.Errorf("summary = %q", res.Summary())
	}
}

func TestSubPathLinks(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, with(goodSite, map[string]string{"clause.yaml": "title: T\nbase_url: https://ex.github.io/policies/\n"}), nil)
	terms := string(tree["terms/index.html"])
	for _, want := range []string{`href="/policies/privacy/#data"`, `<link rel="canonical" href="https://ex.github.io/policies/terms/">`} {
		if !strings.Contains(terms, want) {
			t.Errorf("terms page lacks %s", want)
		}
	}
	for _, line := range strings.Split(terms, "\n") {
		if strings.Contains(line, `href="/`) && !strings.Contains(line, `href="/policies/`) {
			t.Errorf("link without the sub-path: %s", strings.TrimSpace(line))
		}
	}
	if !bytes.Contains(tree["sitemap.xml"], []byte("<loc>https://ex.github.io/policies/privacy/</loc><lastmod>2026-01-02</lastmod>")) {
		t.Errorf("sitemap:\n%s", tree["sitemap.xml"])
	}
	if !bytes.Contains(tree["robots.txt"], []byte("Sitemap: https://ex.github.io/policies/sitemap.xml")) {
		t.Errorf("robots.txt:\n%s", tree["robots.txt"])
	}
}
