package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// LinkRef is one link or image destination of a Document, with where it
// was written, so that a link checker can point at the link itself.
type LinkRef struct {
	Dest      string // the destination as the HTML's href or src holds it, after rewriting
	Written   string // the destination as written in the Markdown, Liquid tags included
	Line, Col int    // where Written starts: after the link text, or in a reference definition below it
}

// linkUse is a link destination before its source offset is turned into
// a line.
type linkUse struct {
	dest, written string
	off           int
}

// maxDestinationSearch bounds how far after a link's text its written
// destination is looked for.
const maxDestinationSearch = 4096

// recordLink remembers a link or image: n's destination dest as written,
// and final as the HTML will show it.
func (w *walker) recordLink(n ast.Node, written, final []byte) {
	off, asWritten := nodeOffset(n), written
	if len(written) > 0 && off < len(w.src) {
		window := w.src[off:min(len(w.src), off+maxDestinationSearch)]
		if i := bytes.Index(window, written); i >= 0 {
			off += i
			asWritten = w.st.orig[w.st.source(off):w.st.omap.sourceEnd(off+len(written))]
		}
	}
	// goldmark writes the destination percent-encoded, as util.URLEscape does.
	dest := string(util.URLEscape(final, true))
	w.st.links = append(w.st.links, linkUse{dest: dest, written: string(asWritten), off: w.st.source(off)})
}

// linkRefs resolves the recorded links' offsets to lines and columns.
func (st *state) linkRefs() []LinkRef {
	if len(st.links) == 0 {
		return nil
	}
	ix := st.lineIndex()
	out := make([]LinkRef, len(st.links))
	for i, l := range st.links {
		line, col := ix.position(l.off)
		out[i] = LinkRef{Dest: l.dest, Written: l.written, Line: line, Col: col}
	}
	return out
}
