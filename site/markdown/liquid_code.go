package markdown

import (
	"sort"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// span is a half-open range of source offsets.
type span struct{ start, end int }

// codeParser parses a body as written, before Liquid is substituted, only
// to find where its code is. It has the block structure of the real
// parser (GFM, footnotes, definition lists) without clause's extensions.
var codeParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList)).Parser()
})

// codeSpans returns the parts of src that are code, in order: the lines
// of fenced and indented code blocks (and a fence's info string) and the
// contents of code spans. Liquid there is left as written, as Markdown
// code is meant to show text exactly.
func codeSpans(src []byte) []span {
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
