package e2e

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestOutput checks built sites as a whole, without a browser: no
// duplicate ids; every internal link and #fragment resolves to a file and
// an id; every page has one <h1> (redirect stubs none), a lang attribute
// and a <title>; nothing loads from a third-party host.
func TestOutput(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		assertOutput(t, sample(t), configBaseURL(t, repoRoot), nil)
	})
	sites, err := os.ReadDir(filepath.Join(repoRoot, "site", "testdata", "sites"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sites {
		if !d.IsDir() {
			continue
		}
		t.Run("testdata/"+d.Name(), func(t *testing.T) {
			src := filepath.Join(repoRoot, "site", "testdata", "sites", d.Name())
			// The jekyll case links to its owner's /contact page, which is
			// not part of the policy site.
			assertOutput(t, buildSite(t, src), configBaseURL(t, src), map[string]bool{"privacy.html /contact": true,
				"privacy/embed/index.html /contact": true})
		})
	}
	for _, compat := range []bool{true, false} {
		name := map[bool]string{true: "seeds", false: "seeds/default-theme"}[compat]
		t.Run(name, func(t *testing.T) {
			// Seed 002 links to its owner's /contact page, outside the site.
			assertOutput(t, buildSite(t, seedSite(t, compat)), "", map[string]bool{"seed002/index.html /contact": true,
				"seed002/embed/index.html /contact": true})
		})
	}
}

// TestOutputChecker makes sure the checker finds what it is meant to find.
func TestOutputChecker(t *testing.T) {
	page := func(body string) []byte {
		return []byte(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>` + body + `</body></html>`)
	}
	files := map[string][]byte{
		"index.html": page(`<h1 id="a">x</h1><p id="a"></p><a href="/gone/">g</a><a href="/x/#nope">x</a>` +
			`<img src="https://cdn.example/i.png"><a href="https://example.org/">ok</a><a href="/old/#b">stub</a>`),
		"x/index.html":   []byte(`<html><head></head><body><h1>1</h1><h1 id="b">2</h1></body></html>`),
		"old/index.html": []byte(`<html lang="en"><head><title>r</title><meta http-equiv="refresh" content="0; url=/x/"></head></html>`),
		"ext/index.html": []byte(`<html lang="en"><head><title>r</title><link rel="canonical" href="https://status.example/">` +
			`<meta http-equiv="refresh" content="0; url=https://status.example/"><link rel="stylesheet" href="https://cdn.example/s.css"></head></html>`),
	}
	got := checkOutput(files, "", nil)
	want := []string{
		`ext/index.html: <link href="https://cdn.example/s.css"> loads from third-party host cdn.example`,
		`index.html: <a href="/gone/">: no such file in the output`,
		`index.html: <a href="/x/#nope">: x/index.html has no id "nope"`,
		`index.html: <img src="https://cdn.example/i.png"> loads from third-party host cdn.example`,
		`index.html: id "a" occurs 2 times`,
		`x/index.html: <html> has no lang attribute`,
		`x/index.html: has 0 <title> elements, want 1`,
		`x/index.html: has 2 <h1> elements, want 1`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// assertOutput fails t with every problem checkOutput finds.
func assertOutput(t *testing.T, files map[string][]byte, baseURL string, allow map[string]bool) {
	t.Helper()
	pages := 0
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	if pages == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	for _, p := range checkOutput(files, baseURL, allow) {
		t.Error(p)
	}
	t.Logf("checked %d HTML pages", pages)
}

// walk calls f for n and every node below it, in document order.
func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// attr returns the value of the attribute key of n.
func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// attrOr returns the value of the attribute key of n, or "".
func attrOr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// textOf returns the text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// sortedKeys returns the keys of m in order.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// contains reports whether list holds s.
func contains(list []string, s string) bool { return slices.Contains(list, s) }
