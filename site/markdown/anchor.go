package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// kindAnchor is the NodeKind of anchorNode.
var kindAnchor = ast.NewNodeKind("ClauseAnchor")

// anchorNode is the visible "link to this section" link appended inside a
// heading, after its text.
type anchorNode struct {
	ast.BaseInline
	ID    string // the heading id
	Label string // the heading's plain text, for the aria-label
}

// Kind implements ast.Node.
func (n *anchorNode) Kind() ast.NodeKind { return kindAnchor }

// Dump implements ast.Node.
func (n *anchorNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Label": n.Label}, nil)
}

// addAnchors appends an anchorNode to every heading whose level is within
// AnchorMin..AnchorMax.
func addAnchors(heads []*ast.Heading, out []Heading, opts *Options) {
	for i, h := range heads {
		if h.Level < opts.AnchorMin || h.Level > opts.AnchorMax {
			continue
		}
		h.AppendChild(h, &anchorNode{ID: out[i].ID, Label: out[i].Text})
	}
}

// renderAnchor writes <a class="anchor" href="#ID" aria-label="Link to this section: TEXT">#</a>,
// with the label of Options.AnchorLabel.
func (r nodeRenderer) renderAnchor(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*anchorNode)
	_, _ = w.WriteString(`<a class="anchor" href="#`)
	writeEscaped(w, n.ID)
	_, _ = w.WriteString(`" aria-label="`)
	before, after, _ := strings.Cut(r.anchorLabel, "%s")
	writeEscaped(w, before)
	writeEscaped(w, n.Label)
	writeEscaped(w, after)
	_, _ = w.WriteString(`">#</a>`)
	return ast.WalkSkipChildren, nil
}

// writeEscaped writes s with &, <, > and " escaped, without allocating.
func writeEscaped(w interface{ WriteString(string) (int, error) }, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		_, _ = w.WriteString(s[start:i])
		_, _ = w.WriteString(esc)
		start = i + 1
	}
	_, _ = w.WriteString(s[start:])
}
