package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// runInTOC gives a document without headings in the TOC range a table of
// contents built from its run-in headings: paragraphs that open with bold
// text ending in a colon ("**Your Choices**: You may …" or "__Your
// Choices:__ …"), as legal text copied from web pages often has instead of
// headings. Each such paragraph gets an id and becomes a TOC entry at
// TOCMin; documents with real headings are left alone.
func runInTOC(doc *ast.Document, st *state, ids *idSet) {
	if len(st.toc) > 0 {
		return
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		p, ok := c.(*ast.Paragraph)
		if !ok {
			continue
		}
		text, ok := runInHeading(p, st.src)
		if !ok {
			continue
		}
		id := headingID(p)
		if id == "" {
			id = string(ids.Generate([]byte(text), ast.KindHeading))
			p.SetAttribute(attrID, []byte(id))
		}
		st.toc = append(st.toc, &TOCEntry{Level: st.opts.TOCMin, ID: id, Text: text})
	}
	if len(st.toc) > 0 {
		st.tocHTML = tocHTML(st.toc)
		for _, m := range st.tocNodes {
			m.HTML = st.tocHTML
		}
	}
}

// runInHeading reports whether p opens with a bold run-in heading and
// returns its text without the colon.
func runInHeading(p *ast.Paragraph, src []byte) (string, bool) {
	em, ok := p.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return "", false
	}
	text := strings.TrimSpace(plainText(em, src))
	colon := strings.HasSuffix(text, ":")
	if next, ok := em.NextSibling().(*ast.Text); ok && !colon {
		colon = strings.HasPrefix(strings.TrimSpace(string(next.Segment.Value(src))), ":")
	}
	text = strings.TrimSpace(strings.TrimSuffix(text, ":"))
	if !colon || text == "" || len(text) > 80 {
		return "", false
	}
	return text, true
}
