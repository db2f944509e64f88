package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// benchSizes are the corpus sizes every build benchmark runs at.
var benchSizes = []int{100, 1000}

// corpusDir writes a corpus of n policies once per benchmark.
func corpusDir(b *testing.B, o corpus.Options) string {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Write(dir, o); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild is a full `clause build` of the generated corpus. Compare
// it with BenchmarkBareLoop at the same N: the target is at most 1.2×.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			src := corpusDir(b, corpus.Options{Policies: n})
			dest := filepath.Join(b.TempDir(), "public")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Build(Options{Source: src, Destination: dest, Theme: clause.Theme}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBareLoop is the baseline: parse front matter, render with
// goldmark (GFM) and write one file per policy, nothing else.
func BenchmarkBareLoop(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			src := corpusDir(b, corpus.Options{Policies: n})
			out := b.TempDir()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := bareLoop(src, out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// bareLoop is the least work any generator must do for the corpus.
func bareLoop(src, out string) error {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return filepath.WalkDir(filepath.Join(src, "content"), func(p string, d fs.DirEntry, err error) error {
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
		name := strings.ReplaceAll(strings.TrimPrefix(p, src), string(filepath.Separator), "_") + ".html"
		return os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644)
	})
}
