package devserver

import (
	"fmt"
	"net"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clause-dev/clause/site/internal/diag"
)

func TestReloadAfterPublish(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	c, hello := openSSE(t, ts.addr)
	if hello["errors"] != 0.0 || hello["build"] == "" {
		t.Fatalf("hello = %v", hello)
	}
	next := site()
	delete(next.Files, "privacy/index.html")
	delete(next.Files, "a/b/c.html")
	next.Files["new/index.html"] = []byte("new")
	ts.Publish(next, []string{"index.html", "privacy/index.html"})
	msg := c.mustNext(t)
	want := []any{"a/b/c.html", "privacy/index.html"}
	if msg["type"] != "reload" || !reflect.DeepEqual(msg["removed"], want) || msg["build"] == hello["build"] {
		t.Fatalf("message = %v, want reload removing %v", msg, want)
	}
}

func TestCSSOnlyChange(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	c, _ := openSSE(t, ts.addr)
	ts.Publish(site(), []string{"assets/clause.3f2a1b.css", "assets/print.css"})
	msg := c.mustNext(t)
	if msg["type"] != "css" || !reflect.DeepEqual(msg["paths"], []any{"assets/clause.3f2a1b.css", "assets/print.css"}) {
		t.Fatalf("message = %v, want css", msg)
	}
	mixed := site()
	mixed.Files["index.html"] = []byte("<!DOCTYPE html><html><head><title>Home</title></head><body>new text</body></html>")
	ts.Publish(mixed, []string{"assets/clause.3f2a1b.css", "index.html"})
	if msg := c.mustNext(t); msg["type"] != "reload" {
		t.Fatalf("mixed change: %v, want reload", msg)
	}
	ts.Publish(site(), nil)
	if msg := c.mustNext(t); msg["type"] != "reload" {
		t.Fatalf("unknown change: %v, want reload", msg)
	}
}

// TestCSSVersionChange checks that pages whose only difference is the
// version query of the stylesheet they link do not turn a stylesheet edit
// into a reload: that is how every page changes when an asset does.
func TestCSSVersionChange(t *testing.T) {
	page := func(v, text string) []byte {
		return []byte(`<html><head><link rel="stylesheet" href="/css/clause.css?v=` + v + `"></head><body>` + text + `</body></html>`)
	}
	snap := func(v, text string) *Snapshot {
		return &Snapshot{Files: map[string][]byte{"index.html": page(v, text), "css/clause.css": []byte(v)}}
	}
	ts := startServer(t)
	ts.Publish(snap("1a2b3c", "home"), nil)
	c, _ := openSSE(t, ts.addr)
	ts.Publish(snap("1a9f00aa", "home"), []string{"css/clause.css", "index.html"})
	if msg := c.mustNext(t); msg["type"] != "css" {
		t.Fatalf("stylesheet edit: %v, want css", msg)
	}
	ts.Publish(snap("77", "changed"), []string{"css/clause.css", "index.html"})
	if msg := c.mustNext(t); msg["type"] != "reload" {
		t.Fatalf("stylesheet and text edit: %v, want reload", msg)
	}
}

func TestSameButStyleVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{`<link href="a.css?v=123">x`, `<link href="a.css?v=9f">x`, true},
		{`a.css?v=abc a.css?v=abd`, `a.css?v=abc a.css?v=xyz1`, true},
		{`a.js?v=1`, `a.js?v=2`, false},
		{`a.css?v=1 text`, `a.css?v=2 texts`, false},
		{`same`, `same`, true},
	} {
		if got := sameButStyleVersions([]byte(tt.a), []byte(tt.b)); got != tt.want {
			t.Errorf("sameButStyleVersions(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestFailShowsProblemsUntilPublish(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	c, _ := openSSE(t, ts.addr)
	problems := []Problem{{
		Diagnostic: diag.Diagnostic{Path: "content/privacy.md", Line: 3, Col: 5, Msg: "unknown field <b>", Hint: "did you mean title?"},
		Source:     Excerpt([]byte("---\ntitle: x\ntitel: y\n---\n"), 3, 1),
	}}
	ts.Fail(problems)
	if msg := c.mustNext(t); msg["type"] != "error" || msg["errors"] != 1.0 {
		t.Fatalf("message = %v, want error", msg)
	}
	_, body := get(t, ts.base+"/_clause/problems")
	wantJSON := `[{"path":"content/privacy.md","line":3,"col":5,"msg":"unknown field \u003cb\u003e",` +
		`"hint":"did you mean title?","source":[{"n":2,"text":"title: x"},` +
		`{"n":3,"text":"titel: y","current":true},{"n":4,"text":"---"}]}]`
	if body != wantJSON {
		t.Fatalf("problems = %s\nwant %s", body, wantJSON)
	}
	_, page := get(t, ts.base+"/privacy/")
	if !strings.Contains(page, `"problems":[{"path":"content/privacy.md","line":3`) || !strings.Contains(page, ">privacy<") {
		t.Fatalf("page lacks inline problems or last good content: %s", page)
	}
	if _, hello := openSSE(t, ts.addr); hello["errors"] != 1.0 {
		t.Fatalf("hello while failing = %v", hello)
	}
	ts.Publish(site(), []string{"assets/clause.3f2a1b.css"})
	if msg := c.mustNext(t); msg["type"] != "reload" {
		t.Fatalf("after recovery: %v, want reload (even for css, to clear the overlay)", msg)
	}
	if _, body := get(t, ts.base+"/_clause/problems"); body != "[]" {
		t.Fatalf("problems after Publish = %s", body)
	}
	if _, page := get(t, ts.base+"/privacy/"); !strings.Contains(page, `"problems":[]`) {
		t.Fatal("page still carries problems after Publish")
	}
}

func TestManyClientsAndOneStuck(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	stuck, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	fmt.Fprintf(stuck, "GET /_clause/events HTTP/1.1\r\nHost: localhost\r\n\r\n") // never reads
	clients := make([]*sseClient, 200)
	for i := range clients {
		clients[i], _ = openSSE(t, ts.addr)
	}
	for ts.hub.len() < 201 {
		time.Sleep(time.Millisecond)
	}
	for range 3 * clientBuffer { // more than fits any buffer: the stuck one overflows
		ts.Publish(site(), nil)
	}
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Go(func() {
			if msg, err := c.next(); err != nil || msg["type"] != "reload" {
				t.Errorf("client %d: %v, %v", i, msg, err)
			}
		})
	}
	wg.Wait()
}

func TestBroadcastNeverBlocksAndCoalesces(t *testing.T) {
	h := newHub()
	stuck, live := h.join(""), h.join("")
	done := make(chan struct{})
	go func() {
		for i := range 100 {
			h.broadcast(cssMessage(fmt.Sprint(i), []string{"a.css"}))
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("broadcast blocked on a stuck client")
	}
	if !stuck.missed.Load() || len(stuck.ch) != clientBuffer {
		t.Fatalf("stuck client: missed=%v queued=%d", stuck.missed.Load(), len(stuck.ch))
	}
	for len(stuck.ch) > 0 { // the client wakes up and drains
		<-stuck.ch
	}
	h.broadcast(cssMessage("x", []string{"a.css"}))
	if got := <-stuck.ch; string(got) != string(coalescedReload) || stuck.missed.Load() {
		t.Fatalf("after a miss got %s, want a coalesced reload", got)
	}
	if len(live.ch) != clientBuffer {
		t.Fatalf("live client queued %d", len(live.ch))
	}
	h.leave(stuck)
	h.leave(live)
	if h.len() != 0 {
		t.Fatal("clients left behind")
	}
}

func TestExcerpt(t *testing.T) {
	src := []byte("one\r\ntwo\nthree\nfour\n")
	want := []SourceLine{{N: 1, Text: "one"}, {N: 2, Text: "two", Current: true}, {N: 3, Text: "three"}}
	if got := Excerpt(src, 2, 1); !reflect.DeepEqual(got, want) {
		t.Fatalf("Excerpt = %+v", got)
	}
	if Excerpt(src, 0, 2) != nil || Excerpt(src, 99, 2) != nil {
		t.Fatal("out of range line should give nil")
	}
}

// BenchmarkPublishToEvent measures the time from Publish of a 1,000-policy
// snapshot to an SSE client reading the resulting event over TCP.
func BenchmarkPublishToEvent(b *testing.B) {
	for _, n := range []int{1, 100} {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			ts := startServer(b)
			snap := bigSite(1000)
			ts.Publish(snap, nil)
			clients := make([]*sseClient, n)
			for i := range clients {
				clients[i], _ = openSSE(b, ts.addr)
			}
			for b.Loop() {
				ts.Publish(snap, []string{"policies/p0/index.html"})
				for _, c := range clients {
					if _, err := c.next(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// bigSite returns a snapshot with n policy pages and shared assets.
func bigSite(n int) *Snapshot {
	files := site().Files
	page := []byte(strings.Repeat("<p>policy text</p>", 500))
	for i := range n {
		files[fmt.Sprintf("policies/p%d/index.html", i)] = page
	}
	return &Snapshot{Files: files}
}
