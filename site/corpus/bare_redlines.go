package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/clause-dev/clause/site/redline"
)

// bareRedlines is the bare loop with the comparisons a site of versioned
// policies shows (BareOptions.Redlines): for each policy folder it renders
// every version (versions/*.md, oldest first, then index.md), writes it,
// and writes the redline of each version against the one before it and
// of each archived version against the current one, computed with
// clause's redline package over goldmark's top-level blocks. It is the
// floor for everything clause does beyond rendering and comparing: the
// theme's templates, navigation, history pages and feeds.
func bareRedlines(src, out string, workers int) error {
	content := filepath.Join(src, "content")
	folders, err := filepath.Glob(filepath.Join(content, "*", "index.md"))
	if err != nil {
		return err
	}
	next := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
			var first error
			for p := range next {
				if first == nil {
					first = barePolicy(md, out, filepath.Dir(p))
				}
			}
			errs <- first
		}()
	}
	for _, p := range folders {
		next <- p
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// barePolicy renders and compares the versions of one policy folder.
func barePolicy(md goldmark.Markdown, out, folder string) error {
	files, err := filepath.Glob(filepath.Join(folder, "versions", "*.md"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	files = append(files, filepath.Join(folder, "index.md"))
	name := filepath.Base(folder)
	versions := make([][]redline.Block, len(files))
	for i, f := range files {
		html, blocks, err := bareBlocks(md, f)
		if err != nil {
			return err
		}
		versions[i] = blocks
		if err := os.WriteFile(filepath.Join(out, name+"_"+strings.TrimSuffix(filepath.Base(f), ".md")+".html"), html, 0o644); err != nil {
			return err
		}
	}
	d := redline.NewDiffer()
	current := versions[len(versions)-1]
	for i := 1; i < len(versions); i++ {
		if err := os.WriteFile(filepath.Join(out, name+"_changes_"+strconv.Itoa(i)+".html"), []byte(d.Diff(versions[i-1], versions[i]).HTML), 0o644); err != nil {
			return err
		}
	}
	for i := 0; i < len(versions)-2; i++ { // the version before the current one is compared by its changes page
		if err := os.WriteFile(filepath.Join(out, name+"_compare_"+strconv.Itoa(i)+".html"), []byte(d.Diff(versions[i], current).HTML), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// bareBlocks renders one document and returns its HTML and its top-level
// blocks, each heading starting a section.
func bareBlocks(md goldmark.Markdown, p string) ([]byte, []redline.Block, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, nil, err
	}
	fm, err := bareBody(p, data)
	if err != nil {
		return nil, nil, err
	}
	doc := md.Parser().Parse(text.NewReader(fm))
	var all bytes.Buffer
	var blocks []redline.Block
	section := ""
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var buf bytes.Buffer
		if err := md.Renderer().Render(&buf, fm, n); err != nil {
			return nil, nil, err
		}
		b := redline.Block{Kind: blockKind(n), HTML: buf.String(), WellFormed: true}
		if h, ok := n.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			idText, _ := id.([]byte)
			section, b.Level, b.ID = string(idText), h.Level, string(idText)
			b.Text = string(h.Lines().Value(fm))
		}
		b.Section = section
		blocks = append(blocks, b)
		all.Write(buf.Bytes())
	}
	return all.Bytes(), blocks, nil
}

// blockKind names a top-level node's kind as redline.Block does.
func blockKind(n ast.Node) string {
	switch n.(type) {
	case *ast.Heading:
		return "heading"
	case *ast.Paragraph:
		return "paragraph"
	case *ast.List:
		return "list"
	case *extast.Table:
		return "table"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "code"
	case *ast.Blockquote:
		return "blockquote"
	case *ast.ThematicBreak:
		return "hr"
	case *ast.HTMLBlock:
		return "html"
	}
	return "other"
}
