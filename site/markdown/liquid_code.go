package markdown

import (
	"bytes"
	"sort"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// span is a half-open range of source offsets.
type span struct{ start, end int }

// codeParser parses a body as written, before Liquid is substituted, only
// to find where its code is. It has the block structure of the real
// parser (tables, footnotes, definition lists) and, of the inline syntax,
// only what decides where a code span is: code spans themselves, and
// autolinks and raw HTML, whose backticks open none.
var codeParser = sync.OnceValue(func() parser.Parser {
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewRawHTMLParser(), 400),
		),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	md := goldmark.New(goldmark.WithParser(p),
		goldmark.WithExtensions(extension.Table, extension.Footnote, extension.DefinitionList))
	return md.Parser()
})

// codeSpans returns the parts of src that are code, in order: the lines
// of fenced and indented code blocks (and a fence's info string) and the
// contents of code spans. Liquid there is left as written, as Markdown
// code is meant to show text exactly.
func codeSpans(src []byte) []span {
	if !mayHaveCode(src) {
		return nil
	}
	root := codeParser().Parse(text.NewReader(src))
	var out []span
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			if n.Info != nil {
				out = append(out, span{n.Info.Segment.Start, n.Info.Segment.Stop})
			}
			out = appendCodeLines(out, n.Lines())
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			out = appendCodeLines(out, n.Lines())
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			if s, ok := childrenSpan(n); ok {
				out = append(out, s)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// appendCodeLines appends the source span of each line of a code block.
func appendCodeLines(out []span, lines *text.Segments) []span {
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		out = append(out, span{s.Start, s.Stop})
	}
	return out
}

// childrenSpan returns the source span from the first to the last text
// segment of a code span's children.
func childrenSpan(n ast.Node) (span, bool) {
	first, ok1 := n.FirstChild().(*ast.Text)
	last, ok2 := n.LastChild().(*ast.Text)
	if !ok1 || !ok2 {
		return span{}, false
	}
	return span{first.Segment.Start, last.Segment.Stop}, true
}

// mayHaveCode is the cheap pre-check of codeSpans: code needs a backtick,
// a "~~~" fence or a line indented by a tab or four spaces.
func mayHaveCode(src []byte) bool {
	return bytes.IndexByte(src, '`') >= 0 || bytes.Contains(src, []byte("~~~")) ||
		bytes.HasPrefix(src, []byte("    ")) || bytes.HasPrefix(src, []byte("\t")) ||
		bytes.Contains(src, []byte("\n    ")) || bytes.Contains(src, []byte("\n\t"))
}
