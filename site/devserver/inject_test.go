package devserver

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

func TestRelativeRoot(t *testing.T) {
	for path, want := range map[string]string{
		"/":           "./",
		"/index.html": "./",
		"/privacy/":   "../",
		"/privacy":    "./",
		"/a/b/":       "../../",
		"/a/b/c.html": "../../",
		"/a/b/c/d/":   "../../../../",
		"/a%2Fb/":     "../",
		"":            "./",
	} {
		if got := relativeRoot(path); got != want {
			t.Errorf("relativeRoot(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestInjectionPoint(t *testing.T) {
	const s = "<SCRIPT>"
	for page, want := range map[string]string{
		"<html><head><title>x</title></head><body>y</body></html>": "<html><head><title>x</title>" + s + "</head><body>y</body></html>",
		"<HTML><HEAD></HEAD ><BODY></BODY></HTML>":                 "<HTML><HEAD>" + s + "</HEAD ><BODY></BODY></HTML>",
		`<body class="a>b" id=x><header></header>hi</body>`:        `<body class="a>b" id=x>` + s + `<header></header>hi</body>`,
		"<header>not a head</header><BODY>x":                       "<header>not a head</header><BODY>" + s + "x",
		"<bodyguard>x</bodyguard>":                                 s + "<bodyguard>x</bodyguard>",
		"just text":                                                s + "just text",
		"<!DOCTYPE html>\n<p>x":                                    "<!DOCTYPE html>" + s + "\n<p>x",
		"\xef\xbb\xbf<p>x":                                         "\xef\xbb\xbf" + s + "<p>x",
		"":                                                         s,
	} {
		at := injectionPoint([]byte(page))
		if got := page[:at] + s + page[at:]; got != want {
			t.Errorf("inject into %q:\n got %q\nwant %q", page, got, want)
		}
	}
}

func TestInjectedScriptPerDepth(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	for path, want := range map[string]string{
		"/":            `"root":"./","page":"index.html"`,
		"/privacy/":    `"root":"../","page":"privacy/index.html"`,
		"/a/b/":        `"root":"../../","page":"a/b/index.html"`,
		"/a/b/c.html":  `"root":"../../","page":"a/b/c.html"`,
		"/a/b/nope/x/": `"root":"../../../../","page":"a/b/nope/x/index.html"`,
	} {
		_, body := get(t, ts.base+path)
		if !strings.Contains(body, want) {
			t.Errorf("%s: page lacks %s:\n%s", path, want, body[:min(len(body), 300)])
		}
	}
	_, body := get(t, ts.base+"/a/b/c.html") // no <head>, no <body>
	if !strings.HasPrefix(body, "<script data-clause-livereload>") || !strings.HasSuffix(body, "</script>bare page") {
		t.Errorf("page without head: %q", body)
	}
	_, body = get(t, ts.base+"/a/b/") // <body> but no <head>
	if !strings.HasPrefix(body, `<body class="x"><script data-clause-livereload>`) {
		t.Errorf("page without head: %q", body[:60])
	}
}

func TestScriptIsSafeInScriptContext(t *testing.T) {
	if strings.Contains(strings.ToLower(liveReloadJS), "</script") || strings.Contains(liveReloadJS, "<!--") {
		t.Fatal("livereload.js would end its own <script> element")
	}
	s := New(Options{})
	evil := "</script><script>alert(1)</script><!-- \u2028"
	s.Fail([]Problem{{Diagnostic: diag.Diagnostic{Path: evil, Msg: evil, Hint: evil}, Source: []SourceLine{{N: 1, Text: evil}}}})
	cfg := pageConfig(httptest.NewRequest("GET", "/", nil), s.state.Load(), "index.html")
	if strings.ContainsAny(string(cfg), "<>&\u2028") {
		t.Fatalf("config not escaped for a script element: %s", cfg)
	}
	var back config
	if err := json.Unmarshal(cfg, &back); err != nil || back.Problems[0].Msg != evil {
		t.Fatalf("config does not round-trip: %v %+v", err, back.Problems)
	}
}
