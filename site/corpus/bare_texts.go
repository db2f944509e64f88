package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// bareTexts renders the document p and writes, in its folder below out,
// what a privacy center publishes for every policy besides its page: the
// page (index.html), the Markdown it was made from (index.md), its plain
// text (index.txt, from a walk of goldmark's tree) and an embeddable copy
// of the page (embed/index.html). It is the floor once those verifiable
// texts count as work every such site does; it still writes no layout,
// table of contents, records or site-wide files.
func bareTexts(md goldmark.Markdown, content, out, p string) error {
	body, err := readBareBody(p)
	if err != nil {
		return err
	}
	doc := md.Parser().Parse(text.NewReader(body))
	var page bytes.Buffer
	if err := md.Renderer().Render(&page, body, doc); err != nil {
		return err
	}
	rel, _ := filepath.Rel(content, p)
	dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(filepath.Join(dir, "embed"), 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"index.html": page.Bytes(), "index.md": body,
		"index.txt": plainText(doc, body), filepath.Join("embed", "index.html"): page.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// plainText returns the text of doc's leaves, a line break after every
// block.
func plainText(doc ast.Node, source []byte) []byte {
	var b bytes.Buffer
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case entering && n.Kind() == ast.KindText:
			b.Write(n.(*ast.Text).Segment.Value(source))
		case !entering && n.Type() == ast.TypeBlock:
			b.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}
