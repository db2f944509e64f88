package e2e

import (
	"context"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/internal/statichost"
	"github.com/clause-dev/clause/site"
)

// repoRoot is the repository root, which holds the sample site.
const repoRoot = ".."

// seedsDir is the shared corpus of real policy pages beside the repository.
var seedsDir = filepath.Join(repoRoot, "..", "shared", "seeds")

// sampleNow is the moment every site is built at, so that which version is
// current never depends on the clock: the sample's privacy policy has an
// upcoming version effective 2027-01-15.
var sampleNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// noEnv keeps CLAUSE_BASE_URL and friends of the test's environment out of
// the builds.
func noEnv(string) string { return "" }

// buildSite builds the site in src with the default theme into a temporary
// folder and returns every output file by slash path.
func buildSite(t testing.TB, src string) map[string][]byte {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	_, err := site.BuildContext(context.Background(), site.Options{Source: src, Destination: dest, Theme: clause.Theme, Now: sampleNow, Getenv: noEnv})
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return readTree(t, dest)
}

// readTree reads every file below dir into a map of slash paths.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeTree writes files (slash path → content) below dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sample builds the repository's sample site.
func sample(t testing.TB) map[string][]byte {
	t.Helper()
	return buildSite(t, repoRoot)
}

// serve serves files the way a static host does, without applying
// _redirects (so old URLs reach the HTML redirect stubs), and returns the
// server's URL without a trailing slash.
func serve(t testing.TB, files map[string][]byte) string {
	t.Helper()
	srv := httptest.NewServer(statichost.New(files, statichost.Plain))
	t.Cleanup(srv.Close)
	return srv.URL
}

// seedSite copies every seed, unchanged, into a new site's content/ as
// seedNNN.md, as site/seeds_test.go does; with compat it also adds that
// test's page layout. It skips the test when the corpus is absent.
func seedSite(t testing.TB, compat bool) string {
	t.Helper()
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		t.Skipf("seeds corpus not found at %s (it sits beside the repository as shared/seeds): %v", seedsDir, err)
	}
	src := t.TempDir()
	files := map[string]string{"clause.yaml": "title: Seeds\n"}
	if compat {
		files["layouts/page.html"] = `{{ define "main" }}<article data-path="{{ index .Params "path" }}"><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}`
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["content/seed"+e.Name()[:3]+".md"] = string(data)
	}
	writeTree(t, src, files)
	return src
}

var baseURLLine = regexp.MustCompile(`(?m)^base_url:\s*"?([^"#\s]*)`)

// configBaseURL reads base_url from a site's clause.yaml, "" when unset.
func configBaseURL(t testing.TB, src string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, "clause.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if m := baseURLLine.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}
