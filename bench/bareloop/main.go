// Command bareloop is the benchmark baseline: it parses each policy's
// front matter, renders it with goldmark (GFM) and writes one file per
// policy, one after another, and nothing else. bench/build.sh times it
// beside `clause build` on the same corpus.
//
//	go run ./bench/bareloop -source /tmp/corpus -out /tmp/bare-out
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	src := flag.String("source", "", "the corpus folder (holding content/)")
	out := flag.String("out", "", "the output folder")
	dirs := flag.Bool("dirs", false, "write <policy>/index.html, one folder per policy as a site has, instead of flat files")
	flag.Parse()
	if *src == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "bareloop: -source and -out are required")
		os.Exit(2)
	}
	if err := run(*src, *out, *dirs); err != nil {
		fmt.Fprintln(os.Stderr, "bareloop:", err)
		os.Exit(1)
	}
}

func run(src, out string, dirs bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	content := filepath.Join(src, "content")
	return filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var fm map[string]any
		body, err := frontmatter.Parse(bytes.NewReader(data), &fm)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := md.Convert(body, &buf); err != nil {
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
		return os.WriteFile(name, buf.Bytes(), 0o644)
	})
}
