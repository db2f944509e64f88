package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindIAL is the NodeKind of ialNode.
var kindIAL = ast.NewNodeKind("ClauseIAL")

// ialNode is a kramdown block inline attribute list, a line like
// `{: #id .class key="value"}`. The transformer applies it to the block it
// follows (or, with no block before it, the block directly after it) and
// removes it; `{:toc}` and `{::toc}` become a tocMarker instead.
type ialNode struct {
	ast.BaseBlock
	Raw   []byte    // the whole "{: … }" text (a slice of the source)
	Attrs []ialAttr // parsed #id, .class and key="value" entries
	TOC   bool      // the list holds the "toc" reference or is {::toc}
	Err   string    // non-empty when the list cannot be used
}

// ialAttr is one parsed IAL entry; classes are already joined.
type ialAttr struct {
	Name, Value []byte
}

// Kind implements ast.Node.
func (n *ialNode) Kind() ast.NodeKind { return kindIAL }

// Dump implements ast.Node.
func (n *ialNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Raw": string(n.Raw)}, nil)
}

// ialParser is the parser.BlockParser for IAL lines. It may interrupt a
// paragraph, so an IAL on the line after a paragraph, list, table or
// blockquote closes that block and becomes its next sibling.
type ialParser struct{}

// Trigger implements parser.BlockParser.
func (ialParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser: it accepts a line that starts with
// "{:" and ends with "}".
func (ialParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos+3 > len(line) || line[pos+1] != ':' {
		return nil, parser.NoChildren
	}
	raw := util.TrimRightSpace(line[pos:])
	if raw[len(raw)-1] != '}' {
		return nil, parser.NoChildren
	}
	node := parseIAL(raw)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

// Continue implements parser.BlockParser: an IAL is always one line.
func (ialParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (ialParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (ialParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (ialParser) CanAcceptIndentedLine() bool { return false }

// parseIAL parses raw ("{:…}") into an ialNode; problems end up in Err.
func parseIAL(raw []byte) *ialNode {
	n := &ialNode{Raw: raw}
	body := raw[2 : len(raw)-1]
	if len(body) > 0 && body[0] == ':' {
		if string(bytes.TrimSpace(body[1:])) == "toc" {
			n.TOC = true
		} else {
			n.Err = fmt.Sprintf("unsupported kramdown extension %q", raw)
		}
		return n
	}
	p := ialScanner{src: body}
	for n.Err == "" && p.skipSpaces() {
		n.Err = p.entry(n)
	}
	return n
}

// ialScanner walks the inside of an IAL.
type ialScanner struct {
	src []byte
	pos int
}

// skipSpaces skips blanks and reports whether anything is left.
func (p *ialScanner) skipSpaces() bool {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
	return p.pos < len(p.src)
}

// entry parses one #id, .class, key="value" or reference into n and
// returns an error message, or "".
func (p *ialScanner) entry(n *ialNode) string {
	switch c := p.src[p.pos]; {
	case c == '#' || c == '.':
		p.pos++
		name := p.word(c == '#')
		if len(name) == 0 {
			return fmt.Sprintf("empty %q in attribute list", c)
		}
		addIALAttr(n, c == '#', name)
		return ""
	case isNameStart(c):
		return p.keyOrRef(n)
	}
	return fmt.Sprintf("unexpected %q in attribute list", p.src[p.pos])
}

// keyOrRef parses key="value", key='value' or a bare reference name.
func (p *ialScanner) keyOrRef(n *ialNode) string {
	name := p.word(false)
	if p.pos >= len(p.src) || p.src[p.pos] != '=' {
		if p.pos < len(p.src) && p.src[p.pos] != ' ' && p.src[p.pos] != '\t' {
			return fmt.Sprintf("unexpected %q in attribute list", p.src[p.pos])
		}
		if string(name) == "toc" {
			n.TOC = true
			return ""
		}
		return fmt.Sprintf("unknown attribute list reference %q", name)
	}
	p.pos++
	value, ok := p.quoted()
	if !ok {
		return fmt.Sprintf("attribute %s needs a quoted value like %s=\"…\"", name, name)
	}
	n.Attrs = append(n.Attrs, ialAttr{Name: name, Value: value})
	return ""
}

// word reads a run of name characters; ids may also contain ':' and '.'.
func (p *ialScanner) word(id bool) []byte {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if !isNameChar(c) && !(id && (c == ':' || c == '.')) {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

// quoted reads a "…" or '…' value; a backslash escapes the quote.
func (p *ialScanner) quoted() ([]byte, bool) {
	if p.pos >= len(p.src) || (p.src[p.pos] != '"' && p.src[p.pos] != '\'') {
		return nil, false
	}
	q := p.src[p.pos]
	var out []byte
	for p.pos++; p.pos < len(p.src); p.pos++ {
		c := p.src[p.pos]
		switch {
		case c == '\\' && p.pos+1 < len(p.src) && p.src[p.pos+1] == q:
			p.pos++
			out = append(out, q)
		case c == q:
			p.pos++
			return out, true
		default:
			out = append(out, c)
		}
	}
	return nil, false
}

// addIALAttr adds an id (replacing) or a class (appending) to n.
func addIALAttr(n *ialNode, id bool, v []byte) {
	name := []byte("class")
	if id {
		name = attrID
	}
	for i := range n.Attrs {
		if !id && bytes.Equal(n.Attrs[i].Name, name) {
			n.Attrs[i].Value = append(append(n.Attrs[i].Value, ' '), v...)
			return
		}
	}
	n.Attrs = append(n.Attrs, ialAttr{Name: name, Value: append([]byte(nil), v...)})
}

// isNameStart reports whether c may start an attribute or reference name.
func isNameStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// isNameChar reports whether c may continue a name.
func isNameChar(c byte) bool {
	return isNameStart(c) || ('0' <= c && c <= '9') || c == '-'
}
