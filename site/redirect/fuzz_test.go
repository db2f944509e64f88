package redirect

import (
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
	"github.com/clause-dev/clause/site/internal/urlpath"
)

func FuzzValidateSource(f *testing.F) {
	for _, s := range []string{"/docs/privacy-policy", "/a/", "/old.html", "/caf%C3%A9/", "/a/../b", "//x", "/a%2e%2e/", "/", "/index.html", "/a%00", "/a#b", "/a#../../x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzbudget.Check(t)()
		if validateSource(s, false) != nil {
			return
		}
		page, _, _ := strings.Cut(s, "#") // a moved section's stub is at its path
		k := sourceKey(page)
		p := stubPath(k)
		if !filepath.IsLocal(p) || path.Clean(p) != p {
			t.Fatalf("valid source %q writes its stub to %q", s, p)
		}
		if validateTarget(s) != nil {
			t.Fatalf("valid source %q is not a valid target: %v", s, validateTarget(s))
		}
	})
}

func FuzzValidateTarget(f *testing.F) {
	for _, s := range []string{"/privacy/", "https://x.example/", "javascript:alert(1)", "//x", "/a?b#c", "HTTPS://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzbudget.Check(t)()
		if validateTarget(s) != nil {
			return
		}
		if sc := urlpath.Scheme(s); sc != "" && sc != "http" && sc != "https" {
			t.Fatalf("accepted %q with scheme %q", s, sc)
		}
		if u := targetURL(s, "/base"); strings.ContainsAny(u, "\"'<> \n") {
			t.Fatalf("target %q renders as unsafe %q", s, u)
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("/a", "/b/", "/b", "/privacy/", uint8(0))
	f.Add("/a/", "/a", "/a/index.html", "https://x.example/", uint8(5))
	f.Add("/x.html", "/x.html/", "/y", "/terms/?q#f", uint8(3))
	f.Add("/a#s", "/terms/#t", "/terms#t", "/a/#s", uint8(0))
	f.Fuzz(func(t *testing.T, from1, to1, from2, to2 string, bits uint8) {
		defer fuzzbudget.Check(t)()
		rs := []Redirect{
			{From: from1, To: to1, File: "a.md", Line: 1, Origin: Origin(bits % 4)},
			{From: from2, To: to2, File: "b.md", Line: 2, Origin: Origin(bits / 4 % 4)},
			{From: to1, To: from2, File: "a.md", Line: 3, Origin: Config},
		}
		exists := func(p string) bool { return len(p)%2 == int(bits>>4)%2 }
		out, _ := resolveExists(rs, exists)
		for _, r := range out {
			if checkPair(r) != nil {
				t.Fatalf("Resolve returned invalid %+v", r)
			}
		}
		files, _ := Files(out, Options{BasePath: "/p", BaseURL: "https://x.example/p/", Formats: allFormats})
		for name := range files {
			if !filepath.IsLocal(name) {
				t.Fatalf("Files wrote %q", name)
			}
		}
		Files(rs, Options{Formats: allFormats})
	})
}
