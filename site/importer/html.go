package importer

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mdBlock is one Markdown block converted from HTML.
type mdBlock struct {
	text string
	list bool // a list: it may follow a list item's first line without a blank line
}

// htmlConv converts the content of an HTML page.
type htmlConv struct {
	d       *doc
	title   *html.Node // the h1 that became the title, or nil
	started bool       // the title has been passed; blocks above it are banners
	shift   int        // added to every heading level
	level   int        // the level of the last heading; the title is 1
	pending []string   // anchor ids waiting for the next block
	open    map[string]int
}

// convertHTML converts an HTML page into d.
func convertHTML(d *doc, src []byte) {
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		d.note(0, "cannot parse the HTML: %v", err)
		return
	}
	pageTitle := ""
	if t := find(root, atom.Title); t != nil {
		pageTitle = collapse(textOf(t))
	}
	unlinkHeadings(root)
	prune(d, root)
	liftBlocks(root)
	content := contentRoot(root)
	c := &htmlConv{d: d, level: 1, open: map[string]int{}}
	if h1 := find(content, atom.H1); h1 != nil && collapse(textOf(h1)) != "" {
		c.title, d.title = h1, collapse(textOf(h1))
	} else {
		c.started, d.title = true, titleFromPage(pageTitle)
	}
	c.shift = headingShift(content, c.title)
	for _, b := range c.children(content) {
		d.add(b.text)
	}
}

// contentRoot returns the element that holds the page's own text: main,
// an element with role main, an article, or the body.
func contentRoot(root *html.Node) *html.Node {
	if m := find(root, atom.Main); m != nil {
		return m
	}
	if m := findFunc(root, func(n *html.Node) bool { return attr(n, "role") == "main" }); m != nil {
		return m
	}
	for _, a := range []atom.Atom{atom.Article, atom.Body} {
		if m := find(root, a); m != nil {
			return m
		}
	}
	return root
}

// findFunc returns the first element of n's subtree for which ok is true.
func findFunc(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFunc(c, ok); f != nil {
			return f
		}
	}
	return nil
}

// titleSeparator splits "Privacy Policy | Example" and "Example - Privacy".
var titleSeparator = regexp.MustCompile(`\s+[|·–—-]\s+`)

// titleFromPage picks the part of a <title> such as "Privacy Policy |
// Example" that names the policy.
func titleFromPage(t string) string {
	parts := titleSeparator.Split(t, -1)
	for _, p := range parts {
		if policyWord.MatchString(p) {
			return p
		}
	}
	return parts[0]
}

// headingLevel returns 1 to 6 for h1 to h6, else 0.
func headingLevel(n *html.Node) int {
	if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
		return int(n.Data[1] - '0')
	}
	return 0
}

