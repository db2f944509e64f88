package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inlineElems are the elements converted as inline content.
var inlineElems = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Br: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Label: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.Tt: true,
	atom.U: true, atom.Var: true, atom.Wbr: true,
}

// isInline reports whether n is text or an inline element.
func isInline(n *html.Node) bool {
	return n.Type == html.TextNode || n.Type == html.ElementNode && inlineElems[n.DataAtom]
}

// isBlock reports whether n is an element that is not inline.
func isBlock(n *html.Node) bool { return n.Type == html.ElementNode && !inlineElems[n.DataAtom] }

// liftBlocks moves block elements out of the inline elements that hold
// them. The parser reopens an unclosed <b> around the tables, lists and
// headings after it, as a browser does, and a browser still shows them
// as blocks: so each inline element around a block is split, the blocks
// standing beside the pieces and each run of inline content keeping the
// element's formatting.
func liftBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		liftBlocks(c)
		if c.Type == html.ElementNode && inlineElems[c.DataAtom] {
			if first := firstBlock(c); first != nil {
				splitAroundBlocks(c, first)
				dropBlankLead(c, first)
			}
		}
		c = next
	}
}

// splitAroundBlocks moves n's children from first on to follow n: blocks
// as they are, and each run of inline nodes between them inside a copy
// of n without its id, which stays on n.
func splitAroundBlocks(n, first *html.Node) {
	at := n
	var piece *html.Node
	for c := first; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		if isBlock(c) {
			piece = nil
			at.Parent.InsertBefore(c, at.NextSibling)
			at = c
		} else {
			if piece == nil {
				piece = copyWithoutID(n)
				at.Parent.InsertBefore(piece, at.NextSibling)
				at = piece
			}
			piece.AppendChild(c)
		}
		c = next
	}
}

// dropBlankLead removes n, the part of a split element before its first
// block, when it holds only white space. Its id, as with <a name="x">
// around a heading, moves to that block unless the block has its own.
func dropBlankLead(n, first *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return
		}
	}
	id := attr(n, "id")
	if id == "" && n.DataAtom == atom.A {
		id = attr(n, "name")
	}
	if id != "" && attr(first, "id") != "" {
		return // both ids stay, in order
	}
	if id != "" {
		first.Attr = append(first.Attr, html.Attribute{Key: "id", Val: id})
	}
	n.Parent.RemoveChild(n)
}

// firstBlock returns n's first child that is a block element, or nil.
func firstBlock(n *html.Node) *html.Node {
	c := n.FirstChild
	for c != nil && !isBlock(c) {
		c = c.NextSibling
	}
	return c
}

// copyWithoutID returns an empty element like n, without id and name.
func copyWithoutID(n *html.Node) *html.Node {
	cp := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	for _, a := range n.Attr {
		if a.Key != "id" && a.Key != "name" {
			cp.Attr = append(cp.Attr, a)
		}
	}
	return cp
}

var (
	spaces      = regexp.MustCompile(`[ \t\n\r\f]+`)
	multiSpace  = regexp.MustCompile(` {2,}`)
	aroundBreak = regexp.MustCompile(` *\\\n *`)
)

// collapse folds runs of white space into one space and trims the ends.
func collapse(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// inlines converts a run of inline nodes to Markdown.
func (c *htmlConv) inlines(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		c.inline(&b, n)
	}
	s := strings.Trim(multiSpace.ReplaceAllString(b.String(), " "), " ")
	s = aroundBreak.ReplaceAllString(s, "\\\n")
	return strings.Trim(strings.TrimSuffix(strings.TrimPrefix(s, "\\\n"), "\\\n"), " ")
}

