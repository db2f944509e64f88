package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// The plain-text form of a document (Document.Plain) is written from the
// parsed and transformed goldmark tree, so it reads as the page does:
//
//   - top-level blocks are separated by one blank line; a paragraph is
//     one line (a soft line break is a space, a hard one a new line);
//   - a heading is its text underlined with "=" (level 1), "-" (level 2)
//     or "~" (levels 3 to 6), as long as the text;
//   - a list item starts with "- " or "N. " (numbered from the list's
//     start), "[x] " or "[ ] " for a task, and its further lines are
//     indented to the item's text; items of a loose list are separated
//     by a blank line;
//   - a block quote's lines start with "> ";
//   - a code block is indented by four spaces;
//   - a table is one line per row, its cells separated by " | ";
//   - a definition list is the term, then each definition indented by
//     four spaces;
//   - a link is its text followed by its URL in parentheses, "text
//     (URL)", unless the text is the URL; an image is its alternative
//     text followed by its URL the same way;
//   - footnote references are "[N]" and the notes follow at the end, one
//     "[N] text" per note;
//   - the text of an HTML block is kept, its tags are not; inline HTML,
//     the "link to this section" anchors and a table-of-contents marker
//     are left out; a thematic break is "* * *";
//   - every line ends in "\n" with no trailing white space, and the text
//     ends in exactly one "\n".

// plainWriter writes the plain-text form of one document.
type plainWriter struct {
	src      []byte
	out      []byte
	sections []Section
	starts   []int  // where each section starts in out
	scratch  []byte // inline text being built; see inline
}

// writePlain fills doc.Plain, doc.Text and doc.Sections from the
// transformed tree. The plain text is written after head (and a line
// break) in one buffer, which doc.Text is, and each section's text is a
// piece of it, not a copy: nothing writes to them afterwards.
func writePlain(doc *Document, root ast.Node, src []byte, head string) {
	// The plain text is about as long as its source: sized once, out is
	// not copied as it grows.
	w := &plainWriter{src: src, out: make([]byte, 0, len(head)+1+len(src)+len(src)/8+64)}
	if head != "" {
		w.out = append(append(w.out, head...), '\n')
	}
	base := len(w.out)
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if isParagraph(c) {
			w.appendParagraph(c, base)
			continue
		}
		lines := w.block(c)
		if len(lines) == 0 {
			continue
		}
		if len(w.out) > base {
			w.out = append(w.out, '\n')
		}
		if h, ok := c.(*ast.Heading); ok {
			w.sections = append(w.sections, Section{ID: headingID(h), Title: plainText(h, src), Level: h.Level})
			w.starts = append(w.starts, len(w.out))
		}
		for _, l := range lines {
			w.out = append(w.out, strings.TrimRight(l, " \t")...)
			w.out = append(w.out, '\n')
		}
	}
	doc.Plain = w.out[base:len(w.out):len(w.out)]
	doc.Text = w.out
	if len(doc.Plain) == 0 {
		doc.Text = w.out[:len(head)] // no blank line after the head
	}
	for i := range w.sections {
		end := len(w.out)
		if i+1 < len(w.starts) {
			end = w.starts[i+1]
		}
		w.sections[i].Text = sectionText(w.out[w.starts[i]:end])
	}
	doc.Sections = w.sections
}

// sectionText returns a section's plain text, t, ending in exactly one
// "\n": t's lines end in "\n" already, and the blank line before the next
// section is cut. It shares t's memory, which nothing writes to.
func sectionText(t []byte) string {
	k := len(bytes.TrimRight(t, "\n"))
	if k < len(t) {
		return unsafe.String(&t[0], k+1)
	}
	return string(t) + "\n"
}

// isParagraph reports whether n is a paragraph, whose lines block
// returns as splitLines of its inline text.
func isParagraph(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}

// appendParagraph writes a top-level paragraph to w.out as writePlain
// writes block's lines, after a blank line unless it is the first text
// after base; but from w.scratch, without a string per paragraph and
// per line. A paragraph without text writes nothing.
func (w *plainWriter) appendParagraph(n ast.Node, base int) {
	mark := len(w.scratch)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.appendInline(c)
	}
	text := bytes.TrimSpace(w.scratch[mark:])
	if len(text) > 0 && len(w.out) > base {
		w.out = append(w.out, '\n')
	}
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		w.out = append(append(w.out, bytes.TrimRight(line, " \t")...), '\n')
	}
	w.scratch = w.scratch[:mark]
}

