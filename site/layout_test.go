package site

import (
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/clause-dev/clause"
)

// mapSite turns files (slash path → content) into a file system.
func mapSite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return fsys
}

// renderFS builds the site in fsys in memory, as from the folder ".",
// whose default destination is public/.
func renderFS(t *testing.T, fsys fstest.MapFS) (map[string][]byte, *Result, error) {
	t.Helper()
	return renderSite(Options{Source: ".", sourceFS: fsys, Theme: clause.Theme, Getenv: func(string) string { return "" },
		Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
}

// mustRenderFS is renderFS that fails the test on a build error.
func mustRenderFS(t *testing.T, fsys fstest.MapFS) (map[string][]byte, *Result) {
	t.Helper()
	files, res, err := renderFS(t, fsys)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return files, res
}

// pagesAndFiles lists the output paths that come from content: every
// path except the generated ones and the theme's assets.
func pagesAndFiles(files map[string][]byte) []string {
	generated := map[string]bool{"index.html": true, "404.html": true, "sitemap.xml": true, "robots.txt": true,
		"changelog/index.html": true, "changelog.xml": true, "policies.json": true}
	var out []string
	for p := range files {
		if !generated[p] && !strings.HasPrefix(p, "css/") && !strings.HasPrefix(p, "js/") && !isRecordOrEmbed(p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// isRecordOrEmbed reports whether p is a page's published text, a
// policy's embed page, which every policy has beside its page, or the
// _headers file that lets other sites fetch the embed pages.
func isRecordOrEmbed(p string) bool {
	return strings.HasSuffix(p, "/embed/index.html") || path.Base(p) == "index.md" || path.Base(p) == "index.txt" || p == headersFile
}

// equalList fails the test when got and want differ.
func equalList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// policy is a small dated policy text.
func policy(title string) string {
	return "---\ntitle: " + title + "\neffective: 2026-01-01\n---\n## Scope\n\nText of " + title + ".\n"
}

func TestContentDirRoot(t *testing.T) {
	t.Parallel()
	fsys := mapSite(map[string]string{
		"clause.yaml":                 "title: Root\ncontent_dir: .\n",
		"index.md":                    "---\ntitle: Our policies\n---\nEverything we promise, in one place.\n",
		"privacy.md":                  policy("Privacy"),
		"legal/terms.md":              policy("Terms"),
		"img/seal.png":                "PNG",
		"CNAME":                       "policies.example.com\n",
		"README.md":                   "# How to edit these policies\n",
		"LICENSE.md":                  "All rights reserved.\n",
		"LICENSE":                     "All rights reserved.\n",
		"CODE_OF_CONDUCT.md":          "Be kind.\n",
		"CONTRIBUTING.md":             "Send a pull request.\n",
		"legal/README.md":             "Legal folder notes.\n",
		".github/workflows/pages.yml": "on: push\n",
		"node_modules/pkg/readme.md":  "# A package\n",
		"vendor/bundle/gem/notes.md":  "# A gem\n",
		"Gemfile":                     "source 'https://rubygems.org'\n",
		"Gemfile.lock":                "GEM\n",
		"package.json":                "{}\n",
		"_config.yml":                 "title: Old Jekyll site\n",
		"_site/privacy.html":          "<p>old</p>\n",
		"layouts/partials/extra.html": `{{ define "partials/extra.html" }}{{ end }}`,
		"assets/img/logo.svg":         "<svg/>",
		"public/.clause-output":       markerText,
		"public/privacy/index.html":   "<p>last build</p>\n",
		"old-output/.clause-output":   markerText,
		"old-output/stale/index.md":   "# Not content\n",
	})
	files, res := mustRenderFS(t, fsys)
	equalList(t, "content outputs", pagesAndFiles(files),
		[]string{"CNAME", "img/logo.svg", "img/seal.png", "legal/terms/index.html", "privacy/index.html"})
	if res.Policies != 2 {
		t.Errorf("%d policies, want 2", res.Policies)
	}
	if !strings.Contains(string(files["index.html"]), "Everything we promise, in one place.") {
		t.Error("the root index.md is not the home page")
	}
}

func TestContentDirFolder(t *testing.T) {
	t.Parallel()
	fsys := mapSite(map[string]string{
		"clause.yaml":         "title: Folder\ncontent_dir: Policies/\n",
		"Policies/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-02-30\n---\nText.\n",
		"Policies/README.md":  "# About this folder\n",
		"content/old.md":      policy("Old"),
		"notes.md":            policy("Notes"),
	})
	_, _, err := renderFS(t, fsys)
	if err == nil || !strings.Contains(err.Error(), `Policies/privacy.md:3: last_revised: cannot read date "2026-02-30"`) {
		t.Fatalf("err = %v, want the error at Policies/privacy.md:3", err)
	}
	fsys["Policies/privacy.md"].Data = []byte(policy("Privacy"))
	files, _ := mustRenderFS(t, fsys)
	equalList(t, "content outputs", pagesAndFiles(files), []string{"privacy/index.html"})
}

func TestContentDirInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct{ yaml, want string }{
		{"content_dir: /srv/policies\n", `clause.yaml:1:14: content_dir "/srv/policies" is an absolute path`},
		{"content_dir: ../policies\n", `clause.yaml:1:14: content_dir "../policies" is outside the site folder`},
		{"title: T\ncontent_dir: docs/../../x\n", `clause.yaml:2:14: content_dir "docs/../../x" is outside the site folder`},
		{"content_dir: ..\n", `clause.yaml:1:14: content_dir ".." is outside the site folder`},
		{"content_dir: 'a\\b'\n", `clause.yaml:1:14: content_dir "a\\b" contains a backslash`},
		{"content_dir: ''\n", `clause.yaml:1:14: content_dir is empty`},
		{"content_dir: [a, b]\n", `clause.yaml:1:14: content_dir must be a folder name`},
		{"content_dir: Policies\n", `clause.yaml:1: content_dir "Policies" does not exist`},
		{"content_dir: ..policies\n", `clause.yaml:1: content_dir "..policies" does not exist`},
		{"title: T\ncontent_dir: content/privacy.md\n", `clause.yaml:2: content_dir "content/privacy.md" is a file, not a folder`},
	}
	for _, tt := range tests {
		_, _, err := renderFS(t, mapSite(map[string]string{"clause.yaml": tt.yaml, "content/privacy.md": policy("P")}))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v\nwant %s", tt.yaml, err, tt.want)
		}
	}
}

func TestIncludeExclude(t *testing.T) {
	t.Parallel()
	fsys := mapSite(map[string]string{
		"clause.yaml": "title: Globs\nexclude:\n  - drafts/\n  - '*.tmp.md'\n  - legal/old.md\n" +
			"include: [.well-known, _pages, LICENSE.md]\n",
		"content/privacy.md":                     policy("Privacy"),
		"content/drafts/next.md":                 policy("Next"),
		"content/legal/drafts.md":                policy("Drafts page"),
		"content/legal/old.md":                   policy("Old"),
		"content/old.md":                         policy("Old at the top"),
		"content/scratch.tmp.md":                 policy("Scratch"),
		"content/.well-known/security.txt":       "Contact: mailto:security@example.com\n",
		"content/.hidden/x.md":                   policy("Hidden"),
		"content/_pages/about.md":                policy("About"),
		"content/_partials/x.md":                 policy("Partial"),
		"content/LICENSE.md":                     policy("License"),
		"content/README.md":                      "# Read me\n",
		"content/node_modules/pkg/index.md":      policy("Package"),
		"content/legal/node_modules/pkg/docs.md": policy("Nested package"),
	})
	files, _ := mustRenderFS(t, fsys)
	equalList(t, "content outputs", pagesAndFiles(files), []string{".well-known/security.txt", "LICENSE/index.html",
		"_pages/about/index.html", "legal/drafts/index.html", "old/index.html", "privacy/index.html"})
}

func TestBadPatterns(t *testing.T) {
	t.Parallel()
	yaml := "title: T\nexclude:\n  - '[a'\n  - ''\n  - ../up/\n  - {a: b}\ninclude: 'x['\n"
	_, _, err := renderFS(t, mapSite(map[string]string{"clause.yaml": yaml, "content/privacy.md": policy("P")}))
	for _, want := range []string{
		`clause.yaml:3:5: exclude pattern "[a" is not a valid pattern: syntax error in pattern`,
		`clause.yaml:4:5: exclude pattern "" is empty`,
		`clause.yaml:5:5: exclude pattern "../up/" has an empty, . or .. path element`,
		`clause.yaml:6:5: exclude must be a list of glob patterns`,
		`clause.yaml:7:10: include pattern "x[" is not a valid pattern`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant %s", err, want)
		}
	}
}

func TestLayoutSkipped(t *testing.T) {
	t.Parallel()
	l := defaultLayout()
	l.exclude = append(l.exclude, newGlob("drafts/"), newGlob("legal/*.pdf"), newGlob("/top.md"))
	l.include = append(l.include, newGlob("_pages"), newGlob("README.md"))
	tests := []struct {
		rel   string
		isDir bool
		want  bool
	}{
		{"privacy.md", false, false},
		{"README.md", false, false},        // re-admitted by include
		{"README.txt", false, true},        // README* by default
		{"docs/LICENSE", false, true},      // names match at any depth
		{"drafts", true, true},             // a folder pattern
		{"drafts", false, false},           // ... matches folders only
		{"x/drafts", true, true},           // at any depth
		{"legal/a.pdf", false, true},       // a pattern with / is anchored
		{"x/legal/a.pdf", false, false},    // ... to the content folder
		{"top.md", false, true},            // a leading / anchors
		{"x/top.md", false, false},         //
		{"_pages", true, false},            // include re-admits "_" names
		{"_other", true, true},             //
		{"_index.md", false, false},        // the home page
		{".git", true, true},               // hidden
		{"privacy.md~", false, true},       // editor backups
		{"node_modules", true, true},       //
		{"node_modules", false, false},     // a file named so is content
		{"vendor/bundle", true, false},     // only the folder itself is matched
		{"clause.yaml", false, false},      // only excluded with content_dir: .
		{"Gemfile.lock", false, true},      //
		{"package-lock.json", false, true}, //
	}
	for _, tt := range tests {
		if got := l.skipped(tt.rel, tt.isDir); got != tt.want {
			t.Errorf("skipped(%q, dir=%v) = %v, want %v", tt.rel, tt.isDir, got, tt.want)
		}
	}
	if !l.skippedPath("vendor/bundle/x.md", false) || l.skippedPath("legal/privacy.md", false) {
		t.Error("skippedPath does not apply the folders' rules")
	}
}

func TestRootIndexIsHome(t *testing.T) {
	t.Parallel()
	files, res := mustRenderFS(t, mapSite(map[string]string{
		"content/index.md":       "---\ntitle: Home of our policies\ndescription: All of them.\n---\nRead them here.\n",
		"content/privacy.md":     policy("Privacy"),
		"content/legal/index.md": policy("Legal"),
	}))
	home := string(files["index.html"])
	if !strings.Contains(home, "Home of our policies") || !strings.Contains(home, "Read them here.") {
		t.Errorf("home page does not come from content/index.md:\n%s", home)
	}
	if res.Policies != 2 || files["legal/index.html"] == nil {
		t.Errorf("%d policies, legal/index.html %v: a folder's index.md is still a policy", res.Policies, files["legal/index.html"] != nil)
	}
	_, _, err := renderFS(t, mapSite(map[string]string{
		"content/_index.md": "Hugo home.\n", "content/index.md": "Jekyll home.\n", "content/privacy.md": policy("Privacy"),
	}))
	want := "content/index.md: both content/_index.md and content/index.md would be the home page"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %s", err, want)
	}
}
