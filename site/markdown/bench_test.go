package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// benchDoc generates a privacy-policy-like document of about size bytes:
// sections of legal prose with the occasional list, table, Liquid variable,
// link to another content file and footnote.
func benchDoc(size int) []byte {
	var b strings.Builder
	b.WriteString("# Privacy Policy\n\n* TOC\n{:toc}\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "## %d. How we use your data\n\n", i)
		for p := 0; p < 3; p++ {
			b.WriteString("We process personal data only where a lawful basis applies, such as the performance " +
				"of a contract, compliance with a legal obligation, or our *legitimate interests*, which we " +
				"balance carefully against your rights and freedoms. Retention periods depend on the purpose " +
				"of processing and on statutory requirements, after which data is deleted or anonymised.\n\n")
		}
		fmt.Fprintf(&b, "Contact {{ site.params.company }} at [our privacy team](mailto:{{site.email}}) or read "+
			"the [terms](terms.md#section-%d).[^n%d]\n\n", i, i)
		if i%2 == 0 {
			b.WriteString("### Categories\n\n- identification data such as `name` and email address\n" +
				"- usage data, including logs and device information\n- payment data\n{: .compact}\n\n")
		} else {
			b.WriteString("| Purpose | Basis | Retention |\n|---|---|---|\n| Billing | Contract | 10 years |\n" +
				"| Analytics | Consent | 13 months |\n\n")
		}
		fmt.Fprintf(&b, "[^n%d]: See https://example.com/law/%d for the statute.\n\n", i, i)
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

// BenchmarkRenderVsGoldmark interleaves Render and a bare GFM Convert of the
// same document and reports Render's time as a multiple of Convert's
// ("x-goldmark"), which stays meaningful on a busy machine.
func BenchmarkRenderVsGoldmark(b *testing.B) {
	src := benchDoc(30 << 10)
	r := New(benchOptions())
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	var ours, base time.Duration
	for b.Loop() {
		t0 := time.Now()
		_ = r.Render(src)
		t1 := time.Now()
		var out bytes.Buffer
		_ = md.Convert(src, &out)
		base += time.Since(t1)
		ours += t1.Sub(t0)
	}
	b.ReportMetric(float64(ours)/float64(base), "x-goldmark")
}
