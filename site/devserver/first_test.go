package devserver

import (
	"runtime"
	"slices"
	"strings"
	"testing"
)

// withFile returns a copy of snap with one file replaced.
func withFile(snap *Snapshot, name, data string) *Snapshot {
	files := make(map[string][]byte, len(snap.Files))
	for k, v := range snap.Files {
		files[k] = v
	}
	files[name] = []byte(data)
	return &Snapshot{Files: files}
}

// TestPublishFirst publishes a build's first page, then the whole build:
// the browser showing that page reloads once, at the first publish; a
// request for another file waits for the whole build rather than mixing
// builds; the browser showing another page reloads at the second.
func TestPublishFirst(t *testing.T) {
	s := startServer(t)
	s.Publish(site(), nil)
	viewer, _ := openSSEFor(t, s.addr, "privacy/index.html")
	other, _ := openSSEFor(t, s.addr, "index.html")
	if got := s.Viewed(); !slices.Equal(got, []string{"index.html", "privacy/index.html"}) {
		t.Fatalf("Viewed() = %v", got)
	}
	first := &Snapshot{Files: map[string][]byte{"privacy/index.html": []byte("<html><head></head><body>privacy 2</body></html>")}}
	s.PublishFirst(first, []string{"privacy/index.html"}, []string{"privacy/index.html"})
	if msg, err := viewer.next(); err != nil || msg["type"] != "reload" {
		t.Fatalf("viewer got %v, %v; want a reload", msg, err)
	}
	if _, body := get(t, s.base+"/privacy/"); !strings.Contains(body, "privacy 2") {
		t.Errorf("the first page is not served: %q", body)
	}
	home := make(chan string, 1)
	go func() {
		_, body := get(t, s.base+"/")
		home <- body
	}()
	for s.waiting.Load() == 0 { // the home page waits for the whole build
		runtime.Gosched()
	}
	full := withFile(withFile(site(), "privacy/index.html", string(first.Files["privacy/index.html"])), "index.html", "<html><head></head><body>home 2</body></html>")
	s.Publish(full, []string{"index.html", "privacy/index.html"})
	if body := <-home; !strings.Contains(body, "home 2") {
		t.Errorf("the waiting request got %q, want the whole build's home page", body)
	}
	if msg, err := other.next(); err != nil || msg["type"] != "reload" {
		t.Fatalf("the other page got %v, %v; want a reload", msg, err)
	}
	s.Fail([]Problem{{}})
	if msg, err := viewer.next(); err != nil || msg["type"] != "error" {
		t.Fatalf("viewer got %v, %v after the whole build and a failure; want only the error", msg, err)
	}
}

// TestFailAfterFirstGoesBack fails a build whose first page was
// published: the server serves the last complete build again, and
// requests no longer wait.
func TestFailAfterFirstGoesBack(t *testing.T) {
	s := startServer(t)
	s.Publish(site(), nil)
	s.PublishFirst(&Snapshot{Files: map[string][]byte{"privacy/index.html": []byte("privacy 2")}}, []string{"privacy/index.html"}, []string{"privacy/index.html"})
	s.Fail([]Problem{{}})
	if _, body := get(t, s.base+"/privacy/"); !strings.Contains(body, "<body>privacy</body>") {
		t.Errorf("after the failure /privacy/ = %q, want the last complete build's", body)
	}
	if resp, body := get(t, s.base+"/"); resp.StatusCode != 200 || !strings.Contains(body, "home") {
		t.Errorf("after the failure / = %d %q", resp.StatusCode, body)
	}
}
