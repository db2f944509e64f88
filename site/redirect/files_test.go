package redirect

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

// keys returns the sorted names of files.
func keys(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// policiesOptions publishes the fixture under a GitHub Pages project path.
var policiesOptions = Options{
	BasePath: "/policies",
	BaseURL:  "https://example.github.io/policies/",
	Formats:  allFormats,
}

func TestFilesGoldenSubPath(t *testing.T) {
	files, errs := Files(resolvedFixture(t), policiesOptions)
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	golden(t, "policies/_redirects.golden", files[netlifyFile])
	golden(t, "policies/redirects.json.golden", files[jsonFile])
	golden(t, "policies/redirects.nginx.conf.golden", files[nginxFile])
	golden(t, "policies/vercel.json.golden", files[vercelFile])
	golden(t, "policies/stub.html.golden", files["docs/privacy-policy/index.html"])
	stubs := make(map[string][]byte)
	for name, b := range files {
		if strings.HasSuffix(name, ".html") {
			stubs[name] = b
		}
	}
	golden(t, "policies/stubs.golden", archive(stubs))
}

func TestFilesGoldenRoot(t *testing.T) {
	files, errs := Files(resolvedFixture(t), Options{})
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	if _, ok := files[nginxFile]; ok {
		t.Error("nginx written without being asked for")
	}
	golden(t, "root/_redirects.golden", files[netlifyFile])
	golden(t, "root/redirects.json.golden", files[jsonFile])
	golden(t, "root/stub.html.golden", files["docs/privacy-policy/index.html"])
}

func TestStubLocations(t *testing.T) {
	files, _ := Files(resolvedFixture(t), Options{Formats: []Format{FormatHTML}})
	want := []string{
		"café/index.html",
		"cookie-policy/index.html",
		"docs/privacy-policy/index.html",
		"legal/index.html",
		"old/index.html",
		"privacy/2019/index.html",
		"status/index.html",
		"tos.html",
	}
	if got := keys(files); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("stubs at %q, want %q", got, want)
	}
	for name := range files {
		if !filepath.IsLocal(name) {
			t.Errorf("stub path %q is not local", name)
		}
	}
}

func TestStubContents(t *testing.T) {
	files, _ := Files(resolvedFixture(t), policiesOptions)
	stub := string(files["café/index.html"])
	for _, want := range []string{
		"<!doctype html>",
		`<html lang="en">`,
		"<title>Redirecting to /policies/privacy/#cookies</title>",
		`<link rel="canonical" href="https://example.github.io/policies/privacy/#cookies">`,
		`<meta name="robots" content="noindex">`,
		`<meta http-equiv="refresh" content="0; url=/policies/privacy/#cookies">`,
		`var t = "/policies/privacy/#cookies";`,
		"location.replace(base + search + frag)",
		`<a href="/policies/privacy/#cookies">`,
	} {
		if !strings.Contains(stub, want) {
			t.Errorf("stub lacks %q:\n%s", want, stub)
		}
	}
	ext := string(files["status/index.html"])
	if !strings.Contains(ext, `<link rel="canonical" href="https://status.example.com/?src=policies">`) {
		t.Errorf("external stub canonical wrong:\n%s", ext)
	}
}

func TestStubEscapesHostileValues(t *testing.T) {
	rs := []Redirect{{From: "/x/", To: `https://example.com/a"b'c<d>e?q=</script><script>alert(1)//`, Origin: RedirectTo}}
	files, errs := Files(rs, Options{Formats: []Format{FormatHTML, FormatNginx, FormatNetlify}})
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	stub := string(files["x/index.html"])
	for _, bad := range []string{"<script>alert", `a"b`, "a'b", "<d>"} {
		if strings.Contains(stub, bad) {
			t.Errorf("stub contains unescaped %q:\n%s", bad, stub)
		}
	}
	if strings.Contains(string(files[nginxFile]), `a"b`) {
		t.Errorf("nginx value not quoted safely:\n%s", files[nginxFile])
	}
}

func TestCustomStub(t *testing.T) {
	var got []StubData
	opts := Options{BasePath: "/policies", BaseURL: "https://example.github.io/policies/", Formats: []Format{FormatHTML},
		Stub: func(s StubData) ([]byte, error) {
			got = append(got, s)
			if s.From == "/tos.html" {
				return nil, errors.New("boom")
			}
			return []byte("custom " + s.URL), nil
		}}
	files, errs := Files(resolvedFixture(t), opts)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "/tos.html: boom") || errs[0].Path != "content/terms.md" {
		t.Fatalf("want one stub error, got:\n%s", errorList(errs))
	}
	if string(files["legal/index.html"]) != "custom /policies/privacy/" {
		t.Errorf("custom stub not used: %q", files["legal/index.html"])
	}
	want := StubData{From: "/legal/", To: "/privacy/", URL: "/policies/privacy/", Canonical: "https://example.github.io/policies/privacy/"}
	if !containsStub(got, want) {
		t.Errorf("stub data %+v not among %+v", want, got)
	}
}

