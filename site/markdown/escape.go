package markdown

import "strings"

// EscapeText returns s as one line of Markdown inline text that renders as
// written and still reads well as plain text, for Markdown that people
// read before it is rendered (an announcement e-mail). Runs of white space,
// line breaks included, become one space. The characters that open
// emphasis, links, images, code spans, raw HTML, entities or
// strikethrough are escaped with a backslash, and so is a first
// character that would start a block: a heading, a list item, a quote or
// a thematic break.
func EscapeText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	start := leadingBlockMarker(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == start || strings.IndexByte("\\`*_[]<&~", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// leadingBlockMarker returns the index of the character that makes the
// start of s open a block when it begins a line, or -1: "#", ">", "-",
// "+" or "=" first, or the "." or ")" after leading digits ("1. ").
func leadingBlockMarker(s string) int {
	if s == "" {
		return -1
	}
	if strings.IndexByte("#>-+=", s[0]) >= 0 {
		return 0
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return -1
}

// EscapeAll returns s with every ASCII punctuation character escaped with
// a backslash and runs of white space as one space. The result is plain
// text anywhere inline, a table cell included ("|" cannot end the cell),
// at the cost of reading less well unrendered; Markdown that clause
// generates into a page (the subprocessor register's table) uses it.
func EscapeAll(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
