package e2e

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage is one parsed HTML file of a built site.
type htmlPage struct {
	name string         // output path, such as privacy/index.html
	doc  *html.Node     // the parsed document
	ids  map[string]int // how often each id occurs
	stub string         // the target of a redirect stub (meta refresh), else ""
}

// outputChecker checks a built site as a whole. It collects problems as
// "page: message" lines.
type outputChecker struct {
	files    map[string][]byte
	pages    map[string]*htmlPage
	basePath string          // "/policies" for https://host/policies/, else ""
	host     string          // the base URL's host, "" without base_url
	allow    map[string]bool // "page URL" pairs known to point outside the site on purpose
	problems []string
}

// checkOutput runs every whole-output check on files and returns the
// problems, sorted.
func checkOutput(files map[string][]byte, baseURL string, allow map[string]bool) []string {
	c := &outputChecker{files: files, pages: map[string]*htmlPage{}, allow: allow}
	if u, err := url.Parse(baseURL); err == nil && baseURL != "" {
		c.host = u.Host
		c.basePath = strings.TrimSuffix(u.Path, "/")
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			c.pages[name] = parsePage(name, data)
		}
	}
	for _, name := range sortedKeys(c.pages) {
		c.checkPage(c.pages[name])
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".css") {
			c.checkCSS(name, string(data))
		}
	}
	sort.Strings(c.problems)
	return c.problems
}

func (c *outputChecker) addf(page, format string, args ...any) {
	c.problems = append(c.problems, page+": "+fmt.Sprintf(format, args...))
}

// parsePage parses data and indexes its ids and redirect target.
func parsePage(name string, data []byte) *htmlPage {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		doc = &html.Node{Type: html.DocumentNode}
	}
	p := &htmlPage{name: name, doc: doc, ids: map[string]int{}}
	walk(doc, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok {
			p.ids[id]++
		}
		if n.DataAtom == atom.Meta && strings.EqualFold(attrOr(n, "http-equiv"), "refresh") {
			p.stub = refreshURL(attrOr(n, "content"))
		}
	})
	return p
}

// checkPage checks the structure of one page and every URL it names.
func (c *outputChecker) checkPage(p *htmlPage) {
	for _, id := range sortedKeys(p.ids) {
		if p.ids[id] > 1 {
			c.addf(p.name, "id %q occurs %d times", id, p.ids[id])
		}
	}
	counts := map[atom.Atom]int{}
	walk(p.doc, func(n *html.Node) {
		counts[n.DataAtom]++
		if n.DataAtom == atom.Html && strings.TrimSpace(attrOr(n, "lang")) == "" {
			c.addf(p.name, "<html> has no lang attribute")
		}
		if n.DataAtom == atom.Title && strings.TrimSpace(textOf(n)) == "" {
			c.addf(p.name, "<title> is empty")
		}
		c.checkURLs(p, n)
	})
	if counts[atom.Title] != 1 {
		c.addf(p.name, "has %d <title> elements, want 1", counts[atom.Title])
	}
	if p.stub == "" && counts[atom.H1] != 1 {
		c.addf(p.name, "has %d <h1> elements, want 1", counts[atom.H1])
	}
}

// urlAttrs are the attributes that hold a URL.
var urlAttrs = []string{"href", "src", "action", "poster", "data", "cite", "formaction"}

// checkURLs checks every URL an element names: internal ones must resolve
// to a file (and an id), and nothing may load from a third-party host.
func (c *outputChecker) checkURLs(p *htmlPage, n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	for _, a := range n.Attr {
		switch {
		case contains(urlAttrs, a.Key):
			c.checkURL(p, n, a.Key, a.Val)
		case a.Key == "srcset":
			for _, cand := range strings.Split(a.Val, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					c.checkURL(p, n, a.Key, f[0])
				}
			}
		case a.Key == "content" && n.DataAtom == atom.Meta:
			c.checkMetaContent(p, n, a.Val)
		case a.Key == "style":
			c.checkCSS(p.name, a.Val)
		}
	}
	if n.DataAtom == atom.Style {
		c.checkCSS(p.name, textOf(n))
	}
}

// checkMetaContent checks the URL of a meta refresh, or a content that is
// an absolute URL (og:image and the like).
func (c *outputChecker) checkMetaContent(p *htmlPage, n *html.Node, v string) {
	if strings.EqualFold(attrOr(n, "http-equiv"), "refresh") {
		c.checkURL(p, n, "content", refreshURL(v))
	} else if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
		c.checkURL(p, n, "content", v)
	}
}

