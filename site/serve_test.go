package site

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause"
)

// startServe runs Serve on a free port over a temporary site and returns
// its URL and a function that stops it and waits for it to return.
func startServe(t testing.TB, dir string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{Options: Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }},
			Addr: "127.0.0.1:0", Ready: func(u string) { ready <- u }})
	}()
	select {
	case u := <-ready:
		return u, func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		}
	case err := <-done:
		cancel()
		t.Fatalf("Serve: %v", err)
	case <-time.After(60 * time.Second): // a cold build of 1,000 policies on a loaded machine
		cancel()
		t.Fatal("server did not start")
	}
	cancel()
	return "", nil
}

// events connects to the SSE endpoint and delivers each event's type.
func events(t testing.TB, ctx context.Context, base string) <-chan string {
	t.Helper()
	return eventsFor(t, ctx, base, "")
}

// eventsFor is events for a browser showing page (a snapshot name such
// as privacy/index.html), named as the live reload script names it.
func eventsFor(t testing.TB, ctx context.Context, base, page string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"_clause/events?page="+url.QueryEscape(page), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			var msg struct{ Type string }
			if data, ok := strings.CutPrefix(sc.Text(), "data:"); ok && json.Unmarshal([]byte(data), &msg) == nil {
				out <- msg.Type
			}
		}
	}()
	return out
}

// waitFor reads events until one of the types in want arrives.
func waitFor(t testing.TB, ch <-chan string, want ...string) {
	t.Helper()
	waitForWithin(t, 10*time.Second, ch, want...)
}

// waitForWithin is waitFor with its own time limit, for builds that take
// long (benchmarks of large sites).
func waitForWithin(t testing.TB, limit time.Duration, ch <-chan string, want ...string) {
	t.Helper()
	deadline := time.After(limit)
	for {
		select {
		case got, ok := <-ch:
			if !ok {
				t.Fatalf("event stream closed before %q", want)
			}
			if slices.Contains(want, got) {
				return
			}
		case <-deadline:
			t.Fatalf("no %q event", want)
		}
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return string(data)
}

func TestServeLiveReload(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := newSite(t, goodSite)
	base, stop := startServe(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	ch := events(t, ctx, base)
	if !strings.Contains(get(t, base+"privacy/"), "We keep little.") {
		t.Fatal("privacy page not served")
	}
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, "content", "privacy.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("---\ntitle: Privacy\n---\n## Data\n\nWe keep almost nothing.\n")
	waitFor(t, ch, "reload")
	if !strings.Contains(get(t, base+"privacy/"), "We keep almost nothing.") {
		t.Error("edit not served after reload event")
	}
	write("---\ntitle: Privacy\nlast_revised: someday\n---\n## Data\n")
	waitFor(t, ch, "error")
	problems := get(t, base+"_clause/problems")
	if !strings.Contains(problems, "content/privacy.md") || !strings.Contains(problems, "someday") {
		t.Errorf("problems = %s", problems)
	}
	if !strings.Contains(get(t, base+"privacy/"), "We keep almost nothing.") {
		t.Error("the last good site is not served while the build fails")
	}
	write("---\ntitle: Privacy\n---\n## Data\n\nFixed.\n")
	waitFor(t, ch, "reload")
	if p := get(t, base+"_clause/problems"); strings.Contains(p, "someday") {
		t.Errorf("problems not cleared: %s", p)
	}
	cancel()
	stop()
	waitGoroutines(t, before)
}

// waitGoroutines fails if goroutines started by the test outlive it.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	http.DefaultClient.CloseIdleConnections()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); { // a bound, generous for a busy machine
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	buf := make([]byte, 1<<16)
	t.Errorf("%d goroutines left after shutdown (before: %d)\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
}

func TestServePortInUse(t *testing.T) {
	t.Parallel()
	dir := newSite(t, goodSite)
	base, stop := startServe(t, dir)
	defer stop()
	addr := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	err := Serve(context.Background(), ServeOptions{Options: Options{Source: dir, Theme: clause.Theme}, Addr: addr})
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "--port") {
		t.Errorf("err = %v", err)
	}
}
