package markdown

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

func TestCmpSpeed(t *testing.T) {
	if os.Getenv("CMP") == "" {
		t.Skip()
	}
	src := benchDoc(30 << 10)
	r := New(benchOptions())
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	mdf := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList), goldmark.WithRendererOptions(html.WithUnsafe()))
	var out bytes.Buffer
	best := [3]time.Duration{1 << 62, 1 << 62, 1 << 62}
	for round := 0; round < 40; round++ {
		for k := 0; k < 3; k++ {
			st := time.Now()
			for i := 0; i < 20; i++ {
				switch k {
				case 0:
					r.Render(src)
				case 1:
					out.Reset()
					md.Convert(src, &out)
				case 2:
					out.Reset()
					mdf.Convert(src, &out)
				}
			}
			if d := time.Since(st) / 20; d < best[k] {
				best[k] = d
			}
		}
	}
	t.Logf("render %v  gfm %v  gfm+fn+dl %v  ratio %.2f / %.2f", best[0], best[1], best[2], float64(best[0])/float64(best[1]), float64(best[0])/float64(best[2]))
}
