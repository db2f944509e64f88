package redirect

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/name, rewriting the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from golden file (run go test -update to accept):\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// archive joins files into one text, sorted by name, each under a
// "-- name --" header.
func archive(files map[string][]byte) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString("-- " + n + " --\n")
		b.Write(files[n])
	}
	return []byte(b.String())
}

// pages are the URL paths of the fixture site's real outputs, with the
// file that produces each.
var pages = map[string]string{
	"/":                "content/index.md",
	"/privacy/":        "content/privacy.md",
	"/privacy/v1/":     "content/privacy.md",
	"/terms/":          "content/terms.md",
	"/cookies/":        "content/cookies.md",
	"/assets/site.css": "assets/site.css",
}

// existsIn answers exists() for a set of URL paths the way the site package
// does: "/x/" and "/x/index.html" both count.
func existsIn(set map[string]string) func(string) bool {
	return func(p string) bool {
		_, ok := ownerIn(set)(p)
		return ok
	}
}

// ownerIn answers Resolve's owner() for a set of URL paths.
func ownerIn(set map[string]string) func(string) (string, bool) {
	return func(p string) (string, bool) {
		if f, ok := set[p]; ok {
			return f, true
		}
		f, ok := set[strings.TrimSuffix(p, "index.html")]
		return f, ok && strings.HasSuffix(p, "/index.html")
	}
}

// siteFiles returns the output files of the fixture site's real pages.
func siteFiles() map[string][]byte {
	files := map[string][]byte{"404.html": []byte("NOT FOUND PAGE\n")}
	for p := range pages {
		name := strings.TrimPrefix(p, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		files[name] = []byte("PAGE " + p + "\n")
	}
	return files
}

// fixture is a realistic set of redirects for the fixture site: a seed page
// listing both slash forms, an .html source, a chain, an external
// redirect_to, an automatic redirect, a non-ASCII source, and targets with
// a fragment and a query.
var fixture = []Redirect{
	{From: "/docs/privacy-policy", To: "/privacy/", File: "content/privacy.md", Line: 3},
	{From: "/docs/privacy-policy/", To: "/privacy/", File: "content/privacy.md", Line: 4},
	{From: "/tos.html", To: "/terms/", File: "content/terms.md", Line: 2},
	{From: "/legal/", To: "/docs/privacy-policy/", File: "clause.yaml", Line: 10, Origin: Config},
	{From: "/status/", To: "https://status.example.com/?src=policies", File: "content/status.md", Line: 2, Origin: RedirectTo},
	{From: "/cookie-policy/", To: "/cookies/", File: "content/cookies.md", Origin: Automatic},
	{From: "/café/", To: "/privacy/#cookies", File: "clause.yaml", Line: 11, Origin: Config},
	{From: "/old/index.html", To: "/terms/?ref=old", File: "clause.yaml", Line: 12, Origin: Config},
	{From: "/privacy/2019", To: "/privacy/v1", File: "content/privacy.md", Line: 5},
}

// allFormats lists every output format.
var allFormats = []Format{FormatHTML, FormatNetlify, FormatJSON, FormatNginx, FormatVercel}

// resolvedFixture resolves the fixture and fails on anything but the one
// expected chain warning.
func resolvedFixture(t testing.TB) []Redirect {
	t.Helper()
	rs, errs := resolveExists(fixture, existsIn(pages))
	if len(errs) != 1 || errs[0].Severity != diag.Warning || !strings.Contains(errs[0].Msg, "redirect chain") {
		t.Fatalf("resolving fixture: %v", errs)
	}
	return rs
}

// resolveExists is Resolve for tests that only say whether a path is
// served, not by which file.
func resolveExists(rs []Redirect, exists func(urlPath string) bool) ([]Redirect, []Error) {
	return Resolve(rs, func(p string) (string, bool) {
		return "", exists != nil && exists(p)
	})
}
