package devserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

func TestServesPagesAndAssets(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	tests := []struct {
		path, ctype, contains string
		html                  bool
	}{
		{"/", "text/html; charset=utf-8", "home", true},
		{"/privacy/", "text/html; charset=utf-8", "privacy", true},
		{"/privacy/index.html", "text/html; charset=utf-8", "privacy", true},
		{"/a/b/c.html", "text/html; charset=utf-8", "bare page", true},
		{"/assets/clause.3f2a1b.css", "text/css; charset=utf-8", "body{color:red}", false},
		{"/data.json", "application/json", `{"a":1}`, false},
		{"/sitemap.xml", "application/xml; charset=utf-8", "<urlset/>", false},
		{"/_redirects", "text/plain; charset=utf-8", "/old /new 301", false},
	}
	for _, tt := range tests {
		resp, body := get(t, ts.base+tt.path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: %d %q, want 200 %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control = %q", tt.path, resp.Header.Get("Cache-Control"))
		}
		if !strings.Contains(body, tt.contains) {
			t.Errorf("%s: body %q lacks %q", tt.path, body, tt.contains)
		}
		if got := strings.Contains(body, "data-clause-livereload"); got != tt.html {
			t.Errorf("%s: script injected = %v, want %v", tt.path, got, tt.html)
		}
		if !tt.html && body != string(site().Files[strings.TrimPrefix(tt.path, "/")]) {
			t.Errorf("%s: asset body altered: %q", tt.path, body)
		}
	}
}

func TestRedirectsMissingSlash(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	for path, want := range map[string]string{
		"/privacy":     "./privacy/",
		"/privacy?x=1": "./privacy/?x=1",
		"/a/b":         "./b/",
		"/a/./b":       "./b/",
	} {
		resp, _ := get(t, ts.base+path)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("%s: %d Location %q, want 301 %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

func TestNotFound(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	resp, body := get(t, ts.base+"/nope/")
	if resp.StatusCode != 404 || !strings.Contains(body, "not here") || !strings.Contains(body, `"page":"nope/index.html"`) {
		t.Fatalf("404 page: %d %q", resp.StatusCode, body)
	}
	snap := site()
	delete(snap.Files, "404.html")
	ts.Publish(snap, nil)
	resp, body = get(t, ts.base+"/nope")
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("plain 404: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if resp, _ := get(t, ts.base+"/assets/"); resp.StatusCode != 404 {
		t.Fatalf("directory without index: %d, want 404 (no listings)", resp.StatusCode)
	}
}

func TestTraversalIsRejected(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	for _, target := range []string{
		"/../../etc/passwd", "/../etc/passwd", "/%2e%2e/etc/passwd", "/%2e%2e/", "/..%2f",
		"/..%2fetc/passwd", "/a/..%5c..%5cetc/passwd", "/a\\..\\etc\\passwd", "/%00",
		"/index.html%00.css", "/privacy/../../etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
	} {
		status, body := rawGet(t, ts.addr, target)
		if status != 404 || strings.Contains(body, "bait") {
			t.Errorf("GET %s: %d %q, want 404", target, status, body)
		}
	}
	if status, body := rawGet(t, ts.addr, "/etc/passwd"); status != 200 || body != "bait" {
		t.Fatalf("snapshot file: %d %q", status, body)
	}
}

func TestMethods(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	resp, err := http.Post(ts.base+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Fatalf("POST: %d Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
	resp, err = noRedirect.Head(ts.base + "/assets/clause.3f2a1b.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength != int64(len("body{color:red}")) {
		t.Fatalf("HEAD: %d length %d", resp.StatusCode, resp.ContentLength)
	}
}

func TestBuildingPageBeforeFirstPublish(t *testing.T) {
	ts := startServer(t)
	resp, body := get(t, ts.base+"/privacy/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "data-clause-livereload") {
		t.Fatalf("before Publish: %d %q", resp.StatusCode, body)
	}
}

func TestConcurrentPageRequests(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 300}}
	defer client.CloseIdleConnections()
	paths := []string{"/", "/privacy/", "/a/b/", "/assets/clause.3f2a1b.css", "/nope", "/_clause/problems"}
	var wg sync.WaitGroup
	errs := make(chan string, 300)
	for i := range 300 {
		wg.Go(func() {
			resp, err := client.Get(ts.base + paths[i%len(paths)])
			if err != nil {
				errs <- err.Error()
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 && resp.StatusCode != 404 {
				errs <- resp.Status
			}
		})
		if i%50 == 0 { // rebuilds and failures race with requests
			go ts.Publish(site(), []string{"privacy/index.html"})
			go ts.Fail([]Problem{{Diagnostic: diag.Diagnostic{Path: "content/x.md", Msg: "boom"}}})
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestSnapshotIsNeverModified(t *testing.T) {
	ts := startServer(t)
	snap := site()
	ts.Publish(snap, nil)
	for _, p := range []string{"/", "/privacy/", "/a/b/", "/a/b/c.html", "/nope"} {
		get(t, ts.base+p)
	}
	for name, data := range site().Files {
		if string(snap.Files[name]) != string(data) {
			t.Fatalf("%s modified: %q", name, snap.Files[name])
		}
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"a.svg":        "image/svg+xml",
		"a.txt":        "text/plain; charset=utf-8",
		"a.js":         "text/javascript; charset=utf-8",
		"x/_redirects": "text/plain; charset=utf-8",
		"a.WOFF2":      "font/woff2",
		"noext":        "text/plain; charset=utf-8",
	} {
		if got := contentType(name, []byte("hello")); got != want {
			t.Errorf("contentType(%q) = %q, want %q", name, got, want)
		}
	}
}

// BenchmarkServePage measures answering a policy page of a 1,000-policy
// snapshot, live reload script injection included.
func BenchmarkServePage(b *testing.B) {
	s := New(Options{})
	s.Publish(bigSite(1000), nil)
	h := s.handler()
	req := httptest.NewRequest("GET", "http://localhost:1313/policies/p500/", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
