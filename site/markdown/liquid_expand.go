package markdown

import (
	"bytes"
	"net/url"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindLiquidHTML is the NodeKind of liquidHTML.
var kindLiquidHTML = ast.NewNodeKind("ClauseLiquidHTML")

// kindLiquidHTMLBlock is the NodeKind of liquidHTMLBlock.
var kindLiquidHTMLBlock = ast.NewNodeKind("ClauseLiquidHTMLBlock")

// liquidHTML replaces inline raw HTML that contained Liquid variables; Value
// is the HTML with the (escaped) values substituted.
type liquidHTML struct {
	ast.BaseInline
	Value []byte
}

// Kind implements ast.Node.
func (n *liquidHTML) Kind() ast.NodeKind { return kindLiquidHTML }

// Dump implements ast.Node.
func (n *liquidHTML) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Value": string(n.Value)}, nil)
}

// liquidHTMLBlock replaces an HTML block that contained Liquid variables.
type liquidHTMLBlock struct {
	ast.BaseBlock
	Value []byte
}

// Kind implements ast.Node.
func (n *liquidHTMLBlock) Kind() ast.NodeKind { return kindLiquidHTMLBlock }

// Dump implements ast.Node.
func (n *liquidHTMLBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Value": string(n.Value)}, nil)
}

// liquidDelim is one spelling of Liquid delimiters; the percent-encoded
// ones appear in destinations that were URL-encoded by an editor.
type liquidDelim struct {
	open, close string
	tag         string // "{{" or "{%": the decoded opener
	encoded     bool
}

var liquidDelims = []liquidDelim{
	{"{{", "}}", "{{", false},
	{"{%", "%}", "{%", false},
	{"%7B%7B", "%7D%7D", "{{", true},
	{"%7B%25", "%25%7D", "{%", true},
}

// expandLiquid replaces Liquid tags in b and returns the result (b itself
// when there are none). In a URL (inURL) values are inserted raw, encoded
// delimiters are recognised and problems are reported at off; in HTML values
// are HTML-escaped and b is the source slice starting at off.
func (w *walker) expandLiquid(b []byte, off int, inURL bool) []byte {
	if !mayHaveLiquid(b, inURL) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		d, end := matchLiquid(b[i:], inURL)
		if end < 0 {
			out = append(out, b[i])
			i++
			continue
		}
		errOff := off
		if !inURL {
			errOff += i
		}
		out = append(out, w.liquidValue(b[i:i+end], d, errOff, !inURL)...)
		i += end
	}
	return out
}

// liquidValue resolves one tag found by matchLiquid, recording problems.
func (w *walker) liquidValue(raw []byte, d liquidDelim, off int, escape bool) []byte {
	inner := raw[len(d.open) : len(raw)-len(d.close)]
	if d.encoded {
		if s, err := url.PathUnescape(string(inner)); err == nil {
			inner = []byte(s)
		}
	}
	closer := "}}"
	if d.tag == "{%" {
		closer = "%}"
	}
	tag := append(append([]byte(d.tag), inner...), closer...)
	value, msg, hint := resolveLiquid(tag, w.st.opts)
	if msg != "" {
		w.st.addError(off, msg, hint)
		return nil
	}
	if escape {
		return util.EscapeHTML([]byte(value))
	}
	return []byte(value)
}

// matchLiquid reports the delimiter of a complete tag at the start of b
// and the tag's length, or -1 when no tag starts there.
func matchLiquid(b []byte, inURL bool) (liquidDelim, int) {
	for _, d := range liquidDelims {
		if d.encoded && !inURL || !hasPrefixFold(b, d.open) {
			continue
		}
		if j := indexFold(b[len(d.open):], d.close); j >= 0 {
			return d, len(d.open) + j + len(d.close)
		}
	}
	return liquidDelim{}, -1
}

// mayHaveLiquid is the cheap pre-check of expandLiquid.
func mayHaveLiquid(b []byte, inURL bool) bool {
	if bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("{%")) {
		return true
	}
	return inURL && (bytes.Contains(b, []byte("%7B")) || bytes.Contains(b, []byte("%7b")))
}

