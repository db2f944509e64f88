package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// kindSpanIAL is the NodeKind of spanIALNode.
var kindSpanIAL = ast.NewNodeKind("ClauseSpanIAL")

// spanIALNode is a kramdown span inline attribute list, written right
// after a link, image, emphasis or code span:
// [text](url){:target="_blank"} or *word*{: .note}. The transformer
// applies it to that element and removes it; after anything else it
// stays as the text it was written as.
type spanIALNode struct {
	ast.BaseInline
	ial     *ialNode
	Segment text.Segment // the "{:…}" text in the source
}

// Kind implements ast.Node.
func (n *spanIALNode) Kind() ast.NodeKind { return kindSpanIAL }

// Dump implements ast.Node.
func (n *spanIALNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Raw": string(n.ial.Raw)}, nil)
}

// spanIALParser is the parser.InlineParser for span IALs.
type spanIALParser struct{}

// Trigger implements parser.InlineParser.
func (spanIALParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser: it accepts "{:…}" on one line
// that reads as a list of attributes; anything else stays text.
func (spanIALParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[1] != ':' {
		return nil
	}
	end := closingBrace(line)
	if end < 0 {
		return nil
	}
	n := parseIAL(line[:end+1])
	if n.Err != "" || n.TOC || len(n.Attrs) == 0 {
		return nil
	}
	n.SetPos(seg.Start) // errors about its values point here
	block.Advance(end + 1)
	return &spanIALNode{ial: n, Segment: seg.WithStop(seg.Start + end + 1)}
}

// closingBrace returns the index of the "}" that ends the attribute list
// starting at line[0], skipping quoted values and Liquid {{ … }} inside
// them, or -1.
func closingBrace(line []byte) int {
	var quote byte
	for i := 2; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '}':
			return i
		}
	}
	return -1
}

// applySpanIAL sets a span IAL's attributes on the element written right
// before it, else on the heading it ends, or turns it back into text.
func (w *walker) applySpanIAL(n *spanIALNode) {
	switch target := n.PreviousSibling().(type) {
	case *ast.Link, *ast.Image, *ast.Emphasis, *ast.CodeSpan:
		w.dropDestinationAttrs(n.ial)
		w.setAttributes(target, n.ial)
		n.Parent().RemoveChild(n.Parent(), n)
		return
	}
	if h, ok := n.Parent().(*ast.Heading); ok && n.NextSibling() == nil {
		w.headingIAL(h, n)
		return
	}
	n.Parent().ReplaceChild(n.Parent(), n, ast.NewTextSegment(n.Segment))
}

// dropDestinationAttrs removes href and src from a span IAL, with an
// error: the destination in (…) says where a link or image points, and a
// second one would be written beside it.
func (w *walker) dropDestinationAttrs(n *ialNode) {
	kept := n.Attrs[:0]
	for _, a := range n.Attrs {
		if name := string(a.Name); name == "href" || name == "src" {
			w.st.addError(n.Pos(), fmt.Sprintf("attribute list %q sets %s", w.st.written(n.Pos(), n.Raw), name),
				"change the destination in (…) instead")
			continue
		}
		kept = append(kept, a)
	}
	n.Attrs = kept
}

// headingIAL applies an attribute list written at the end of a heading,
// "## Accounts {: #accounts }" as kramdown reads it, to the heading, and
// drops it with the spaces before it, so neither the heading nor the TOC
// prints it.
func (w *walker) headingIAL(h *ast.Heading, n *spanIALNode) {
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		t.Segment = t.Segment.TrimRightSpace(w.src)
	}
	w.setAttributes(h, n.ial)
	h.RemoveChild(h, n)
}
