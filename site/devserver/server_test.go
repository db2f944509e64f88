package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"
)

// site returns a small snapshot with pages, assets and a 404 page.
func site() *Snapshot {
	return &Snapshot{Files: map[string][]byte{
		"index.html":               []byte("<!DOCTYPE html><html><head><title>Home</title></head><body>home</body></html>"),
		"privacy/index.html":       []byte("<html><head><title>Privacy</title></head><body>privacy</body></html>"),
		"a/b/index.html":           []byte("<body class=\"x\">deep</body>"),
		"a/b/c.html":               []byte("bare page"),
		"assets/clause.3f2a1b.css": []byte("body{color:red}"),
		"data.json":                []byte(`{"a":1}`),
		"sitemap.xml":              []byte("<urlset/>"),
		"_redirects":               []byte("/old /new 301"),
		"etc/passwd":               []byte("bait"),
		"404.html":                 []byte("<html><head></head><body>not here</body></html>"),
	}}
}

// testServer is a Server running on a real listener.
type testServer struct {
	*Server
	addr string
	base string
	stop func() error // cancels Serve and returns its result
}

// startServer starts a Server on 127.0.0.1 port 0 and stops it at cleanup.
func startServer(t testing.TB) *testServer {
	t.Helper()
	return startServerWith(t, Options{})
}

// startServerWith is startServer with options; Addr is set to a free
// port.
func startServerWith(t testing.TB, opts Options) *testServer {
	t.Helper()
	opts.Addr = "127.0.0.1:0"
	s := New(opts)
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	stop := func() error {
		cancel()
		select {
		case err := <-done:
			done <- err
			return err
		case <-time.After(5 * time.Second):
			return fmt.Errorf("Serve did not return after cancel")
		}
	}
	t.Cleanup(func() { stop() })
	addr := ln.Addr().String()
	return &testServer{Server: s, addr: addr, base: "http://" + addr, stop: stop}
}

// noRedirect is an HTTP client that reports redirects instead of following.
var noRedirect = &http.Client{
	Timeout:       5 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Transport:     &http.Transport{DisableKeepAlives: true},
}

// get fetches url and returns the response with its body read.
func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := noRedirect.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// rawGet sends target verbatim on a fresh connection, bypassing any client
// side path cleaning, and returns the status and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// sseClient reads a live reload stream over a raw connection with
// deadlines, so a missing event fails the test instead of hanging it.
type sseClient struct {
	conn net.Conn
	r    *bufio.Reader
}

// openSSE connects to the event stream and consumes the hello message.
func openSSE(t testing.TB, addr string) (*sseClient, map[string]any) {
	t.Helper()
	return openSSEFor(t, addr, "")
}

// openSSEFor is openSSE for a page showing the snapshot file page, named
// as the live reload script names it.
func openSSEFor(t testing.TB, addr, page string) (*sseClient, map[string]any) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET /_clause/events?page=%s HTTP/1.1\r\nHost: localhost\r\n\r\n", url.QueryEscape(page))
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	c := &sseClient{conn: conn, r: bufio.NewReader(resp.Body)}
	hello, err := c.next()
	if err != nil || hello["type"] != "hello" {
		t.Fatalf("first message = %v, %v; want hello", hello, err)
	}
	return c, hello
}

// next returns the next data message, skipping comments and retry lines.
func (c *sseClient) next() (map[string]any, error) {
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			var msg map[string]any
			return msg, json.Unmarshal([]byte(data), &msg)
		}
	}
}

// mustNext is next that fails the test on error.
func (c *sseClient) mustNext(t testing.TB) map[string]any {
	t.Helper()
	msg, err := c.next()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// noLeaks waits until the goroutine count falls back to before.
func noLeaks(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want %d:\n%s", runtime.NumGoroutine(), before,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	_, err = New(Options{Addr: ln.Addr().String()}).Listen()
	want := "port " + port + " is already in use; pick another with --port"
	if err == nil || err.Error() != want {
		t.Fatalf("Listen error = %v, want %q", err, want)
	}
}

func TestServeReturnsOnCancelWithoutLeaks(t *testing.T) {
	before := runtime.NumGoroutine()
	ts := startServer(t)
	ts.Publish(site(), nil)
	var clients []*sseClient
	for range 5 {
		c, _ := openSSE(t, ts.addr)
		clients = append(clients, c)
	}
	stuck, err := net.Dial("tcp", ts.addr) // sends a request, never reads
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(stuck, "GET /_clause/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
	get(t, ts.base+"/")
	if err := ts.stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	for _, c := range clients {
		if _, err := c.next(); err == nil {
			t.Fatal("stream still open after shutdown")
		}
		c.conn.Close()
	}
	stuck.Close()
	noLeaks(t, before)
}