// hasPrefixFold is bytes.HasPrefix ignoring ASCII case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// indexFold is bytes.Index ignoring ASCII case, for short needles.
func indexFold(b []byte, needle string) int {
	for i := 0; i+len(needle) <= len(b); i++ {
		if hasPrefixFold(b[i:], needle) {
			return i
		}
	}
	return -1
}

// rawHTML replaces inline raw HTML containing Liquid with a liquidHTML.
func (w *walker) rawHTML(n *ast.RawHTML) {
	out, ok := w.expandSegments(n.Segments.Sliced(0, n.Segments.Len()))
	if ok {
		r := &liquidHTML{Value: out}
		r.SetPos(n.Pos())
		n.Parent().ReplaceChild(n.Parent(), n, r)
	}
}

// htmlBlock replaces an HTML block containing Liquid with a liquidHTMLBlock.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	segs := n.Lines().Sliced(0, n.Lines().Len())
	if n.HasClosure() {
		segs = append(segs[:len(segs):len(segs)], n.ClosureLine)
	}
	out, ok := w.expandSegments(segs)
	if ok {
		r := &liquidHTMLBlock{Value: out}
		r.SetPos(n.Pos())
		r.SetBlankPreviousLines(n.HasBlankPreviousLines())
		n.Parent().ReplaceChild(n.Parent(), n, r)
	}
}

// expandSegments expands Liquid in the concatenated source segments; ok is
// false (and nothing is allocated) when none of them contains Liquid.
func (w *walker) expandSegments(segs []text.Segment) (out []byte, ok bool) {
	for _, s := range segs {
		ok = ok || mayHaveLiquid(s.Value(w.src), false)
	}
	if !ok {
		return nil, false
	}
	for _, s := range segs {
		out = append(out, w.expandLiquid(s.Value(w.src), s.Start, false)...)
	}
	return out, true
}

// checkLiquidInDestination reports a Liquid tag that broke a link because
// it sits in the destination with spaces inside the braces.
func (w *walker) checkLiquidInDestination(n *liquidNode) {
	prev, ok := n.PreviousSibling().(*ast.Text)
	if !ok {
		return
	}
	v := prev.Value(w.src)
	i := bytes.LastIndex(v, []byte("]("))
	if i < 0 || bytes.ContainsAny(v[i+2:], " \t") {
		return
	}
	w.st.addError(nodeOffset(n), "Liquid tag with spaces breaks the link destination",
		"write [text](mailto:{{site.email}}) without spaces inside the braces, or wrap the destination in <…>")
}

// autoLink replaces an autolink containing Liquid with an equivalent link
// whose destination and text have the variables expanded.
func (w *walker) autoLink(n *ast.AutoLink) {
	u, label := n.URL(w.src), n.Label(w.src)
	if !mayHaveLiquid(u, false) {
		return
	}
	off := nodeOffset(n)
	text := w.expandLiquid(label, off, true)
	link := ast.NewLink()
	link.Destination = append(append([]byte(nil), u[:len(u)-len(label)]...), text...)
	if !bytes.HasSuffix(u, label) {
		link.Destination = w.expandLiquid(u, off, true)
	}
	link.AppendChild(link, ast.NewString(text))
	link.SetPos(n.Pos())
	n.Parent().ReplaceChild(n.Parent(), n, link)
	if mayHaveLiquid(text, false) {
		w.st.addError(off, "Liquid tag with spaces breaks the autolink",
			"write {{site.KEY}} without spaces, or use a link like [text](https://{{site.domain}}/)")
	}
}

// renderLiquidHTML writes the substituted HTML of a liquidHTML or
// liquidHTMLBlock node.
func renderLiquidHTML(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	switch n := node.(type) {
	case *liquidHTML:
		_, _ = w.Write(n.Value)
	case *liquidHTMLBlock:
		_, _ = w.Write(n.Value)
	}
	return ast.WalkSkipChildren, nil
}
