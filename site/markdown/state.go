package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// stateKey is the parser.Context key of the per-document *state.
var stateKey = parser.NewContextKey()

// state is everything one Render call collects while parsing and
// transforming a document. It lives in the parser.Context, never in the
// shared Renderer, so concurrent renders do not interfere.
type state struct {
	src      []byte     // the text goldmark parses: the source with Liquid substituted
	orig     []byte     // the source as written
	omap     *offsetMap // from offsets of src to offsets of orig; nil when they are equal
	opts     *Options
	noBlocks bool // leave Document.Blocks empty

	lines    lineIndex
	hasLines bool
	errs     []pendingError

	headings []*ast.Heading // every heading node in document order
	blockIDs []idUse        // ids set on non-heading blocks by IALs
	tocNodes []*tocMarker
	title    string
	outHeads []Heading
	toc      []*TOCEntry
	tocHTML  []byte
	links    []linkUse // link and image destinations in document order
}

// idUse is an explicit id and the source offset it was written at.
type idUse struct {
	id  string
	off int
}

// newState returns an empty state for the source orig, parsed as src
// (orig with Liquid substituted, which omap maps back to orig).
func newState(orig, src []byte, omap *offsetMap, opts *Options) *state {
	return &state{src: src, orig: orig, omap: omap, opts: opts}
}

// getState returns the state stored in pc, or nil when the extension is
// used outside Renderer.Render.
func getState(pc parser.Context) *state {
	st, _ := pc.Get(stateKey).(*state)
	return st
}

// addError records a problem at byte offset off of the parsed text.
func (st *state) addError(off int, msg, hint string) {
	st.errs = append(st.errs, pendingError{off: st.source(off), msg: msg, hint: hint})
}

// source maps an offset of the parsed text to the source as written.
func (st *state) source(off int) int {
	return st.omap.source(off)
}

// written returns text, found at offset off of the parsed text, as the
// source has it (Liquid tags instead of their values), for messages.
func (st *state) written(off int, text []byte) []byte {
	if st.omap == nil || off < 0 || !bytes.HasPrefix(st.src[min(off, len(st.src)):], text) {
		return text
	}
	return st.orig[st.source(off):st.omap.sourceEnd(off+len(text))]
}

// lineIndex returns the line index of the source as written, building it
// on first use.
func (st *state) lineIndex() lineIndex {
	if !st.hasLines {
		st.lines = newLineIndex(st.orig)
		st.hasLines = true
	}
	return st.lines
}

// lineOf returns the 1-based source line where node n starts.
func (st *state) lineOf(n ast.Node) int {
	return st.lineIndex().line(st.source(nodeOffset(n)))
}

// nodeOffset returns the source offset of n, looking into its first
// descendants when n itself has no position; it returns 0 if none is known.
func nodeOffset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if p := c.Pos(); p >= 0 {
			return p
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return 0
}

// fill copies the collected results into doc.
func (st *state) fill(doc *Document) {
	doc.Title = st.title
	doc.Headings = st.outHeads
	doc.TOC = st.toc
	doc.TOCHTML = st.tocHTML
	doc.HasTOCMarker = len(st.tocNodes) > 0
	doc.Errors = resolveErrors(st.lineIndex(), st.errs)
	doc.Links = st.linkRefs()
	for _, u := range st.blockIDs {
		doc.BlockIDs = append(doc.BlockIDs, u.id)
	}
}
