package redline

import (
	"strings"

	"golang.org/x/net/html"
)

// maxDepth bounds element nesting; deeper start tags are dropped (their
// content is kept) so that hostile input cannot exhaust the stack.
const maxDepth = 200

// node is one node of a parsed HTML fragment: an element or a text.
type node struct {
	elem     bool             // element (true) or text (false)
	block    bool             // element is, or contains, a block element
	name     string           // element name, lower case
	attrs    []html.Attribute // element attributes, unescaped
	text     string           // text content, unescaped unless raw
	raw      bool             // text belongs to a raw text element
	children []*node
	kids     *[]segment // the children split into segments, once they have been (see childSegments)
}

// parser builds a node tree from tokens, repairing malformed markup the
// way browsers mostly do: unclosed elements are closed, stray end tags
// dropped, and optional end tags (p, li, td, …) implied.
type parser struct {
	stack []*node
}

// parseHTML parses an HTML fragment into a well-formed list of nodes.
// Comments, doctypes and scripts are dropped.
func parseHTML(s string) []*node {
	p := parser{stack: []*node{{elem: true}}}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			roots := p.stack[0].children
			markBlocks(roots)
			return roots
		case html.TextToken:
			p.addText(z.Token().Data)
		case html.StartTagToken, html.SelfClosingTagToken:
			p.start(z.Token(), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			p.end(string(name))
		}
	}
}

// top returns the innermost open element.
func (p *parser) top() *node { return p.stack[len(p.stack)-1] }

// addText appends text to the innermost open element.
func (p *parser) addText(s string) {
	if s == "" {
		return
	}
	t := p.top()
	raw := rawTextElements[t.name]
	if n := len(t.children); n > 0 && !t.children[n-1].elem && t.children[n-1].raw == raw {
		t.children[n-1].text += s
		return
	}
	t.children = append(t.children, &node{text: s, raw: raw})
}

// start opens an element.
func (p *parser) start(tok html.Token, selfClosing bool) {
	name := tok.Data
	if name == "plaintext" || name == "script" {
		return
	}
	p.implyEnds(name)
	el := &node{elem: true, name: name, attrs: tok.Attr}
	t := p.top()
	t.children = append(t.children, el)
	if selfClosing || voidElements[name] || len(p.stack) > maxDepth {
		return
	}
	p.stack = append(p.stack, el)
}

// end closes the innermost open element named name and any element opened
// inside it; an end tag matching no open element is ignored.
func (p *parser) end(name string) {
	for i := len(p.stack) - 1; i > 0; i-- {
		if p.stack[i].name == name {
			p.stack = p.stack[:i]
			return
		}
	}
}

// implyEnds closes open elements whose end tag is implied by a start tag
// named name, such as an open <li> before a new <li>.
func (p *parser) implyEnds(name string) {
	for len(p.stack) > 1 && impliesEnd(name, p.top().name) {
		p.stack = p.stack[:len(p.stack)-1]
	}
}

// impliesEnd reports whether a start tag named name closes an open
// element named open.
func impliesEnd(name, open string) bool {
	switch name {
	case "li":
		return open == "li" || open == "p"
	case "dt", "dd":
		return open == "dt" || open == "dd" || open == "p"
	case "td", "th":
		return open == "td" || open == "th"
	case "tr":
		return open == "td" || open == "th" || open == "tr"
	case "thead", "tbody", "tfoot":
		return open == "td" || open == "th" || open == "tr" ||
			open == "thead" || open == "tbody" || open == "tfoot"
	}
	return open == "p" && blockElements[name]
}

// markBlocks sets the block flag of every element in the trees under
// nodes and reports whether any of them is a block.
func markBlocks(nodes []*node) bool {
	any := false
	for _, n := range nodes {
		if !n.elem {
			continue
		}
		inner := markBlocks(n.children)
		n.block = blockElements[n.name] || inner
		any = any || n.block
	}
	return any
}

// attr returns the value of the attribute key, or "".
func attr(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the visible text under nodes, skipping decoration.
func textOf(nodes []*node) string {
	var b strings.Builder
	var walk func([]*node)
	walk = func(ns []*node) {
		for _, n := range ns {
			switch {
			case !n.elem:
				if !n.raw {
					b.WriteString(n.text)
				}
			case !isDecor(n):
				walk(n.children)
			}
		}
	}
	walk(nodes)
	return b.String()
}
