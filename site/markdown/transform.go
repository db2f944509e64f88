package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer is clause's parser.ASTTransformer. It makes a single walk over
// the document (collecting headings, applying IALs, placing TOC markers,
// rewriting links) and then
// finishes headings and the TOC from what it collected.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := getState(pc)
	if st == nil {
		return
	}
	ids, ok := pc.IDs().(*idSet)
	if !ok {
		ids = newIDs()
	}
	w := &walker{st: st, src: reader.Source()}
	w.walk(doc)
	finishHeadings(doc, st, ids)
	finishTOC(st)
	runInTOC(doc, st, ids)
}

// walker carries the per-document state through the AST walk.
type walker struct {
	st  *state
	src []byte
}

// walk visits the descendants of n in document order. Visitors may remove
// or replace the node they are given; the next sibling is read first.
func (w *walker) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if w.visit(c) {
			w.walk(c)
		}
		c = next
	}
}

// visit handles one node and reports whether to descend into it.
func (w *walker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Heading:
		w.st.headings = append(w.st.headings, n)
	case *ialNode:
		w.applyIAL(n)
		return false
	case *spanIALNode:
		w.applySpanIAL(n)
		return false
	case *ast.Link:
		written := n.Destination
		n.Destination = w.rewriteLink(n.Destination, nodeOffset(n))
		w.recordLink(n, written, n.Destination)
	case *ast.Image:
		written := n.Destination
		n.Destination = w.rewriteLink(n.Destination, nodeOffset(n))
		w.recordLink(n, written, n.Destination)
	case *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan, *ast.Text:
		return false
	}
	return true
}

const ialHint = `use kramdown syntax like {: #id .class key="value"} or {:toc} on the line after the block`

// applyIAL applies an IAL to its target block and removes it, or turns it
// into a TOC marker.
func (w *walker) applyIAL(n *ialNode) {
	parent := n.Parent()
	switch {
	case n.Err != "":
		w.st.addError(n.Pos(), fmt.Sprintf("%s in %q", n.Err, w.st.written(n.Pos(), n.Raw)), ialHint)
	case n.TOC:
		w.placeTOC(n)
		return
	default:
		target := ialTarget(n)
		if target == nil {
			w.st.addError(n.Pos(), fmt.Sprintf("attribute list %q does not belong to a block", w.st.written(n.Pos(), n.Raw)), ialHint)
			break
		}
		w.setAttributes(target, n)
	}
	parent.RemoveChild(parent, n)
}

// ialTarget returns the block an IAL applies to: the block directly before
// it, else the block directly after it, else the block before it across a
// blank line; nil if there is none.
func ialTarget(n *ialNode) ast.Node {
	prev := n.PreviousSibling()
	if prev != nil && !n.HasBlankPreviousLines() {
		return blockOf(prev)
	}
	next := n.NextSibling()
	if _, isIAL := next.(*ialNode); next != nil && !isIAL && !next.HasBlankPreviousLines() {
		return blockOf(next)
	}
	if prev == nil {
		return nil
	}
	return blockOf(prev)
}

// blockOf maps the text of a tight list item, which has no element of its
// own, to the list item.
func blockOf(n ast.Node) ast.Node {
	if _, ok := n.(*ast.TextBlock); ok && n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
		return n.Parent()
	}
	return n
}

// setAttributes copies the IAL's attributes onto target: ids replace,
// classes append, anything else replaces.
func (w *walker) setAttributes(target ast.Node, n *ialNode) {
	for _, a := range n.Attrs {
		v := a.Value
		if string(a.Name) == "class" {
			if old, ok := target.Attribute(a.Name); ok {
				if ob, ok := old.([]byte); ok && len(ob) > 0 {
					v = append(append(append([]byte(nil), ob...), ' '), v...)
				}
			}
		}
		if string(a.Name) == "id" {
			if _, isHeading := target.(*ast.Heading); !isHeading {
				w.st.blockIDs = append(w.st.blockIDs, idUse{id: string(v), off: n.Pos()})
			}
		}
		target.SetAttribute(a.Name, v)
	}
}

// placeTOC replaces a "* TOC" list directly before the IAL (or else the IAL
// itself) with a tocMarker.
func (w *walker) placeTOC(n *ialNode) {
	parent := n.Parent()
	prev := n.PreviousSibling()
	if prev != nil && isTOCList(prev, w.src) {
		parent.ReplaceChild(parent, prev, newTOCMarker(w.st, nodeOffset(prev)))
		parent.RemoveChild(parent, n)
		return
	}
	parent.ReplaceChild(parent, n, newTOCMarker(w.st, n.Pos()))
}