// block returns the lines of one block, without a trailing blank line.
func (w *plainWriter) block(n ast.Node) []string {
	switch n := n.(type) {
	case *ast.Heading:
		return w.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		return splitLines(w.inline(n))
	case *ast.List:
		return w.list(n)
	case *ast.Blockquote:
		return prefixLines(w.children(n, true), "> ", ">")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return prefixLines(splitLines(string(appendLines(nil, n, w.src))), "    ", "")
	case *ast.HTMLBlock:
		return htmlText(appendLines(nil, n, w.src))
	case *ast.ThematicBreak:
		return []string{"* * *"}
	case *extast.Table:
		return w.table(n)
	case *extast.DefinitionList:
		return w.definitions(n)
	case *extast.FootnoteList:
		return w.footnotes(n)
	case *tocMarker:
		return nil
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock {
		return w.children(n, true)
	}
	return splitLines(w.inline(n))
}

// heading returns a heading's text and its underline.
func (w *plainWriter) heading(h *ast.Heading) []string {
	text := strings.TrimSpace(w.inline(h))
	mark := "~"
	switch h.Level {
	case 1:
		mark = "="
	case 2:
		mark = "-"
	}
	return []string{text, strings.Repeat(mark, max(1, DisplayWidth(text)))}
}

// children returns the lines of n's child blocks, separated by a blank
// line when loose.
func (w *plainWriter) children(n ast.Node, loose bool) []string {
	var lines []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b := w.block(c)
		if len(b) == 0 {
			continue
		}
		if loose && len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, b...)
	}
	return lines
}

// list returns a list's items with their markers.
func (w *plainWriter) list(l *ast.List) []string {
	var lines []string
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + string(l.Marker) + " "
			num++
		}
		if !l.IsTight && len(lines) > 0 {
			lines = append(lines, "")
		}
		body := w.children(item, !l.IsTight)
		if len(body) == 0 {
			body = []string{""}
		}
		lines = append(lines, marker+body[0])
		lines = append(lines, prefixLines(body[1:], strings.Repeat(" ", len(marker)), "")...)
	}
	return lines
}

// table returns one line per row, its cells separated by " | ".
func (w *plainWriter) table(t *extast.Table) []string {
	var lines []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, strings.TrimSpace(w.inline(cell)))
		}
		lines = append(lines, strings.Join(cells, " | "))
	}
	return lines
}

// definitions returns each term, then its definitions indented.
func (w *plainWriter) definitions(d *extast.DefinitionList) []string {
	var lines []string
	for c := d.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*extast.DefinitionTerm); ok {
			lines = append(lines, splitLines(w.inline(c))...)
			continue
		}
		lines = append(lines, prefixLines(w.children(c, false), "    ", "")...)
	}
	return lines
}

// footnotes returns one "[N] text" entry per note.
func (w *plainWriter) footnotes(l *extast.FootnoteList) []string {
	var lines []string
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		f, ok := c.(*extast.Footnote)
		if !ok {
			continue
		}
		marker := "[" + strconv.Itoa(f.Index) + "] "
		body := w.children(f, false)
		if len(body) == 0 {
			body = []string{""}
		}
		lines = append(lines, marker+body[0])
		lines = append(lines, prefixLines(body[1:], strings.Repeat(" ", len(marker)), "")...)
	}
	return lines
}

// inline returns the text of n's inline content; hard line breaks are
// "\n". The text is built at the end of w.scratch, which is shared by
// nested calls (a link's text inside a paragraph's) and cut back to where
// it was on return, so that one buffer serves the whole document.
func (w *plainWriter) inline(n ast.Node) string {
	mark := len(w.scratch)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.appendInline(c)
	}
	text := string(w.scratch[mark:])
	w.scratch = w.scratch[:mark]
	return text
}

// appendInline appends the text of one inline node to w.scratch.
func (w *plainWriter) appendInline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text, *ast.String:
		w.scratch = appendText(w.scratch, n, w.src)
	case *ast.AutoLink:
		w.scratch = append(w.scratch, n.Label(w.src)...)
	case *ast.Link:
		w.linked(w.inline(n), n.Destination)
	case *ast.Image:
		w.linked(plainText(n, w.src), n.Destination)
	case *extast.FootnoteLink:
		w.scratch = append(strconv.AppendInt(append(w.scratch, '['), int64(n.Index), 10), ']')
	case *extast.TaskCheckBox:
		if n.IsChecked {
			w.scratch = append(w.scratch, "[x] "...)
		} else {
			w.scratch = append(w.scratch, "[ ] "...)
		}
	case *ast.RawHTML, *anchorNode, *extast.FootnoteBacklink:
	default:
		if n.Type() == ast.TypeBlock {
			text := strings.Join(w.block(n), "\n") // before w.scratch is read: block uses it
			w.scratch = append(w.scratch, text...)
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.appendInline(c)
		}
	}
}

// linked appends a link's or image's text and, unless it is the URL
// itself, the URL in parentheses.
func (w *plainWriter) linked(text string, dest []byte) {
	text = strings.TrimSpace(text)
	w.scratch = append(w.scratch, text...)
	if len(dest) == 0 || string(dest) == text {
		return
	}
	if text != "" {
		w.scratch = append(w.scratch, ' ')
	}
	w.scratch = append(append(append(w.scratch, '('), dest...), ')')
}

// splitLines splits text at "\n".
func splitLines(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// prefixLines prefixes every line, an empty one with blank.
func prefixLines(lines []string, prefix, blank string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if l == "" {
			out[i] = blank
			continue
		}
		out[i] = prefix + l
	}
	return out
}
