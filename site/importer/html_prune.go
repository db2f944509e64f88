package importer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped are elements whose content is never part of a policy's text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Canvas: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Dialog: true,
	atom.Link: true, atom.Meta: true, atom.Head: true,
}

// chromeRoles are ARIA roles of site chrome, and what a note calls them.
var chromeRoles = map[string]string{"navigation": "navigation", "banner": "site header", "contentinfo": "site footer",
	"search": "search form", "complementary": "sidebar", "dialog": "dialog", "alertdialog": "dialog"}

// chromeNames are what a note calls the chrome elements.
var chromeNames = map[atom.Atom]string{atom.Nav: "navigation", atom.Header: "site header", atom.Footer: "site footer", atom.Aside: "sidebar"}

// prune removes scripts, styles, navigation, site headers and footers,
// cookie banners and other notices from the tree, reporting what it drops
// that a reader would have seen.
func prune(d *doc, n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if why := dropReason(c); why != "" {
			reportDrop(d, why, c)
			n.RemoveChild(c)
		} else {
			prune(d, c)
		}
		c = next
	}
}

// reportDrop notes that n was dropped and why, unless it is a script,
// style or anything else a reader would not have seen.
func reportDrop(d *doc, why string, n *html.Node) {
	switch {
	case why == "script":
	case why == changeNotice && changeNoticeHint(n) != "":
		d.note(0, "dropped %s %s: %s", why, describeNode(n), changeNoticeHint(n))
	default:
		d.note(0, "dropped %s %s", why, describeNode(n))
	}
}

// dropReason says why n is dropped, or "" to keep it.
func dropReason(n *html.Node) string {
	switch {
	case n.Type == html.CommentNode:
		return "script"
	case n.Type != html.ElementNode:
		return ""
	case dropped[n.DataAtom] || hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true":
		return "script"
	case chromeRoles[attr(n, "role")] != "":
		return chromeRoles[attr(n, "role")]
	case chromeNames[n.DataAtom] != "" && (n.DataAtom == atom.Nav || !insideArticle(n)):
		return chromeNames[n.DataAtom] // a header or footer inside an article is the article's
	}
	return bannerKind(n)
}

// insideArticle reports whether n belongs to an article, main or
// section element, as a header or footer of that part of the page.
func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Main, atom.Section:
			return true
		}
	}
	return false
}

// describeNode names an element for a note: `<div id="cookie-banner">`
// and the start of its text.
func describeNode(n *html.Node) string {
	s := "<" + n.Data
	if id := attr(n, "id"); id != "" {
		s += ` id="` + id + `"`
	} else if cl := attr(n, "class"); cl != "" {
		s += ` class="` + cl + `"`
	}
	s += ">"
	if t := strings.Join(words(n, nil), " "); t != "" {
		s += ` "` + cutWords(t, 60) + `"`
	}
	return s
}

// words returns the words of n's text, with elements kept apart.
func words(n *html.Node, out []string) []string {
	if n.Type == html.TextNode {
		return append(out, strings.Fields(n.Data)...)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = words(c, out)
	}
	return out
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key, with or without a value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// find returns the first element of type a in n's subtree, n included.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