// inline writes one inline node as Markdown.
func (c *htmlConv) inline(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(escapeText(spaces.ReplaceAllString(n.Data, " ")))
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	if n.DataAtom != atom.A {
		c.addID(n)
	}
	switch n.DataAtom {
	case atom.Br:
		b.WriteString("\\\n")
	case atom.A:
		c.link(b, n)
	case atom.Strong, atom.B:
		c.wrap(b, n, "**", "**")
	case atom.Em, atom.I, atom.Cite, atom.Dfn:
		c.wrap(b, n, "*", "*")
	case atom.S, atom.Del, atom.Strike:
		c.wrap(b, n, "~~", "~~")
	case atom.Sup, atom.Sub:
		c.wrap(b, n, "<"+n.Data+">", "</"+n.Data+">")
	case atom.Q:
		c.wrap(b, n, `"`, `"`)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		b.WriteString(codeSpan(collapse(textOf(n))))
	case atom.Img:
		if src := attr(n, "src"); src != "" {
			b.WriteString("![" + escapeText(collapse(attr(n, "alt"))) + "](" + escapeURL(src) + ")")
		}
	default:
		c.content(b, n)
	}
}

// content writes n's children as inline Markdown.
func (c *htmlConv) content(b *strings.Builder, n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if !isInline(ch) {
			b.WriteString(" ")
		}
		c.inline(b, ch)
	}
}

// wrap writes n's content between open and close, keeping surrounding
// spaces outside the markers. Nested emphasis of one kind is written once.
func (c *htmlConv) wrap(b *strings.Builder, n *html.Node, open, close string) {
	var inner strings.Builder
	c.open[open]++
	c.content(&inner, n)
	c.open[open]--
	s := inner.String()
	t := strings.Trim(s, " ")
	if t == "" || c.open[open] > 0 {
		b.WriteString(s)
		return
	}
	if strings.HasPrefix(s, " ") {
		b.WriteString(" ")
	}
	b.WriteString(open + t + close)
	if strings.HasSuffix(s, " ") {
		b.WriteString(" ")
	}
}

// link writes an a element: a link when it has a usable href, its text
// otherwise; its id or name becomes an anchor of the block.
func (c *htmlConv) link(b *strings.Builder, n *html.Node) {
	c.addID(n)
	href := attr(n, "href")
	var inner strings.Builder
	c.content(&inner, n)
	text := strings.Trim(inner.String(), " ")
	lower := strings.ToLower(href)
	if href == "" || strings.HasPrefix(lower, "javascript:") || text == "" {
		b.WriteString(inner.String())
		return
	}
	b.WriteString("[" + text + "](" + escapeURL(href) + ")")
}

// codeSpan writes s as inline code, with a fence longer than any run of
// backticks inside it.
func codeSpan(s string) string {
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// table converts a table to a GitHub Flavored Markdown table; its first
// row is the header.
func (c *htmlConv) table(n *html.Node) []mdBlock {
	var rows [][]string
	for _, tr := range rowsOf(n) {
		var cells []string
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
				cells = append(cells, c.cell(td))
				for span := min(atoi(attr(td, "colspan")), 1000); span > 1; span-- { // HTML caps colspan at 1000
					cells = append(cells, "")
				}
			}
		}
		rows = append(rows, cells)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return nil
	}
	lines := []string{tableRow(rows[0], width), strings.Repeat("| --- ", width) + "|"}
	for _, r := range rows[1:] {
		lines = append(lines, tableRow(r, width))
	}
	return c.withIDs(strings.Join(lines, "\n"), false)
}

// rowsOf returns a table's rows in order, from thead, tbody and tfoot,
// without descending into nested tables.
func rowsOf(n *html.Node) []*html.Node {
	var rows []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.DataAtom {
		case atom.Tr:
			rows = append(rows, ch)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rows = append(rows, rowsOf(ch)...)
		}
	}
	return rows
}

// cell converts a table cell's content to one line; its paragraphs and
// line breaks become <br>. Anchors inside cells are dropped.
func (c *htmlConv) cell(td *html.Node) string {
	saved := c.pending
	var parts []string
	for _, b := range c.children(td) {
		parts = append(parts, strings.ReplaceAll(strings.ReplaceAll(b.text, "\\\n", "<br>"), "\n", " "))
	}
	c.pending = saved
	return strings.Join(parts, "<br>")
}

// tableRow writes one row padded to width cells.
func tableRow(cells []string, width int) string {
	var b strings.Builder
	for i := 0; i < width; i++ {
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		b.WriteString("| " + cell + " ")
	}
	return b.String() + "|"
}
