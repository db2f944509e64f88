package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// benchDoc generates a privacy-policy-like document of about size bytes.
func benchDoc(size int) []byte {
	var b strings.Builder
	b.WriteString("# Privacy Policy\n\n* TOC\n{:toc}\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## Section %d: How we use *your* data\n\n", i)
		fmt.Fprintf(&b, "We (\"**%s**\") process personal data as described in [the terms](terms.md#s%d) "+
			"and at <https://example.com/p/%d>. Contact us at [mail](mailto:{{site.email}}).\n"+
			"This paragraph continues with ordinary legal prose about retention periods, lawful bases, "+
			"processors and sub-processors, and the rights of data subjects under the GDPR.[^n%d]\n\n",
			"Company", i, i, i)
		fmt.Fprintf(&b, "### Details %d\n\n- item one with `code`\n- item two with _emphasis_\n- item three\n{: .compact}\n\n", i)
		fmt.Fprintf(&b, "| Purpose | Basis | Retention |\n|---|---|---|\n| Billing %d | Contract | 10 years |\n| Analytics | Consent | 13 months |\n\n", i)
		fmt.Fprintf(&b, "[^n%d]: Footnote %d text.\n\n", i, i)
	}
	return []byte(b.String())
}

// benchOptions returns Options with cheap Link and Var callbacks.
func benchOptions() Options {
	return Options{
		Link: func(p string) (string, bool) { return "/" + strings.TrimSuffix(p, ".md") + "/", true },
		Var:  func(scope, key string) (string, bool) { return "privacy@example.com", true },
	}
}

// BenchmarkRender measures Renderer.Render on a ~30 KB document.
func BenchmarkRender(b *testing.B) {
	src := benchDoc(30 << 10)
	r := New(benchOptions())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Render(src)
	}
}

// BenchmarkGoldmarkGFM is the baseline: a bare goldmark GFM Convert of the
// same document.
func BenchmarkGoldmarkGFM(b *testing.B) {
	src := benchDoc(30 << 10)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	var out bytes.Buffer
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		_ = md.Convert(src, &out)
	}
}
