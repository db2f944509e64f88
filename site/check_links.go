package site

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"golang.org/x/net/html"

	"github.com/clause-dev/clause/site/markdown"
)

// links checks every link and image in a rendered body against the built
// site: the page, file or redirect it names must exist, and so must its
// #fragment. at lists the URLs of the pages that show the body, since a
// relative link resolves differently on each.
func (c *checker) links(s *linted, at []string) {
	if len(at) == 0 {
		return
	}
	seen := map[string]int{}
	written := writtenLinks(s.Links)
	for _, href := range linkDests(s.URLs) {
		n := seen[href]
		seen[href]++
		msg, hint, where := c.linkOnPages(at, href)
		if msg == "" {
			continue
		}
		if where != "" {
			msg += " (on " + where + ")"
		}
		line, col, asWritten := 0, 0, ""
		if refs := written[href]; len(refs) > 0 {
			// A Markdown link: the renderer knows where it was written.
			line, col, asWritten = s.BodyLine+refs[0].Line-1, refs[0].Col, refs[0].Written
			written[href] = refs[1:]
		} else {
			line, col, asWritten = c.locate(s, href, n) // in raw HTML
		}
		c.warn(s.Path, line, col, fmt.Sprintf("broken link %q: %s", asWritten, msg), hint)
	}
}

// writtenLinks groups a document's Markdown links by destination, in
// document order.
func writtenLinks(refs []markdown.LinkRef) map[string][]markdown.LinkRef {
	out := map[string][]markdown.LinkRef{}
	for _, r := range refs {
		out[r.Dest] = append(out[r.Dest], r)
	}
	return out
}

// linkOnPages checks a link on every page that shows it. When it works on
// some of them only (a relative link, on a version page), where names the
// page it fails on.
func (c *checker) linkOnPages(at []string, href string) (msg, hint, where string) {
	failed := 0
	for _, page := range at {
		m, h := c.linkProblem(page, href)
		if m == "" {
			continue
		}
		if failed == 0 {
			msg, hint, where = m, h, c.in.Config.basePath()+page
		}
		failed++
	}
	if failed == len(at) {
		where = ""
	}
	return msg, hint, where
}

// linkDests returns the destinations of the links and images among a
// rendered body's URLs, in document order.
func linkDests(urls []contentURL) []string {
	var out []string
	for _, u := range urls {
		if u.tag == "a" && u.attr == "href" || u.tag == "img" && u.attr == "src" {
			out = append(out, u.value)
		}
	}
	return out
}

// linkProblem checks one link as seen from the page at site-relative URL
// page. It returns "" when the link is fine or leaves the site.
func (c *checker) linkProblem(page, href string) (msg, hint string) {
	target, ok := c.internal(page, href)
	if !ok {
		return c.outsideBase(href)
	}
	p, frag := target.Path, target.Fragment
	if to, redirected := c.in.redirectFor(p); redirected {
		tu, err := url.Parse(to)
		if frag == "" || urlpath.Scheme(to) != "" || err != nil {
			return "", ""
		}
		p = tu.Path // the link's #fragment is looked up where the redirect leads
	}
	out, found := c.in.outputFor(p)
	if !found && c.in.unloadedAt(p) {
		return "", "" // the page's own error is the one to fix
	}
	if !found {
		return fmt.Sprintf("nothing is published at %s", c.in.Config.basePath()+p),
			"link to another policy by its file, such as [Terms](terms.md), so clause checks and rewrites it"
	}
	if frag == "" || !strings.HasSuffix(out, ".html") || c.pageIDs(out)[frag] {
		return "", ""
	}
	if to, moved := c.in.movedTo(out, frag); moved {
		return fmt.Sprintf("section #%s of %s moved to %s, where only a script sends visitors", frag, c.in.Config.basePath()+urlpath.URL(out), to),
			"link to the new page directly"
	}
	return fmt.Sprintf("%s has no section #%s", c.in.Config.basePath()+urlpath.URL(out), frag),
		"section ids come from headings (## Your rights → #your-rights); check the heading, or give it an id with {#id}"
}

