package importer

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Heading self-links are the links a page puts in or beside a heading so
// that readers can copy the section's address: a "#" or "¶" after the
// text, an icon, or the whole heading text linking to the heading. They
// are not part of the policy's text, and as Markdown they read
// "## Sharing [#](#sharing)".

// anchorWords are the words a self-link shows, often to screen readers
// only: "Permalink", "Link to this section", "Direct link to Sharing".
var anchorWords = regexp.MustCompile(`(?i)^(?:(?:permalink|permanent link|direct link|copy link|link to (?:this|the) (?:section|heading))\b.*|link|anchor)$`)

// linkSymbols are the characters self-links show instead of words, with
// the invisible ones some generators put in an empty link.
const linkSymbols = "#¶§🔗⚓∞\u200b\u200c\u200d\u2060\ufe0f\u20e3 \t\n\r\f\u00a0"

// unlinkHeadings removes the self-links of every heading in the page. A
// link that only shows a symbol or an icon is removed, as is a "Back to
// top" link; a link around the heading's text leaves the text. A heading
// without an id takes the one its self-link names, when no element of
// the page has it, so that links to the section keep working.
func unlinkHeadings(root *html.Node) {
	ids := pageIDs(root, map[string]bool{})
	var headings []*html.Node
	walkElements(root, func(n *html.Node) {
		if headingLevel(n) > 0 {
			headings = append(headings, n)
		}
	})
	for _, h := range headings {
		unlinkHeading(h, ids)
	}
}

// unlinkHeading removes the self-links inside heading h and the one just
// after it.
func unlinkHeading(h *html.Node, ids map[string]bool) {
	own := headingIDs(h)
	var links []*html.Node
	walkElements(h, func(n *html.Node) {
		if n.DataAtom == atom.A {
			links = append(links, n)
		}
	})
	if next := nextElement(h); next != nil && next.DataAtom == atom.A && decorative(next) {
		links = append(links, next) // GitHub puts the link after the heading
		pageIDs(next, own)
	}
	for _, a := range links {
		frag, ok := fragment(attr(a, "href"))
		switch {
		case !ok || !own[frag] && ids[frag]:
			continue // a link to another part of the page
		case strings.EqualFold(frag, "top") && !ids[frag]:
			a.Parent.RemoveChild(a) // "Back to top", which browsers scroll to
			continue
		}
		if attr(h, "id") == "" && !ids[frag] && validID.MatchString(frag) {
			h.Attr = append(h.Attr, html.Attribute{Key: "id", Val: frag})
			ids[frag] = true
		}
		if decorative(a) {
			a.Parent.RemoveChild(a)
		} else {
			removeAttr(a, "href") // its text stays, and its id, if any
		}
	}
}

// headingWrappers is how many elements around a heading may carry its
// id: <section id="x"><div class="inner"><h2>….
const headingWrappers = 4

// headingIDs returns the ids that name heading h: its own, those of the
// elements in it and of the few around it, and the id of an empty anchor
// just before it (<a name="x"></a><h2>…).
func headingIDs(h *html.Node) map[string]bool {
	own := pageIDs(h, map[string]bool{})
	for p, up := h.Parent, 0; p != nil && up < headingWrappers; p, up = p.Parent, up+1 {
		if id := attr(p, "id"); id != "" {
			own[id] = true
		}
	}
	if prev := prevElement(h); prev != nil && prev.DataAtom == atom.A && strings.TrimSpace(textOf(prev)) == "" {
		pageIDs(prev, own)
	}
	return own
}

// decorative reports whether link a shows no words of the heading's
// own: only symbols, an icon, or words such as "Permalink".
func decorative(a *html.Node) bool {
	text := collapse(visibleText(a))
	return strings.Trim(text, linkSymbols) == "" || anchorWords.MatchString(text)
}

// visibleText returns the text of n that a reader sees: without scripts,
// styles, icons (svg) and elements hidden from screen readers.
func visibleText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if n.Type == html.ElementNode && (dropped[n.DataAtom] || attr(n, "aria-hidden") == "true") {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(visibleText(c))
	}
	return b.String()
}

// fragment returns the fragment of a link to a part of a page, decoded:
// "#sharing", "/privacy#sharing" and "https://example.com/privacy#sharing"
// all give "sharing", and "#" gives "". A link without "#" is to a whole
// page.
func fragment(href string) (string, bool) {
	_, frag, ok := strings.Cut(href, "#")
	if !ok {
		return "", false
	}
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec
	}
	return frag, true
}

// pageIDs adds the ids of n's subtree, and the names of its anchors, to ids.
func pageIDs(n *html.Node, ids map[string]bool) map[string]bool {
	walkElements(n, func(e *html.Node) {
		if id := attr(e, "id"); id != "" {
			ids[id] = true
		}
		if name := attr(e, "name"); name != "" && e.DataAtom == atom.A {
			ids[name] = true
		}
	})
	return ids
}

// walkElements calls f for every element of n's subtree, n included, in
// document order.
func walkElements(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkElements(c, f)
	}
}

// nextElement returns the element after n among its siblings, skipping
// white space, or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// prevElement returns the element before n among its siblings, skipping
// white space, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// removeAttr removes n's attribute key.
func removeAttr(n *html.Node, key string) {
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key || a.Namespace != "" {
			kept = append(kept, a)
		}
	}
	n.Attr = kept
}
