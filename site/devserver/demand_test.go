package devserver

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestDemandDuringFirst requests a page that the first files of a build
// lack: the server asks Demand for it, and answers from the PublishMore
// that has it while the build is still going (no Publish yet). A request
// for a file that no PublishMore brings waits for the whole build, and a
// PublishMore after it changes nothing.
func TestDemandDuringFirst(t *testing.T) {
	first := map[string][]byte{"privacy/index.html": []byte("<html><head></head><body>privacy 2</body></html>")}
	var mu sync.Mutex
	var asked [][]string
	var server atomic.Pointer[Server]
	s := startServerWith(t, Options{Demand: func(names []string) {
		mu.Lock()
		asked = append(asked, names)
		mu.Unlock()
		if names[0] == "index.html" { // the build renders the home page at once
			more := maps.Clone(first)
			more["index.html"] = []byte("<html><head></head><body>home 2</body></html>")
			server.Load().PublishMore(&Snapshot{Files: more})
		}
	}})
	server.Store(s.Server)
	s.Publish(site(), nil)
	s.PublishFirst(&Snapshot{Files: first}, []string{"privacy/index.html"}, []string{"privacy/index.html"})
	if _, body := get(t, s.base+"/"); !strings.Contains(body, "home 2") {
		t.Fatalf("the page rendered on demand was not served: %q", body)
	}
	mu.Lock()
	if len(asked) == 0 || !slices.Equal(asked[0], []string{"index.html"}) {
		t.Errorf("Demand was asked %v, want [index.html] first", asked)
	}
	mu.Unlock()
	if _, body := get(t, s.base+"/privacy/"); !strings.Contains(body, "privacy 2") {
		t.Errorf("the first page is no longer served: %q", body)
	}
	other := make(chan string, 1)
	go func() {
		_, body := get(t, s.base+"/terms/")
		other <- body
	}()
	for s.waiting.Load() == 0 { // no PublishMore has the terms page: it waits for the whole build
		runtime.Gosched()
	}
	full := withFile(withFile(site(), "privacy/index.html", string(first["privacy/index.html"])), "terms/index.html", "<html><head></head><body>terms 2</body></html>")
	s.Publish(full, nil)
	if body := <-other; !strings.Contains(body, "terms 2") {
		t.Errorf("the waiting request got %q, want the whole build's terms page", body)
	}
	s.PublishMore(&Snapshot{Files: first})
	if _, body := get(t, s.base+"/terms/"); !strings.Contains(body, "terms 2") {
		t.Errorf("a PublishMore after the whole build replaced it: /terms/ = %q", body)
	}
}
