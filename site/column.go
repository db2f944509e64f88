package site

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Columns in messages are 1-based byte columns, as go/scanner counts
// them: the same for every format (YAML, TOML and JSON front matter,
// clause.yaml, Markdown), and what editors that jump to "line:col"
// expect of tools. yaml.v3 counts characters; byteColumns converts.

// byteColumns rewrites the Column of every node of a parsed YAML
// document from yaml.v3's count of characters to a byte column of data,
// the text the document was parsed from.
func byteColumns(n *yaml.Node, data []byte) {
	starts := lineStarts(data)
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		n.Column = byteColumn(data, starts, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
}

// lineStarts returns the byte offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// byteColumn returns the 1-based byte column of the character at the
// 1-based character column col of line (1-based) of data.
func byteColumn(data []byte, starts []int, line, col int) int {
	if line < 1 || line > len(starts) || col < 1 {
		return col
	}
	text := data[starts[line-1]:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	off := 0
	for c := 1; c < col && off < len(text); c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off + 1
}
