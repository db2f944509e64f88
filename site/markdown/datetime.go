package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// datetimeExtender renders kramdown's datetime attribute as a <time>
// element. A paragraph, list item, heading or emphasis that an attribute
// list gives datetime="2026-05-04" has its content wrapped in
// <time datetime="2026-05-04">, so the date is machine-readable on the
// page as well. An attribute list holding only datetime at the end of a
// paragraph's text ("Effective May 4, 2026 {: datetime="2026-05-04"}"),
// which would otherwise stay as text, applies to that paragraph.
type datetimeExtender struct{}

// Extend implements goldmark.Extender. The attribute list at the end of a
// paragraph is taken before clause's transformer (priority 2000) turns it
// back into text; the wrapping happens after it has applied every list.
func (datetimeExtender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(trailingDatetime{}, 1990),
		util.Prioritized(timeWrapper{}, 2010),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(timeRenderer{}, 500)))
}

// attrDatetime is the attribute name kramdown documents use.
var attrDatetime = []byte("datetime")

// kindTime is the NodeKind of timeNode.
var kindTime = ast.NewNodeKind("ClauseTime")

// timeNode is an inline <time datetime="…"> around the nodes it holds.
type timeNode struct {
	ast.BaseInline
	Datetime []byte
}

// Kind implements ast.Node.
func (n *timeNode) Kind() ast.NodeKind { return kindTime }

// Dump implements ast.Node.
func (n *timeNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Datetime": string(n.Datetime)}, nil)
}

// trailingDatetime moves an attribute list that holds only datetime, at
// the end of a paragraph and after text, onto the paragraph.
type trailingDatetime struct{}

// Transform implements parser.ASTTransformer.
func (trailingDatetime) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var found []*spanIALNode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*spanIALNode); ok && entering && s.NextSibling() == nil && onlyDatetime(s.ial) {
			found = append(found, s)
		}
		return ast.WalkContinue, nil
	})
	for _, s := range found {
		block := s.Parent()
		prev, isText := s.PreviousSibling().(*ast.Text)
		if !isText || (block.Kind() != ast.KindParagraph && block.Kind() != ast.KindTextBlock) {
			continue
		}
		prev.Segment = prev.Segment.TrimRightSpace(reader.Source())
		block.SetAttribute(attrDatetime, s.ial.Attrs[0].Value)
		block.RemoveChild(block, s)
	}
}

// onlyDatetime reports whether an attribute list sets datetime and
// nothing else.
func onlyDatetime(n *ialNode) bool {
	return n.Err == "" && !n.TOC && len(n.Attrs) == 1 && string(n.Attrs[0].Name) == "datetime"
}

// timeWrapper wraps the content of every element with a datetime
// attribute in a timeNode, and removes the attribute.
type timeWrapper struct{}

// Transform implements parser.ASTTransformer.
func (timeWrapper) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var found []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.AttributeString("datetime"); ok && entering {
			found = append(found, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range found {
		v, _ := n.AttributeString("datetime")
		value, ok := v.([]byte)
		target := n
		if n.Kind() == ast.KindListItem && n.FirstChild() != nil {
			target = n.FirstChild() // the item's paragraph or text
		}
		if !ok || !holdsInlines(target) {
			continue // on a table or a quote, the attribute is dropped as before
		}
		removeAttribute(n, attrDatetime)
		wrapInTime(target, value)
	}
}

// wrapInTime moves the children of n into a timeNode, leaving a heading's
// section link outside it.
func wrapInTime(n ast.Node, value []byte) {
	t := &timeNode{Datetime: value}
	var anchor ast.Node
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if _, ok := c.(*anchorNode); ok {
			anchor = c
		} else {
			t.AppendChild(t, c)
		}
		c = next
	}
	if anchor != nil {
		n.InsertBefore(n, anchor, t)
		return
	}
	n.AppendChild(n, t)
}

// holdsInlines reports whether n is an element whose children are inline
// text: a paragraph, a heading or emphasis.
func holdsInlines(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindEmphasis:
		return n.FirstChild() != nil
	}
	return false
}

// removeAttribute drops one attribute from n, keeping the others.
func removeAttribute(n ast.Node, name []byte) {
	attrs := n.Attributes()
	n.RemoveAttributes()
	for _, a := range attrs {
		if string(a.Name) != string(name) {
			n.SetAttribute(a.Name, a.Value)
		}
	}
}

// timeRenderer renders timeNode.
type timeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (timeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTime, renderTime)
}

// renderTime writes <time datetime="…"> around the node's children.
func renderTime(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</time>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<time datetime="`)
	_, _ = w.Write(util.EscapeHTML(n.(*timeNode).Datetime))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
