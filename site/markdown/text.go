package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text of n as a reader sees it: escapes and entities
// resolved, markup, raw HTML, anchors and footnote markers dropped. Child
// blocks are separated by newlines; soft line breaks become spaces.
func plainText(n ast.Node, src []byte) string {
	s, _ := plainTextBuf(nil, n, src)
	return s
}

// plainTextBuf is plainText using scratch as its buffer; it returns the
// text and the (possibly grown) scratch buffer for reuse.
func plainTextBuf(scratch []byte, n ast.Node, src []byte) (string, []byte) {
	scratch = appendText(scratch[:0], n, src)
	return string(bytes.TrimSpace(scratch)), scratch
}

// appendText appends the plain text of n to buf.
func appendText(buf []byte, n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		return appendInlineText(buf, n, src)
	case *ast.String:
		return appendResolved(buf, n.Value, n.IsRaw() && !n.IsCode())
	case *ast.AutoLink:
		return append(buf, n.Label(src)...)
	case *ast.RawHTML, *anchorNode, *extast.FootnoteLink,
		*extast.FootnoteBacklink, *extast.TaskCheckBox:
		return buf
	case *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
		return appendLines(buf, n, src)
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock {
		return appendChildBlocks(buf, n, src)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		buf = appendText(buf, c, src)
	}
	return buf
}

// appendInlineText appends one Text node, resolving escapes unless raw.
func appendInlineText(buf []byte, t *ast.Text, src []byte) []byte {
	buf = appendResolved(buf, t.Value(src), t.IsRaw())
	switch {
	case t.HardLineBreak():
		buf = append(buf, '\n')
	case t.SoftLineBreak():
		buf = append(buf, ' ')
	}
	return buf
}

// appendResolved appends v, resolving backslash escapes and character
// references unless raw.
func appendResolved(buf, v []byte, raw bool) []byte {
	if raw || (bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0) {
		return append(buf, v...)
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return append(buf, util.ResolveEntityNames(v)...)
}

// appendChildBlocks appends the text of each child block, one per line.
func appendChildBlocks(buf []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		start := len(buf)
		if start > 0 && buf[start-1] != '\n' {
			buf = append(buf, '\n')
			start++
		}
		buf = appendText(buf, c, src)
		if len(buf) == start && start > 0 {
			buf = buf[:start-1] // empty child: drop the separator
		}
	}
	return buf
}

// appendLines appends the raw lines of a code or HTML block.
func appendLines(buf []byte, n ast.Node, src []byte) []byte {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf = append(buf, seg.Value(src)...)
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		buf = append(buf, h.ClosureLine.Value(src)...)
	}
	return bytes.TrimRight(buf, "\n")
}
