package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// liquidHint is the hint of every unsupported Liquid construct.
const liquidHint = "clause does not run Liquid; replace it with Markdown, or use {{ site.KEY }} / {{ page.KEY }}"

// varHint is the hint of an unknown variable.
const varHint = "check the spelling; site.* comes from the site configuration and page.* from the page's front matter"

// kindLiquid is the NodeKind of liquidNode.
var kindLiquid = ast.NewNodeKind("ClauseLiquid")

// liquidNode is a resolved {{ site.KEY }} or {{ page.KEY }} in text. Tags that
// could not be resolved are liquidNodes with an empty Value: the problem
// is an Error and the Liquid syntax is never printed.
type liquidNode struct {
	ast.BaseInline
	Tag   []byte // the source text, "{{ site.KEY }}"
	Value string // the variable's value, HTML-escaped when rendered
}

// Kind implements ast.Node.
func (n *liquidNode) Kind() ast.NodeKind { return kindLiquid }

// Dump implements ast.Node.
func (n *liquidNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tag": string(n.Tag), "Value": n.Value}, nil)
}

// liquidParser is the parser.InlineParser for "{{ … }}" and "{% … %}".
// Code spans and code blocks never reach it, so Liquid there stays literal.
type liquidParser struct {
	opts *Options
}

// Trigger implements parser.InlineParser.
func (p *liquidParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.
func (p *liquidParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || (line[1] != '{' && line[1] != '%') {
		return nil
	}
	st := getState(pc)
	n := liquidTagLen(line)
	if n < 0 {
		tag := bytes.TrimRight(line, "\r\n")
		if st != nil {
			st.addError(seg.Start, fmt.Sprintf("unterminated Liquid tag %s", clip(tag)), liquidHint)
		}
		block.Advance(len(tag))
		return &liquidNode{Tag: tag}
	}
	tag := line[:n]
	block.Advance(n)
	opts := p.opts
	if st != nil {
		opts = st.opts // the page's own Var, when rendered with RenderPage
	}
	value, msg, hint := resolveLiquid(tag, opts)
	if msg != "" && st != nil {
		st.addError(seg.Start, msg, hint)
	}
	return &liquidNode{Tag: tag, Value: value}
}

// liquidTagLen returns the length of the "{{…}}" or "{%…%}" tag at the
// start of line, or -1 when it is not closed on this line.
func liquidTagLen(line []byte) int {
	closer := []byte("}}")
	if line[1] == '%' {
		closer = []byte("%}")
	}
	i := bytes.Index(line[2:], closer)
	if i < 0 {
		return -1
	}
	return i + 4
}

// resolveLiquid resolves one whole tag. It returns the value, or a
// problem message and hint.
func resolveLiquid(tag []byte, opts *Options) (value, msg, hint string) {
	scope, key, ok := "", "", false
	if tag[1] == '{' {
		scope, key, ok = splitVariable(bytes.TrimSpace(tag[2 : len(tag)-2]))
	}
	if !ok {
		return "", fmt.Sprintf("unsupported Liquid tag %s", clip(tag)), liquidHint
	}
	if opts.Var != nil {
		if v, found := opts.Var(scope, key); found {
			return v, "", ""
		}
	}
	return "", fmt.Sprintf("unknown variable %s.%s", scope, key), varHint
}

// splitVariable splits "site.KEY" or "page.KEY" (KEY dotted, made of
// letters, digits, '_' and '-') into scope and key.
func splitVariable(expr []byte) (scope, key string, ok bool) {
	dot := bytes.IndexByte(expr, '.')
	if dot < 0 {
		return "", "", false
	}
	scope, rest := string(expr[:dot]), expr[dot+1:]
	if scope != "site" && scope != "page" || len(rest) == 0 {
		return "", "", false
	}
	for i, c := range rest {
		dotOK := c == '.' && i > 0 && i < len(rest)-1 && rest[i-1] != '.'
		if !isNameChar(c) && !dotOK {
			return "", "", false
		}
	}
	return scope, string(rest), true
}

// clip shortens long tags for messages.
func clip(b []byte) string {
	const max = 80
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// renderLiquid writes a variable's value, HTML-escaped.
func renderLiquid(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeEscaped(w, node.(*liquidNode).Value)
	}
	return ast.WalkSkipChildren, nil
}
