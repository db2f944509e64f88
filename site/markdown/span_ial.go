package markdown

import (
	"bytes"

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
	end := bytes.IndexByte(line, '}')
	if end < 0 {
		return nil
	}
	n := parseIAL(line[:end+1])
	if n.Err != "" || n.TOC || len(n.Attrs) == 0 {
		return nil
	}
	block.Advance(end + 1)
	return &spanIALNode{ial: n, Segment: seg.WithStop(seg.Start + end + 1)}
}

// applySpanIAL sets a span IAL's attributes on the element before it, or
// turns it back into text when there is none.
func (w *walker) applySpanIAL(n *spanIALNode) {
	switch target := n.PreviousSibling().(type) {
	case *ast.Link, *ast.Image, *ast.Emphasis, *ast.CodeSpan:
		w.setAttributes(target, n.ial)
		n.Parent().RemoveChild(n.Parent(), n)
	default:
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewTextSegment(n.Segment))
	}
}