// checkURL checks one URL named by attribute key of element n.
func (c *outputChecker) checkURL(p *htmlPage, n *html.Node, key, raw string) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		c.addf(p.name, "<%s %s=%q>: %v", n.Data, key, raw, err)
		return
	}
	switch {
	case u.Scheme == "mailto" || u.Scheme == "tel" || u.Scheme == "data":
		return
	case u.Host != "" && u.Host != c.host:
		// A link the visitor may follow is not a request the page makes,
		// nor is where a redirect stub sends the browser (its meta
		// refresh and canonical link, for a redirect_to another site);
		// anything else would load from a third party.
		if n.DataAtom != atom.A && n.DataAtom != atom.Area && !navigates(n) {
			c.addf(p.name, "<%s %s=%q> loads from third-party host %s", n.Data, key, raw, u.Host)
		}
		return
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		c.addf(p.name, "<%s %s=%q>: unexpected scheme", n.Data, key, raw)
		return
	}
	c.checkInternal(p, n, key, raw, u)
}

// navigates reports whether n names a page the browser goes to rather
// than loads: a meta refresh or a canonical link.
func navigates(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Meta:
		return strings.EqualFold(attrOr(n, "http-equiv"), "refresh")
	case atom.Link:
		return strings.EqualFold(attrOr(n, "rel"), "canonical")
	}
	return false
}

// checkInternal checks that an internal URL names an existing file and, for
// a #fragment, an existing id in it. Redirect stubs count as files; a
// fragment on a stub is looked up in the stub's target.
func (c *outputChecker) checkInternal(p *htmlPage, n *html.Node, key, raw string, u *url.URL) {
	if c.allow[p.name+" "+raw] {
		return
	}
	pageURL := &url.URL{Path: c.basePath + "/" + strings.TrimSuffix(p.name, "index.html")}
	abs := pageURL.ResolveReference(u)
	target := p.name
	if u.Path != "" {
		rel, ok := strings.CutPrefix(abs.Path, c.basePath+"/")
		if !ok {
			c.addf(p.name, "<%s %s=%q> leaves the site's base path %s/", n.Data, key, raw, c.basePath)
			return
		}
		if target = c.resolveFile(rel); target == "" {
			c.addf(p.name, "<%s %s=%q>: no such file in the output", n.Data, key, raw)
			return
		}
	}
	if u.Fragment == "" {
		return
	}
	c.checkFragment(p, n, key, raw, target, u.Fragment)
}

// resolveFile maps a path below the base path to an output file the way a
// static host does: dir/ → dir/index.html, then x, x/index.html, x.html.
func (c *outputChecker) resolveFile(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	for _, cand := range []string{rel, rel + "/index.html", rel + ".html"} {
		if _, ok := c.files[cand]; ok {
			return cand
		}
	}
	return ""
}

// checkFragment checks that target (an output file) has the id frag,
// following one redirect stub.
func (c *outputChecker) checkFragment(p *htmlPage, n *html.Node, key, raw, target, frag string) {
	tp := c.pages[target]
	if tp != nil && tp.stub != "" {
		su, err := url.Parse(tp.stub)
		if err == nil {
			abs := (&url.URL{Path: c.basePath + "/" + target}).ResolveReference(su)
			tp = c.pages[c.resolveFile(strings.TrimPrefix(abs.Path, c.basePath+"/"))]
		}
	}
	switch {
	case tp == nil:
		c.addf(p.name, "<%s %s=%q>: fragment on %s, which is not an HTML page", n.Data, key, raw, target)
	case tp.ids[frag] == 0:
		c.addf(p.name, "<%s %s=%q>: %s has no id %q", n.Data, key, raw, tp.name, frag)
	}
}

var cssURL = regexp.MustCompile(`(?i)(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)`)

// checkCSS reports url() and @import references to third-party hosts.
func (c *outputChecker) checkCSS(where, css string) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if u, err := url.Parse(m[1]); err == nil && u.Host != "" && u.Host != c.host {
			c.addf(where, "stylesheet loads %q from third-party host %s", m[1], u.Host)
		}
	}
}

// refreshURL extracts the URL of a meta refresh content such as
// "0; url=/terms/".
func refreshURL(content string) string {
	_, after, ok := strings.Cut(content, ";")
	if !ok {
		return ""
	}
	after = strings.TrimSpace(after)
	if len(after) > 4 && strings.EqualFold(after[:4], "url=") {
		after = after[4:]
	}
	return strings.Trim(after, `'"`)
}
