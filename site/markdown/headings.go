package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

var attrID = []byte("id")

// finishHeadings runs after the AST walk: it applies the title rule and
// level shifting, assigns unique ids, records Document.Headings and adds
// anchors. ids is the document's id set.
func finishHeadings(doc *ast.Document, st *state, ids *idSet) {
	heads := pickTitle(doc, st)
	st.headings = heads
	texts := make([]string, len(heads))
	var scratch []byte
	for i, h := range heads {
		texts[i], scratch = plainTextBuf(scratch, h, st.src)
	}
	reserveIDs(heads, st, ids)
	out := make([]Heading, len(heads))
	for i, h := range heads {
		id := headingID(h)
		if id == "" {
			gen := ids.Generate([]byte(texts[i]), ast.KindHeading)
			h.SetAttribute(attrID, gen)
			id = string(gen)
		}
		out[i] = Heading{Level: h.Level, ID: id, Text: texts[i], Line: st.lineOf(h)}
	}
	st.outHeads = out
	addAnchors(heads, out, st.opts)
}

// pickTitle applies the title rule and returns the headings that stay in
// the body. A single h1 that is the first block is removed and becomes the
// title; two or more h1s shift every heading down one level; otherwise the
// first heading's text is the title.
func pickTitle(doc *ast.Document, st *state) []*ast.Heading {
	heads := st.headings
	if len(heads) == 0 {
		return heads
	}
	h1 := 0
	for _, h := range heads {
		if h.Level == 1 {
			h1++
		}
	}
	first, _ := doc.FirstChild().(*ast.Heading)
	switch {
	case h1 == 1 && first != nil && first.Level == 1:
		st.title = plainText(first, st.src)
		doc.RemoveChild(doc, first)
		return heads[1:]
	case h1 >= 2:
		for _, h := range heads {
			h.Level = min(h.Level+1, 6)
		}
	}
	st.title = plainText(heads[0], st.src)
	return heads
}

// reserveIDs marks every explicit id (from {#id} or an IAL, on headings and
// other blocks) as used before any id is generated, and reports duplicates
// and clashes with footnote ids.
func reserveIDs(heads []*ast.Heading, st *state, ids *idSet) {
	uses := st.blockIDs
	for _, h := range heads {
		if id := headingID(h); id != "" {
			uses = append(uses, idUse{id: id, off: nodeOffset(h)})
		}
	}
	for _, u := range uses {
		switch {
		case isFootnoteID(u.id):
			st.addError(u.off, fmt.Sprintf("id %q is reserved for footnotes", u.id),
				`choose an id that does not look like "fn:1" or "fnref:1"`)
		case ids.has(u.id):
			st.addError(u.off, fmt.Sprintf("duplicate id %q", u.id),
				"ids must be unique within a page; rename one of them")
		}
		ids.Put([]byte(u.id))
	}
}

// headingID returns the explicit id attribute of h, or "".
func headingID(h ast.Node) string {
	v, ok := h.Attribute(attrID)
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}
