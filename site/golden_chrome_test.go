package site

import (
	"sort"
	"strings"
	"testing"
)

// chromeFile is the name, in each expected tree, of the full text of the
// page whose chrome (the theme's head, header, navigation and footer)
// every other HTML page of the case is compared against.
const chromeFile = "_chrome.html"

// contentHeader starts every HTML page stored without its chrome.
const contentHeader = "<!-- golden: this page's metadata, current navigation entry and <main>; the rest is " + chromeFile + " -->\n"

// Placeholders stand, in a page's chrome, for the lines kept with its content.
const (
	metaPlaceholder = "<!-- page metadata -->\n"
	mainPlaceholder = "<!-- main -->\n"
	currentAttr     = ` aria-current="page"`
)

// metaPrefixes start the lines outside <main> that belong to the page
// rather than to the chrome: the language, the title, the canonical link,
// robots, the description and the page kind.
var metaPrefixes = []string{
	"<html", "<body", "<title>", `<link rel="canonical"`,
	`<meta name="robots"`, `<meta name="description"`, `<link rel="alternate"`,
}

// pageParts is an HTML page split into the chrome it shares with the
// other pages and the lines that are its own.
type pageParts struct {
	chrome  string // the page with its own lines replaced by placeholders
	content string // its metadata lines, current navigation entry and <main>
}

// goldenTree returns the form in which the expected trees store a built
// tree. Non-HTML files and HTML pages whose chrome differs from the
// reference page's are kept whole. The other pages keep only their own
// lines (see splitPage), and chromeFile holds the reference page whole,
// so a change to the chrome shows once, in chromeFile, and a change to
// one page's chrome shows as that page being stored whole.
func goldenTree(t testing.TB, tree map[string][]byte) map[string][]byte {
	t.Helper()
	if _, ok := tree[chromeFile]; ok {
		t.Fatalf("the site writes %s, the name the expected trees use for the chrome", chromeFile)
	}
	ref, ok := referencePage(tree)
	if !ok {
		return tree
	}
	refParts, _ := splitPage(string(tree[ref]))
	out := map[string][]byte{chromeFile: tree[ref]}
	for name, data := range tree {
		out[name] = data
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if p, ok := splitPage(string(data)); ok && p.chrome == refParts.chrome {
			out[name] = []byte(contentHeader + p.content)
		}
	}
	return out
}

// referencePage names the page whose chrome the others are compared
// against: the home page, else the first splittable page by name.
func referencePage(tree map[string][]byte) (string, bool) {
	if data, ok := tree["index.html"]; ok {
		if _, ok := splitPage(string(data)); ok {
			return "index.html", true
		}
	}
	var names []string
	for name := range tree {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, ok := splitPage(string(tree[name])); ok && strings.HasSuffix(name, ".html") {
			return name, true
		}
	}
	return "", false
}

// splitPage splits a page with exactly one <main> element into its
// chrome and its own lines: the lines outside <main> that start with a
// metaPrefixes entry (runs of them become one placeholder), the navigation
// line marked aria-current (its chrome keeps it without the mark), and
// every line from <main> to </main>. It reports false for other pages.
func splitPage(page string) (pageParts, bool) {
	if strings.Count(page, "<main") != 1 || strings.Count(page, "</main>") != 1 {
		return pageParts{}, false
	}
	var chrome, content strings.Builder
	inMain, found, lastMeta := false, false, false
	for _, line := range strings.SplitAfter(page, "\n") {
		trimmed := strings.TrimSpace(line)
		meta := false
		switch {
		case inMain || strings.HasPrefix(trimmed, "<main"):
			if !inMain {
				chrome.WriteString(mainPlaceholder)
			}
			found, inMain = true, !strings.HasSuffix(trimmed, "</main>")
			content.WriteString(line)
		case isMetaLine(trimmed):
			if !lastMeta {
				chrome.WriteString(metaPlaceholder)
			}
			meta = true
			content.WriteString(line)
		case strings.Contains(line, currentAttr):
			chrome.WriteString(strings.Replace(line, currentAttr, "", 1))
			content.WriteString(line)
		default:
			chrome.WriteString(line)
		}
		lastMeta = meta
	}
	if !found || inMain {
		return pageParts{}, false
	}
	return pageParts{chrome: chrome.String(), content: content.String()}, true
}

// isMetaLine reports whether a trimmed line outside <main> is one of the
// page's own metadata lines.
func isMetaLine(trimmed string) bool {
	for _, p := range metaPrefixes {
		if strings.HasPrefix(trimmed, p) {
			return true
		}
	}
	return false
}

// TestGoldenTreeChrome checks that the stored form loses nothing: a page
// whose chrome differs from the home page's is stored whole, and the
// current navigation entry and metadata stay with each page.
func TestGoldenTreeChrome(t *testing.T) {
	t.Parallel()
	page := func(title, nav, body string) []byte {
		return []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>" + title + "</title>\n</head>\n" +
			"<body class=\"kind-policy\">\n<nav>\n" + nav + "\n</nav>\n<main>\n" + body + "\n</main>\n<footer>F</footer>\n</body>\n</html>\n")
	}
	home := page("Home", `<a href="/a/">A</a>`, "<p>home</p>")
	tree := map[string][]byte{
		"index.html":   home,
		"a/index.html": page("A", `<a href="/a/" aria-current="page">A</a>`, "<p>a</p>"),
		"b/index.html": []byte(strings.Replace(string(page("B", `<a href="/a/">A</a>`, "<p>b</p>")), "F</footer>", "G</footer>", 1)),
		"data.json":    []byte(`{"main": "<main>"}`),
	}
	got := goldenTree(t, tree)
	if string(got[chromeFile]) != string(home) {
		t.Errorf("%s = %q, want the home page", chromeFile, got[chromeFile])
	}
	wantA := contentHeader + "<html lang=\"en\">\n<title>A</title>\n<body class=\"kind-policy\">\n" +
		"<a href=\"/a/\" aria-current=\"page\">A</a>\n<main>\n<p>a</p>\n</main>\n"
	if string(got["a/index.html"]) != wantA {
		t.Errorf("a/index.html = %q, want %q", got["a/index.html"], wantA)
	}
	if string(got["b/index.html"]) != string(tree["b/index.html"]) {
		t.Errorf("a page with its own footer is not stored whole: %q", got["b/index.html"])
	}
	if string(got["data.json"]) != `{"main": "<main>"}` {
		t.Errorf("a non-HTML file changed: %q", got["data.json"])
	}
}
