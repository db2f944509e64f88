package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// TOCEntry is one heading in the table of contents, with the headings
// nested under it.
type TOCEntry struct {
	Level    int
	ID, Text string
	Children []*TOCEntry
}

// kindTOCMarker is the NodeKind of tocMarker.
var kindTOCMarker = ast.NewNodeKind("ClauseTOCMarker")

// tocMarker is the block that replaces a kramdown TOC marker ("* TOC" +
// "{:toc}", a bare "{:toc}" or "{::toc}"). It renders the document's TOC.
type tocMarker struct {
	ast.BaseBlock
	HTML []byte // the document's TOCHTML, filled in after the headings are known
}

// Kind implements ast.Node.
func (n *tocMarker) Kind() ast.NodeKind { return kindTOCMarker }

// Dump implements ast.Node.
func (n *tocMarker) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// buildTOC nests the headings within lo..hi: each entry becomes a child
// of the closest preceding entry with a lower level, so skipped levels
// never produce empty items.
func buildTOC(heads []Heading, lo, hi int) []*TOCEntry {
	var roots []*TOCEntry
	var stack []*TOCEntry
	for _, h := range heads {
		if h.Level < lo || h.Level > hi {
			continue
		}
		e := &TOCEntry{Level: h.Level, ID: h.ID, Text: h.Text}
		for len(stack) > 0 && stack[len(stack)-1].Level >= e.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, e)
		} else {
			top := stack[len(stack)-1]
			top.Children = append(top.Children, e)
		}
		stack = append(stack, e)
	}
	return roots
}

// tocHTML renders entries as nested <ul> lists; nil when there are none.
func tocHTML(entries []*TOCEntry) []byte {
	if len(entries) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.Grow(64 * len(entries))
	writeTOCList(&b, entries)
	return b.Bytes()
}

// writeTOCList writes one <ul> level and recurses into children.
func writeTOCList(b *bytes.Buffer, entries []*TOCEntry) {
	b.WriteString("<ul>")
	for _, e := range entries {
		b.WriteString(`<li><a href="#`)
		writeEscaped(b, e.ID)
		b.WriteString(`">`)
		writeEscaped(b, e.Text)
		b.WriteString("</a>")
		if len(e.Children) > 0 {
			writeTOCList(b, e.Children)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// finishTOC builds the TOC from the final headings and hands its HTML to
// every marker.
func finishTOC(st *state) {
	st.toc = buildTOC(st.outHeads, st.opts.TOCMin, st.opts.TOCMax)
	st.tocHTML = tocHTML(st.toc)
	for _, m := range st.tocNodes {
		m.HTML = st.tocHTML
	}
}

// isTOCList reports whether n is a list whose only item reads "TOC", the
// placeholder kramdown replaces with the table of contents.
func isTOCList(n ast.Node, src []byte) bool {
	list, ok := n.(*ast.List)
	if !ok || list.ChildCount() != 1 {
		return false
	}
	return plainText(list, src) == "TOC"
}

// newTOCMarker returns a marker positioned at pos and registers it in st.
func newTOCMarker(st *state, pos int) *tocMarker {
	m := &tocMarker{}
	m.SetPos(pos)
	st.tocNodes = append(st.tocNodes, m)
	return m
}

// renderTOCMarker writes the TOC inside <nav class="toc">, or nothing when
// the document has no TOC entries.
func renderTOCMarker(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*tocMarker)
	if !entering || len(n.HTML) == 0 {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<nav class="toc" aria-label="Table of contents">`)
	_, _ = w.Write(n.HTML)
	_, _ = w.WriteString("</nav>\n")
	return ast.WalkSkipChildren, nil
}
