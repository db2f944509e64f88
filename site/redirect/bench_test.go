package redirect

import (
	"fmt"
	"testing"
)

// benchSet returns 2,000 redirects onto 500 pages: folder-style sources,
// extensionless and .html spellings, and a chain every tenth source.
func benchSet() ([]Redirect, func(string) bool) {
	site := make(map[string]string, 500)
	for i := 0; i < 500; i++ {
		site[fmt.Sprintf("/policies/p%d/", i)] = "content/p.md"
	}
	rs := make([]Redirect, 0, 2000)
	for i := 0; i < 2000; i++ {
		to := fmt.Sprintf("/policies/p%d/", i%500)
		if i%10 == 9 {
			to = benchSource(i - 1)
		}
		rs = append(rs, Redirect{From: benchSource(i), To: to, File: "clause.yaml", Line: i + 1, Origin: Config})
	}
	return rs, existsIn(site)
}

// benchSource returns the i-th benchmark source, cycling through spellings.
func benchSource(i int) string {
	switch i % 3 {
	case 1:
		return fmt.Sprintf("/old/%d", i)
	case 2:
		return fmt.Sprintf("/old/%d.html", i)
	}
	return fmt.Sprintf("/old/%d/", i)
}

func BenchmarkResolveAndFiles(b *testing.B) {
	rs, exists := benchSet()
	opts := Options{BasePath: "/policies", BaseURL: "https://example.github.io/policies/", Formats: allFormats}
	b.ReportAllocs()
	for b.Loop() {
		out, errs := resolveExists(rs, exists)
		if HasErrors(errs) || len(out) != 2000 {
			b.Fatalf("resolved %d, problems %v", len(out), errs[:min(3, len(errs))])
		}
		if _, errs := Files(out, opts); HasErrors(errs) {
			b.Fatal(errs[0])
		}
	}
}
