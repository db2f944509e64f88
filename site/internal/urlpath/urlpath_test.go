package urlpath

import (
	"strings"
	"testing"
)

func TestIsFile(t *testing.T) {
	for in, want := range map[string]bool{
		"/privacy.html": true, "/a/b.htm": true, "/privacy/": false, "/privacy": false, "/": false,
		"/a.html/": false, // a trailing slash names a folder
		"/a.HTML":  false, "/x.html.bak": false, "/v1.2/": false,
	} {
		if got := IsFile(in); got != want {
			t.Errorf("IsFile(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFileAndURL(t *testing.T) {
	for u, want := range map[string]string{
		"/": "index.html", "": "index.html",
		"/privacy/": "privacy/index.html", "/privacy.html": "privacy.html", "/privacy/feed.xml": "privacy/feed.xml",
		"/a/b/": "a/b/index.html", "/a.html/": "a.html/index.html",
	} {
		if got := File(u); got != want {
			t.Errorf("File(%q) = %q, want %q", u, got, want)
		}
	}
	for p, want := range map[string]string{
		"/": "/", "/privacy": "/privacy/", "/privacy/": "/privacy/", "/privacy.html": "/privacy.html", "/v1.2": "/v1.2/",
	} {
		if got := Folder(p); got != want {
			t.Errorf("Folder(%q) = %q, want %q", p, got, want)
		}
	}
	for name, want := range map[string]string{
		"index.html": "/", "privacy/index.html": "/privacy/", "privacy.html": "/privacy.html", "a/b/index.html": "/a/b/",
	} {
		if got := URL(name); got != want {
			t.Errorf("URL(%q) = %q, want %q", name, got, want)
		}
		if back := File(want); back != name {
			t.Errorf("File(URL(%q)) = %q", name, back)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"/": "/", "/index.html": "/", "/a": "/a", "/a/": "/a", "/a/index.html": "/a",
		"/aindex.html": "/aindex.html", // only a whole last segment index.html is the folder's
		"/a.html":      "/a.html", "/a b/": "/a b",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeAndDecode(t *testing.T) {
	for in, want := range map[string]string{
		"/Privacy Policy/":       "/Privacy%20Policy/",
		"/datenschutzerklärung/": "/datenschutzerkl%C3%A4rung/",
		"/100%/":                 "/100%25/",
		"/privacy/":              "/privacy/",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
		if got := Decode(want); got != in {
			t.Errorf("Decode(%q) = %q, want %q", want, got, in)
		}
	}
	if got := Decode("/100%/"); got != "/100%/" {
		t.Errorf("Decode of invalid escapes = %q, want it as written", got)
	}
}

func TestScheme(t *testing.T) {
	for in, want := range map[string]string{
		"https://x": "https", "HTTPS://x": "https", "mailto:a": "mailto", "git+ssh://x": "git+ssh", "tel:123": "tel",
		"terms.md": "", "a/b:c.md": "", ":x": "", "1http://x": "", "": "", "/a:b": "",
	} {
		if got := Scheme(in); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBrowserScheme(t *testing.T) {
	for in, want := range map[string]string{
		"javascript:x": "javascript", " \x01JavaScript:x": "javascript", "java\tscr\nipt:x": "javascript",
		"data:image/png;base64,x": "data", "/a:b": "", "?x:y": "", ":x": "", "terms.md": "",
	} {
		if got := BrowserScheme(in); got != want {
			t.Errorf("BrowserScheme(%q) = %q, want %q", in, got, want)
		}
	}
	if Scheme("java\tscript:x") != "" {
		t.Error("Scheme reads a tab as part of a scheme; only BrowserScheme is lax")
	}
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		err  error
		msg  string // "" when the path is accepted
	}{
		{"plain", CheckChars("permalink", "/privacy/", false), ""},
		{"space", CheckChars("permalink", "/a b/", false), "contains a space"},
		{"space allowed", CheckChars("permalink", "/a b/", true), ""},
		{"bidi", CheckChars("permalink", "/a\u202eb/", true), "invisible character U+202E"},
		{"backslash", CheckChars("permalink", `/a\b`, true), "contains a backslash"},
		{"bad utf-8", CheckChars("permalink", "/a\xffb", true), "is not valid UTF-8"},
		{"replacement char written out", CheckChars("permalink", "/a\uFFFDb", true), ""},
		{"dot dot", CheckDecodedSegments("permalink", "/a/%2E%2E/", "/a/../"), `contains a ".." segment`},
		{"relative", CheckDecodedSegments("permalink", "a/../", "a/../"), ""},
		{"empty segment", CheckSegments("source", "/a//b", "/a//b", false), "empty segment"},
		{"empty allowed", CheckSegments("source", "/a//b", "/a//b", true), ""},
		{"long", CheckLength("permalink", "/"+strings.Repeat("a", MaxPath)), "bytes long"},
		{"long segment", CheckLength("permalink", "/"+strings.Repeat("a", MaxSegment+1)+"/"), "has a segment of 256 bytes"},
		{"short", CheckLength("permalink", "/"+strings.Repeat("a", MaxSegment)+"/"), ""},
	}
	for _, tt := range tests {
		switch {
		case tt.msg == "" && tt.err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, tt.err)
		case tt.msg != "" && (tt.err == nil || !strings.Contains(tt.err.Error(), tt.msg)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, tt.err, tt.msg)
		}
	}
}

func TestAbbrev(t *testing.T) {
	if got := Abbrev("/short/"); got != `"/short/"` {
		t.Errorf("Abbrev = %s", got)
	}
	long := "/" + strings.Repeat("é", 30)
	got := Abbrev(long)
	if !strings.HasSuffix(got, `"…`) || len(got) > 45 || strings.ContainsRune(got, '\uFFFD') {
		t.Errorf("Abbrev(%q) = %s: want at most 40 bytes of whole characters and …", long, got)
	}
}
