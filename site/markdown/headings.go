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
// the body. The title heading (see titleHeading) gives Title. It is
// removed from the body when it is the body's only h1, or when it is a
// setext heading ("Title" over "---") in a body without h1s: the template
// prints the title as the page's h1. If an h1 is left in the body after
// that, every heading moves down one level (h6 stays), so a page never has
// two h1s.
func pickTitle(doc *ast.Document, st *state) []*ast.Heading {
	heads := st.headings
	h1 := 0
	for _, h := range heads {
		if h.Level == 1 {
			h1++
		}
	}
	title := titleHeading(doc)
	if title != nil {
		st.title = plainText(title, st.src)
		if title.Level == 1 && h1 == 1 || h1 == 0 && isSetext(title, st.src) {
			doc.RemoveChild(doc, title)
			heads = removeHeading(heads, title)
			h1 -= boolInt(title.Level == 1)
		}
	}
	if h1 > 0 {
		for _, h := range heads {
			h.Level = min(h.Level+1, 6)
		}
	}
	return heads
}

// maxTitleLevel is the deepest heading that can be a page's title, as in
// jekyll-titles-from-headings.
const maxTitleLevel = 3

// titleHeading returns the heading that gives the page its title: the
// first block of the body, after HTML comments, when it is a heading of
// level 1 to 3; nil otherwise, as jekyll-titles-from-headings reads a
// page. A heading after prose is a section, never the title.
func titleHeading(doc *ast.Document) *ast.Heading {
	c := doc.FirstChild()
	for c != nil && isComment(c) {
		c = c.NextSibling()
	}
	h, ok := c.(*ast.Heading)
	if !ok || h.Level > maxTitleLevel {
		return nil
	}
	return h
}

// isComment reports whether n is an HTML block of comments only.
func isComment(n ast.Node) bool {
	b, ok := n.(*ast.HTMLBlock)
	return ok && b.HTMLBlockType == ast.HTMLBlockType2
}

// isSetext reports whether h was written as a setext heading (its text
// over a line of "=" or "-"), not with leading "#".
func isSetext(h *ast.Heading, src []byte) bool {
	if h.Lines().Len() == 0 {
		return false
	}
	i := h.Lines().At(0).Start
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i < len(src) && src[i] != '#'
}

// removeHeading returns heads without h.
func removeHeading(heads []*ast.Heading, h *ast.Heading) []*ast.Heading {
	out := make([]*ast.Heading, 0, len(heads))
	for _, x := range heads {
		if x != h {
			out = append(out, x)
		}
	}
	return out
}

// boolInt is 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
