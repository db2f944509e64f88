package importer

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// list converts ul and ol; items that hold more than one paragraph make
// the list loose.
func (c *htmlConv) list(n *html.Node) []mdBlock {
	num := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil && s >= 0 {
		num = s
	}
	var items []string
	tight := true
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		c.addID(li)
		blocks := c.children(li)
		if len(blocks) == 0 {
			continue
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = fmt.Sprintf("%d. ", num)
			num++
		}
		item, t := joinItem(marker, blocks)
		items, tight = append(items, item), tight && t
	}
	if len(items) == 0 {
		return nil
	}
	sep := "\n"
	if !tight {
		sep = "\n\n"
	}
	return []mdBlock{{text: strings.Join(items, sep), list: true}}
}

// joinItem writes one list item: the marker, then its blocks indented
// under it. It reports whether the item is tight (one paragraph, then
// only lists).
func joinItem(marker string, blocks []mdBlock) (string, bool) {
	pad := strings.Repeat(" ", len(marker))
	var b strings.Builder
	b.WriteString(marker + indent(blocks[0].text, pad, false))
	tight := true
	for _, bl := range blocks[1:] {
		if bl.list {
			b.WriteString("\n")
		} else {
			b.WriteString("\n\n")
			tight = false
		}
		b.WriteString(indent(bl.text, pad, true))
	}
	return b.String(), tight
}

// indent prefixes every non-empty line of s with pad, the first line only
// when first is true.
func indent(s, pad string, first bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" && (i > 0 || first) {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// pre converts preformatted text to a fenced code block.
func (c *htmlConv) pre(n *html.Node) []mdBlock {
	code := strings.TrimRight(textOf(n), "\n")
	if strings.TrimSpace(code) == "" {
		return nil
	}
	lang := ""
	if k := find(n, atom.Code); k != nil {
		for _, cl := range strings.Fields(attr(k, "class")) {
			if l, ok := strings.CutPrefix(cl, "language-"); ok {
				lang = l
			}
		}
	}
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return c.withIDs(fence+lang+"\n"+code+"\n"+fence, false)
}

// quote converts a blockquote.
func (c *htmlConv) quote(n *html.Node) []mdBlock {
	var parts []string
	for _, b := range c.children(n) {
		parts = append(parts, b.text)
	}
	if len(parts) == 0 {
		return nil
	}
	lines := strings.Split(strings.Join(parts, "\n\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return []mdBlock{{text: strings.Join(lines, "\n")}}
}

// definitions converts a dl to Markdown definition lists: a term line,
// then ": definition" lines.
func (c *htmlConv) definitions(n *html.Node) []mdBlock {
	var out []mdBlock
	var cur []string
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		text := strings.ReplaceAll(c.inlines(childNodes(ch)), "\\\n", " ")
		switch {
		case text == "":
		case ch.DataAtom == atom.Dt:
			if len(cur) > 0 && strings.HasPrefix(cur[len(cur)-1], ": ") {
				out, cur = append(out, mdBlock{text: strings.Join(cur, "\n")}), nil
			}
			cur = append(cur, escapeLineStart(text))
		case ch.DataAtom == atom.Dd:
			cur = append(cur, ": "+text)
		}
	}
	if len(cur) > 0 {
		out = append(out, mdBlock{text: strings.Join(cur, "\n")})
	}
	return out
}
