package statichost

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestBasics checks folders, extensionless paths, 404s, methods and the
// Netlify rules with shadowing.
func TestBasics(t *testing.T) {
	files := map[string][]byte{
		"index.html":     []byte("home"),
		"a/index.html":   []byte("A"),
		"b.html":         []byte("B"),
		"style.css":      []byte("body{}"),
		"404.html":       []byte("missing"),
		redirectsFile:    []byte("# c\n/x /a/ 302\n/y /b 301!\n/sub/ /b 301\n\n"),
		"noext":          []byte("raw"),
		"sub/index.html": []byte("sub"),
	}
	srv := httptest.NewServer(New(files, Netlify))
	defer srv.Close()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path, method string
		status       int
		loc, body    string
		ctype        string
	}{
		{"/", "GET", 200, "", "home", "text/html; charset=utf-8"},
		{"/a", "GET", 301, "/a/", "", ""},
		{"/a?q=1", "GET", 301, "/a/?q=1", "", ""},
		{"/a/", "GET", 200, "", "A", "text/html; charset=utf-8"},
		{"/a/index.html", "GET", 200, "", "A", ""},
		{"/b", "GET", 200, "", "B", ""},
		{"/b.html", "GET", 200, "", "B", ""},
		{"/style.css", "GET", 200, "", "body{}", "text/css; charset=utf-8"},
		{"/nope", "GET", 404, "", "missing", "text/html; charset=utf-8"},
		{"/b/", "GET", 404, "", "missing", ""},
		{"/x", "GET", 302, "/a/", "", ""},
		{"/y", "GET", 301, "/b", "", ""},
		{"/sub/", "GET", 200, "", "sub", ""}, // a file shadows an unforced rule
		{"/_redirects", "GET", 404, "", "missing", ""},
		{"/a/", "HEAD", 200, "", "", ""},
		{"/a/", "POST", 405, "", "", ""},
		{"/../a/", "GET", 200, "", "A", ""},
	}
	for _, tc := range tests {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || resp.Header.Get("Location") != tc.loc ||
			(tc.body != "" && string(b) != tc.body) || (tc.ctype != "" && resp.Header.Get("Content-Type") != tc.ctype) {
			t.Errorf("%s %s = %d loc=%q type=%q body=%q; want %d loc=%q body=%q",
				tc.method, tc.path, resp.StatusCode, resp.Header.Get("Location"), resp.Header.Get("Content-Type"), b, tc.status, tc.loc, tc.body)
		}
	}
}

// TestUnderBasePath checks a site served below a base path.
func TestUnderBasePath(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("home"), "404.html": []byte("missing")}
	srv := httptest.NewServer(NewAt("/policies", files, Plain))
	defer srv.Close()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for p, want := range map[string]int{"/policies": 301, "/policies/": 200, "/": 404, "/other/": 404} {
		resp, err := c.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", p, resp.StatusCode, want)
		}
	}
}
