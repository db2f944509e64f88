package markdown

import "bytes"

// maxLead bounds the leading block LeadingBlock keeps whole; a longer one
// is cut to its first two lines, which hold any heading it can be.
const maxLead = 2048

// LeadingBlock returns the start of a body that decides its title: its
// first block (up to a blank line), after blank lines and HTML comments,
// or nil when that block cannot be a heading. Keeping only this lets a
// site know every page's title before any page is rendered; Title reads
// it. The result does not alias body.
func LeadingBlock(body []byte) []byte {
	block := firstBlock(skipLeading(body))
	if len(block) > maxLead {
		block = firstLines(block, 2)
	}
	if !mayBeHeading(block) {
		return nil
	}
	return bytes.Clone(block)
}

// Title returns the title of a body from its LeadingBlock lead: the plain
// text of its title heading with Liquid substituted through page.Var,
// exactly as Document.Title of the whole body (it is parsed by the same
// code, but not rendered). Problems are not reported here; rendering the
// body reports them. Like RenderPage, it never panics.
func (r *Renderer) Title(lead []byte, page Page) (title string) {
	if len(lead) == 0 || nestingError(lead) != nil {
		return "" // rendering the body reports the nesting
	}
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	_, st := r.parse(lead, Page{Var: page.Var})
	return st.title
}

// skipLeading skips blank lines and HTML comments at the start of body.
// A comment indented by four spaces or more is indented code, as in
// Markdown, and ends the skipping.
func skipLeading(body []byte) []byte {
	for {
		body = skipBlankLines(body)
		trimmed := bytes.TrimLeft(body, " ")
		if !bytes.HasPrefix(trimmed, []byte("<!--")) || len(body)-len(trimmed) > 3 {
			return body
		}
		end := bytes.Index(trimmed, []byte("-->"))
		if end < 0 {
			return nil
		}
		_, body = cutLine(trimmed[end+3:]) // as in Markdown, the comment block ends with this line
	}
}

// skipBlankLines drops the lines of only white space at the start of b.
func skipBlankLines(b []byte) []byte {
	for len(b) > 0 {
		line, rest := cutLine(b)
		if len(bytes.TrimSpace(line)) != 0 {
			return b
		}
		b = rest
	}
	return b
}

// firstBlock returns b up to its first blank line.
func firstBlock(b []byte) []byte {
	for off := 0; off < len(b); {
		line, rest := cutLine(b[off:])
		if len(bytes.TrimSpace(line)) == 0 {
			return b[:off]
		}
		off = len(b) - len(rest)
	}
	return b
}

// cutLine splits b after its first line break.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:]
	}
	return b, nil
}

// mayBeHeading reports whether block can parse as an ATX or setext
// heading: it starts with '#' or has an underline of '=' or '-'.
func mayBeHeading(block []byte) bool {
	if len(block) == 0 {
		return false
	}
	if bytes.HasPrefix(bytes.TrimLeft(block, " "), []byte("#")) {
		return true
	}
	for _, line := range bytes.Split(block, []byte("\n"))[1:] {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && (len(bytes.Trim(t, "=")) == 0 || len(bytes.Trim(t, "-")) == 0) {
			return true
		}
	}
	return false
}

// firstLines returns the first n lines of b.
func firstLines(b []byte, n int) []byte {
	end := 0
	for i := 0; i < n && end < len(b); i++ {
		j := bytes.IndexByte(b[end:], '\n')
		if j < 0 {
			return b
		}
		end += j + 1
	}
	return b[:end]
}
