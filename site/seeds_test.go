package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedsDir is the shared corpus of real policy pages beside the repository.
var seedsDir = filepath.Join("..", "..", "shared", "seeds")

// seedSite copies every seed, unchanged, into a site's content/ as .md.
func seedSite(t *testing.T) (string, map[string]string) {
	t.Helper()
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		t.Skipf("seeds corpus not found at %s (it sits beside the repository as shared/seeds): %v", seedsDir, err)
	}
	src := t.TempDir()
	names := map[string]string{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := "seed" + e.Name()[:3] + ".md"
		names[e.Name()[:3]] = name
		writeTree(t, src, map[string]string{"content/" + name: string(data)})
	}
	writeTree(t, src, map[string]string{
		"clause.yaml":       "title: Seeds\n",
		"layouts/page.html": `{{ define "main" }}<article data-path="{{ index .Params "path" }}"><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}`,
	})
	return src, names
}

func TestSeeds(t *testing.T) {
	t.Parallel()
	src, _ := seedSite(t)
	dest, res, err := build(t, src, nil)
	if err != nil {
		t.Fatalf("seeds must build as they are: %v", err)
	}
	tree := readTree(t, dest)
	t.Run("000 jekyll permalink", func(t *testing.T) {
		page := string(tree["privacy.html"])
		if page == "" {
			t.Fatal("seed 000 not written at exactly privacy.html")
		}
		for _, want := range []string{`data-path="/privacy"`, `<p class="lead">`, "Redash values your privacy", "<ol>"} {
			if !strings.Contains(page, want) {
				t.Errorf("privacy.html lacks %q", want)
			}
		}
		if strings.Count(page, "<h1") != 1 {
			t.Errorf("privacy.html has %d h1 elements, want 1", strings.Count(page, "<h1"))
		}
	})
	t.Run("001 toc, redirects, layout fallback", func(t *testing.T) {
		page := string(tree["seed001/index.html"])
		if !strings.Contains(page, `class="toc"`) || !strings.Contains(page, "<strong>User-provided Information</strong>") {
			t.Error("seed 001 lacks its table of contents or bold text")
		}
		for _, stub := range []string{"docs/privacy-policy/index.html"} {
			if !strings.Contains(string(tree[stub]), `url=/seed001/`) {
				t.Errorf("no redirect stub %s to /seed001/", stub)
			}
		}
		for _, rule := range []string{"/docs/privacy-policy /seed001/ 301", "/docs/privacy-policy/ /seed001/ 301"} {
			if !strings.Contains(string(tree["_redirects"]), rule) {
				t.Errorf("_redirects lacks %q", rule)
			}
		}
		if !hasWarning(res.Warnings, `seed001.md:2: warning: layout "docs" not found; using policy.html`) {
			t.Errorf("no layout fallback warning in %v", res.Warnings)
		}
	})
	t.Run("002 title from first heading", func(t *testing.T) {
		page := string(tree["seed002/index.html"])
		if !strings.Contains(page, "<title>What Information We Collect and Process") || !strings.Contains(page, `href="/contact"`) {
			t.Error("seed 002 lacks its heading title or its /contact link")
		}
		if strings.Count(page, "<h1") != 1 {
			t.Errorf("seed 002 has %d h1 elements, want 1", strings.Count(page, "<h1"))
		}
	})
	t.Run("003 plain text", func(t *testing.T) {
		if !strings.Contains(string(tree["seed003/index.html"]), "DragonflyDB Privacy Policy") {
			t.Error("seed 003 text missing")
		}
	})
}

func hasWarning(ws []*Error, want string) bool {
	for _, w := range ws {
		if strings.Contains(w.Error(), want) {
			return true
		}
	}
	return false
}
