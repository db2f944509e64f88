package site

import (
	"html"
	"html/template"
	"strings"

	"github.com/clause-dev/clause/site/markdown"
)

// tocHTML renders a table of contents as nested lists. Entries whose
// section changed since the previous version get class "toc-changed" and
// a visually hidden note, so the mark is not carried by colour alone:
// " (note)", in the page's language.
func tocHTML(entries []*markdown.TOCEntry, changed map[string]bool, note string) template.HTML {
	var b strings.Builder
	writeTOC(&b, entries, changed, note)
	return template.HTML(b.String())
}

func writeTOC(b *strings.Builder, entries []*markdown.TOCEntry, changed map[string]bool, note string) {
	if len(entries) == 0 {
		return
	}
	b.WriteString("<ul>")
	for _, e := range entries {
		if changed[e.ID] {
			b.WriteString(`<li class="toc-changed">`)
		} else {
			b.WriteString("<li>")
		}
		b.WriteString(`<a href="#` + html.EscapeString(e.ID) + `">` + html.EscapeString(e.Text))
		if changed[e.ID] {
			b.WriteString(`<span class="visually-hidden"> (` + html.EscapeString(note) + `)</span>`)
		}
		b.WriteString("</a>")
		writeTOC(b, e.Children, changed, note)
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}