// outsideBase warns about a root-relative link that leaves the site's
// sub-path although the site publishes that path below it: /terms/ in a
// site at /policies/ means /policies/terms/ to its writer, but a browser
// goes to the host's own /terms/.
func (c *checker) outsideBase(href string) (msg, hint string) {
	base := c.in.Config.basePath()
	u, err := url.Parse(strings.TrimSpace(href))
	if base == "" || err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return "", ""
	}
	if !c.policyPath(u.Path) {
		return "", "" // elsewhere on the host, such as the company's own site
	}
	return fmt.Sprintf("%s is outside the site, which is published under %s/; %s%s is this site's page", u.Path, base, base, u.Path),
		"link to the file, such as [Terms](terms.md), which clause rewrites with the base path, or write the path with it"
}

// policyPath reports whether the site publishes a policy, version page or
// copied file, or redirects, at site-relative path p. The home page and
// generated files such as /robots.txt do not count: "/" and those names
// usually mean the host's own.
func (c *checker) policyPath(p string) bool {
	if out, ok := c.in.outputFor(p); ok {
		return !c.in.Claims.builtIn(out)
	}
	_, redirected := c.in.redirectFor(p)
	return redirected && p != "/"
}

// internal resolves href against the page's URL and returns it as a
// site-relative URL, or false for links that leave the site or are not
// web links (mailto:, tel:).
func (c *checker) internal(page, href string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || href == "" {
		return nil, false
	}
	base := c.in.Config.basePath()
	if u.Scheme != "" || u.Host != "" {
		abs := c.in.Config.absBase()
		if abs == "" || !(u.Scheme == "http" || u.Scheme == "https") || !strings.HasPrefix(u.String()+"/", abs+"/") {
			return nil, false
		}
		u, _ = url.Parse(strings.TrimPrefix(u.String(), abs))
		u.Path = base + u.Path
	}
	from := &url.URL{Path: base + page}
	t := from.ResolveReference(u)
	if base != "" && t.Path != base && !strings.HasPrefix(t.Path, base+"/") {
		return nil, false // elsewhere on the host: not this site's to check
	}
	t.Path = "/" + strings.TrimPrefix(strings.TrimPrefix(t.Path, base), "/")
	return t, true
}

// pageIDs returns the ids an output page defines: every id attribute and
// every <a name>.
func (c *checker) pageIDs(out string) map[string]bool {
	if ids, ok := c.ids[out]; ok {
		return ids
	}
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(c.in.Files[out]))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if string(k) == "id" || string(k) == "name" && string(name) == "a" {
				ids[string(v)] = true
			}
		}
	}
	c.ids[out] = ids
	return ids
}

// locate finds the line and column of the n-th occurrence of a link in
// the source's Markdown, and the link as written there. It looks for the
// destination as it is first, so that a hand-written "/terms/#x" is not
// taken for a rewritten link to terms.md, then for the content file path
// a rewritten link was written as, then for the fragment alone. It
// returns 0, 0 when the link came from somewhere else, such as a
// variable.
func (c *checker) locate(s *linted, href string, n int) (int, int, string) {
	pathPart, frag, hasFrag := strings.Cut(href, "#")
	needles := []string{href}
	if dec, err := url.PathUnescape(href); err == nil && dec != href {
		needles = append(needles, dec)
	}
	if o, ok := s.Orig[pathPart]; ok {
		if hasFrag {
			needles = append(needles, o+"#"+frag)
		}
		needles = append(needles, o)
	}
	for _, needle := range needles {
		if line, col := nthLine(s.lines, s.nums, needle, n); line > 0 {
			return line, col, needle
		}
	}
	asWritten := href
	if o, ok := s.Orig[pathPart]; ok {
		asWritten = o + strings.TrimPrefix(href, pathPart)
	}
	if hasFrag {
		if line, col := nthLine(s.lines, s.nums, "#"+frag, n); line > 0 {
			return line, col, asWritten
		}
	}
	return 0, 0, asWritten
}

// nthLine returns the line and column of the n-th line containing needle
// (0-based n), or of the last one when there are fewer.
func nthLine(lines []string, nums []int, needle string, n int) (int, int) {
	line, col := 0, 0
	for i, l := range lines {
		if j := strings.Index(l, needle); j >= 0 {
			line, col = nums[i], j+1
			if n == 0 {
				break
			}
			n--
		}
	}
	return line, col
}