// headingShift moves the body's highest heading level to h2: pages that
// use h1 for sections, or start their sections at h3, read correctly.
func headingShift(content, title *html.Node) int {
	least := 7
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if lv := headingLevel(n); lv > 0 && n != title {
			least = min(least, lv)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(content)
	if least == 7 {
		return 0
	}
	return 2 - least
}

// children converts the children of n: runs of inline content become
// paragraphs, block elements their own blocks.
func (c *htmlConv) children(n *html.Node) []mdBlock {
	var out []mdBlock
	var run []*html.Node
	flush := func() {
		out = append(out, c.paragraph(run)...)
		run = nil
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if isInline(ch) {
			run = append(run, ch)
			continue
		}
		flush()
		out = append(out, c.block(ch)...)
	}
	flush()
	return out
}

// block converts one block element.
func (c *htmlConv) block(n *html.Node) []mdBlock {
	if n.Type != html.ElementNode {
		return nil
	}
	if !c.started {
		if n == c.title {
			c.started, c.pending = true, nil
			return nil
		}
		if !contains(n, c.title) {
			c.beforeTitle(collapse(textOf(n)))
			return nil
		}
	}
	c.addID(n)
	if headingLevel(n) > 0 {
		return c.heading(n)
	}
	switch n.DataAtom {
	case atom.P:
		return c.paragraph(childNodes(n))
	case atom.Ul, atom.Ol, atom.Menu:
		return c.list(n)
	case atom.Table:
		return c.table(n)
	case atom.Pre:
		return c.pre(n)
	case atom.Blockquote:
		return c.quote(n)
	case atom.Hr:
		return []mdBlock{{text: "---"}}
	case atom.Dl:
		return c.definitions(n)
	}
	return c.children(n)
}

// beforeTitle handles text above the title: a date is kept, anything else
// is a banner, dropped and reported.
func (c *htmlConv) beforeTitle(text string) {
	if text == "" || c.d.takeDate(text, 0) {
		return
	}
	c.d.note(0, "dropped %q above the title", shorten(text, 80))
}

// contains reports whether target is in n's subtree.
func contains(n, target *html.Node) bool {
	for p := target; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

func childNodes(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

// validID matches ids that survive as a Markdown attribute {#id}.
var validID = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]*$`)

// addID queues n's id (or an anchor's name) for the next block.
func (c *htmlConv) addID(n *html.Node) {
	id := attr(n, "id")
	if id == "" && n.DataAtom == atom.A {
		id = attr(n, "name")
	}
	switch {
	case id == "":
	case validID.MatchString(id):
		c.pending = append(c.pending, id)
	default:
		c.d.note(0, "dropped anchor id %q: Markdown ids use letters, digits, - and _", id)
	}
}

// withIDs attaches the pending ids to a block: {#id} on a heading, a
// kramdown attribute line {: #id} after anything else. Further ids become
// empty anchors before the block.
func (c *htmlConv) withIDs(text string, heading bool) []mdBlock {
	ids := c.pending
	c.pending = nil
	if len(ids) == 0 {
		return []mdBlock{{text: text}}
	}
	var out []mdBlock
	for _, id := range ids[1:] {
		out = append(out, mdBlock{text: `<a id="` + id + `"></a>`})
	}
	if heading {
		return append(out, mdBlock{text: text + " {#" + ids[0] + "}"})
	}
	return append(out, mdBlock{text: text + "\n{: #" + ids[0] + "}"})
}

// heading converts h1 to h6, shifted and never skipping a level.
func (c *htmlConv) heading(n *html.Node) []mdBlock {
	text := strings.ReplaceAll(c.inlines(childNodes(n)), "\\\n", " ")
	if text == "" {
		return nil
	}
	if c.d.takeDate(collapse(textOf(n)), 0) {
		return nil
	}
	lv := min(max(headingLevel(n)+c.shift, 2), 6, c.level+1)
	c.level = lv
	if own := attr(n, "id"); len(c.pending) > 1 && c.pending[len(c.pending)-1] == own {
		c.pending = append([]string{own}, c.pending[:len(c.pending)-1]...) // the heading's own id wins
	}
	return c.withIDs(strings.Repeat("#", lv)+" "+escapeClosingHashes(text), true)
}

// paragraph converts a run of inline nodes. A paragraph that types the
// page's date goes to front matter instead; one whose lines hold dates is
// split into its lines first (splitDateLines).
func (c *htmlConv) paragraph(nodes []*html.Node) []mdBlock {
	if len(nodes) == 0 {
		return nil
	}
	if lines := splitDateLines(nodes); lines != nil {
		var out []mdBlock
		for _, l := range lines {
			out = append(out, c.paragraph(l)...)
		}
		return out
	}
	plain := plainText(nodes)
	if !c.started {
		c.beforeTitle(plain)
		return nil
	}
	if c.takeDate(nodes, plain) {
		return nil
	}
	md := c.inlines(nodes)
	if md == "" {
		return nil // its anchors, if any, stay pending for the next block
	}
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	c.d.paragraph(plain)
	return c.withIDs(strings.Join(lines, "\n"), false)
}

// takeDate reads a date line, preferring the machine-readable datetime of
// a <time> element in it.
func (c *htmlConv) takeDate(nodes []*html.Node, plain string) bool {
	if splitDateLine(plain) != nil {
		return c.d.takeDate(plain, 0)
	}
	field, _, ok := anyDateLine(plain)
	if !ok {
		return false
	}
	for _, n := range nodes {
		if t := find(n, atom.Time); t != nil {
			if dt := attr(t, "datetime"); len(dt) >= 10 {
				label := map[DateField]string{LastRevised: "Last revised: ", Effective: "Effective date: "}[field]
				if _, err := ParseDate(dt[:10]); err == nil {
					return c.d.takeDate(label+dt[:10], 0)
				}
			}
		}
	}
	return c.d.takeDate(plain, 0)
}

func textOfAll(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textOf(n))
	}
	return b.String()
}

// shorten cuts s to about n bytes at a word boundary.
func shorten(s string, n int) string { return cutWords(s, n) }

// escapeClosingHashes escapes a trailing run of '#' in a heading, which
// Markdown would drop as a closing sequence.
func escapeClosingHashes(s string) string {
	if !strings.HasSuffix(s, "#") || strings.HasSuffix(s, `\#`) {
		return s
	}
	text := strings.TrimRight(s, "#")
	return text + `\` + s[len(text):]
}
