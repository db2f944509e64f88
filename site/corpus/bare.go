package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// BareLoop is the benchmark baseline: the least work any generator must do
// for a corpus. It parses each document's front matter, renders it with
// goldmark (GFM) and writes one file per document, one after another.
// With dirs it writes <document>/index.html, one folder per page as a
// site has; otherwise flat files in out.
func BareLoop(src, out string, dirs bool) error {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	content := filepath.Join(src, "content")
	return filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		html, err := renderBare(md, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(content, p)
		name := filepath.Join(out, strings.ReplaceAll(rel, string(filepath.Separator), "_")+".html")
		if dirs {
			name = filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
		}
		return os.WriteFile(name, html, 0o644)
	})
}

// renderBare reads one document, drops its front matter and renders it.
func renderBare(md goldmark.Markdown, p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	block, perr := frontmatter.Split(data)
	if perr != nil {
		perr.Path = p
		return nil, perr
	}
	if _, problems := frontmatter.Decode(block); len(problems) > 0 {
		problems[0].Path = p
		return nil, problems[0]
	}
	var buf bytes.Buffer
	err = md.Convert(block.Body, &buf)
	return buf.Bytes(), err
}