// containsStub reports whether want is in list.
func containsStub(list []StubData, want StubData) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func TestUnknownFormat(t *testing.T) {
	files, errs := Files(resolvedFixture(t), Options{Formats: []Format{"json", "htaccess", "json"}})
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, `unknown redirect output format "htaccess"`) {
		t.Fatalf("got:\n%s", errorList(errs))
	}
	if len(files) != 1 || files[jsonFile] == nil {
		t.Errorf("want only %s, got %v", jsonFile, keys(files))
	}
}

func TestFilesRechecksInput(t *testing.T) {
	rs := []Redirect{
		{From: "/../../etc/passwd", To: "/x/", File: "a.md", Line: 1},
		{From: "/a/", To: "javascript:alert(1)", File: "b.md", Line: 2},
		{From: "/c/", To: "/x/", File: "c.md", Line: 3},
		{From: "/c", To: "/y/", File: "c.md", Line: 4},
		{From: "/d.html", To: "/x/", File: "d.md", Line: 5},
		{From: "/d.html/e/", To: "/x/", File: "d.md", Line: 6},
	}
	files, errs := Files(rs, Options{})
	if len(errs) != 4 {
		t.Fatalf("want 4 problems, got:\n%s", errorList(errs))
	}
	for _, name := range keys(files) {
		if !filepath.IsLocal(name) {
			t.Errorf("wrote non-local %q", name)
		}
	}
	if _, errs := Files(nil, Options{BasePath: "/policies/"}); len(errs) != 1 {
		t.Errorf("base path with trailing slash accepted: %v", errs)
	}
}

func TestJSONShape(t *testing.T) {
	files, _ := Files(resolvedFixture(t), policiesOptions)
	var m map[string]string
	if err := json.Unmarshal(files[jsonFile], &m); err != nil {
		t.Fatal(err)
	}
	if m["/policies/docs/privacy-policy/"] != "/policies/privacy/" || m["/policies/tos.html"] != "/policies/terms/" {
		t.Errorf("redirects.json = %v", m)
	}
	if !strings.HasSuffix(string(files[jsonFile]), "}\n") {
		t.Error("redirects.json lacks a trailing newline")
	}
	var v struct {
		Redirects []vercelRedirect `json:"redirects"`
	}
	if err := json.Unmarshal(files[vercelFile], &v); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(files[netlifyFile]), " 301!\n"); len(v.Redirects) != n || n == 0 {
		t.Errorf("vercel has %d rules, _redirects %d", len(v.Redirects), n)
	}
}

// TestRuleFormatsExclusive checks that asking for both _redirects
// flavours is an error rather than one silently overwriting the other.
func TestRuleFormatsExclusive(t *testing.T) {
	files, errs := Files(resolvedFixture(t), Options{Formats: []Format{FormatNetlify, FormatCF}})
	if !HasErrors(errs) || !strings.Contains(errorList(errs), "netlify and cloudflare both write _redirects") {
		t.Fatalf("got:\n%s", errorList(errs))
	}
	if !strings.Contains(string(files[netlifyFile]), " 301!\n") {
		t.Errorf("_redirects is not the netlify one asked for first:\n%s", files[netlifyFile])
	}
}

func TestRuleLimitWarnings(t *testing.T) {
	var rs []Redirect
	for i := 0; i < 1001; i++ {
		rs = append(rs, Redirect{From: fmt.Sprintf("/old/%d/", i), To: "/privacy/", File: "clause.yaml", Line: i + 1})
	}
	_, errs := Files(rs, Options{Formats: []Format{FormatCF, FormatVercel}})
	if len(errs) != 2 || errs[0].Severity != diag.Warning || errs[1].Severity != diag.Warning ||
		!strings.Contains(errs[0].Msg, "2002 redirect rules exceed the 2000 static redirects Cloudflare Pages applies") ||
		!strings.Contains(errs[1].Msg, "exceed the 1024 routes Vercel accepts") {
		t.Fatalf("got:\n%s", errorList(errs))
	}
}
