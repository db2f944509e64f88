package markdown

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Block is one top-level block of the body, for section-aligned redlines.
type Block struct {
	Kind    BlockKind
	Level   int    // heading level for headings
	ID      string // heading id for headings
	Section string // id of the nearest heading at or before this block ("" before the first heading)
	HTML    []byte // a sub-slice of Document.HTML: exactly this block's HTML
	Text    string // plain text of the block
	Line    int
	RawHTML bool // the block holds raw HTML (an HTML block or inline tags), which may be ill-formed
}

// bufWriter adapts a bytes.Buffer to goldmark's util.BufWriter without a
// second buffer, so rendered bytes land directly in the document HTML.
type bufWriter struct {
	*bytes.Buffer
}

// Buffered implements util.BufWriter; nothing is ever held back.
func (bufWriter) Buffered() int { return 0 }

// Flush implements util.BufWriter.
func (bufWriter) Flush() error { return nil }

// bufPool holds render buffers; Document.HTML is an exact-size copy, so a
// buffer is reused across documents instead of growing anew each time.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// textPool holds the scratch buffers block texts are built in.
var textPool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer keeps unusually large buffers out of the pool.
const maxPooledBuffer = 4 << 20

// renderBlocks renders the top-level children of root one after another
// into one buffer, so Document.HTML is their concatenation and each Block's
// HTML is a sub-slice of it: every node is rendered exactly once.
func (r *Renderer) renderBlocks(doc *Document, root ast.Node, src []byte, st *state) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	w := bufWriter{buf}
	rend := r.md.Renderer()
	ends := make([]int, 0, root.ChildCount())
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if err := rend.Render(w, src, c); err != nil {
			st.addError(nodeOffset(c), fmt.Sprintf("rendering failed: %v", err), "")
		}
		ends = append(ends, buf.Len())
	}
	doc.HTML = bytes.Clone(buf.Bytes())
	if buf.Cap() <= maxPooledBuffer {
		bufPool.Put(buf)
	}
	if !st.noBlocks {
		doc.Blocks = makeBlocks(root, doc.HTML, ends, st)
	}
}

// makeBlocks describes each top-level child, given where its HTML ends.
// All block texts are built in one buffer and converted to one string, so
// each Block.Text is a substring of it rather than its own allocation.
func makeBlocks(root ast.Node, html []byte, ends []int, st *state) []Block {
	blocks := make([]Block, 0, len(ends))
	textEnds := make([]int, 0, len(ends))
	tb := textPool.Get().(*[]byte)
	text := (*tb)[:0]
	section, start, i := "", 0, 0
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		b := Block{Kind: blockKind(c), Line: st.lineOf(c), RawHTML: hasRawHTML(c)}
		if h, ok := c.(*ast.Heading); ok {
			b.Level, b.ID = h.Level, headingID(h)
			section = b.ID
		}
		b.Section = section
		b.HTML = html[start:ends[i]:ends[i]]
		text = appendTrimmed(text, c, st.src)
		textEnds = append(textEnds, len(text))
		blocks = append(blocks, b)
		start = ends[i]
		i++
	}
	setTexts(blocks, string(text), textEnds)
	if cap(text) <= maxPooledBuffer {
		*tb = text
		textPool.Put(tb)
	}
	return blocks
}

// setTexts gives each block its substring of all, given where each ends.
func setTexts(blocks []Block, all string, ends []int) {
	from := 0
	for i := range blocks {
		blocks[i].Text = all[from:ends[i]]
		from = ends[i]
	}
}

// appendTrimmed appends the plain text of n to buf without leading or
// trailing white space.
func appendTrimmed(buf []byte, n ast.Node, src []byte) []byte {
	start := len(buf)
	buf = appendText(buf, n, src)
	t := bytes.TrimSpace(buf[start:])
	k := copy(buf[start:], t)
	return buf[:start+k]
}

// hasRawHTML reports whether n or a node under it is raw HTML, whose
// markup goldmark passes through unchecked.
func hasRawHTML(n ast.Node) bool {
	switch n.(type) {
	case *ast.RawHTML, *ast.HTMLBlock:
		return true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if hasRawHTML(c) {
			return true
		}
	}
	return false
}

// blockKind names the kind of a top-level block.
func blockKind(n ast.Node) BlockKind {
	switch n.(type) {
	case *ast.Heading:
		return BlockHeading
	case *ast.Paragraph, *ast.TextBlock:
		return BlockParagraph
	case *ast.List:
		return BlockList
	case *extast.Table:
		return BlockTable
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return BlockCode
	case *ast.HTMLBlock:
		return BlockHTML
	case *ast.Blockquote:
		return BlockQuote
	case *ast.ThematicBreak:
		return BlockRule
	case *extast.FootnoteList:
		return BlockFootnotes
	case *extast.DefinitionList:
		return BlockDefinitions
	case *tocMarker:
		return BlockTOC
	}
	return BlockOther
}
