package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindAnchor is the NodeKind of Anchor.
var KindAnchor = ast.NewNodeKind("ClauseAnchor")

// Anchor is the visible "link to this section" link appended inside a
// heading, after its text.
type Anchor struct {
	ast.BaseInline
	ID    string // the heading id
	Label string // the heading's plain text, for the aria-label
}

// Kind implements ast.Node.
func (n *Anchor) Kind() ast.NodeKind { return KindAnchor }

// Dump implements ast.Node.
func (n *Anchor) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Label": n.Label}, nil)
}

// addAnchors appends an Anchor to every heading whose level is within
// AnchorMin..AnchorMax.
func addAnchors(heads []*ast.Heading, out []Heading, opts *Options) {
	for i, h := range heads {
		if h.Level < opts.AnchorMin || h.Level > opts.AnchorMax {
			continue
		}
		h.AppendChild(h, &Anchor{ID: out[i].ID, Label: out[i].Text})
	}
}

// renderAnchor writes <a class="anchor" href="#ID" aria-label="Link to this section: TEXT">#</a>.
func renderAnchor(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Anchor)
	_, _ = w.WriteString(`<a class="anchor" href="#`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.ID)))
	_, _ = w.WriteString(`" aria-label="Link to this section: `)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Label)))
	_, _ = w.WriteString(`">#</a>`)
	return ast.WalkSkipChildren, nil
}
