package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clause-dev/clause"
)

func TestInitSite(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "new-site")
	wrote, err := InitSite(InitOptions{Dir: dir, Now: day("2026-03-04")})
	if err != nil || strings.Join(wrote, " ") != "clause.yaml content/privacy.md" {
		t.Fatalf("InitSite: %v %v", wrote, err)
	}
	policy := readFile(t, filepath.Join(dir, "content", "privacy.md"))
	if !strings.HasPrefix(policy, "---\ntitle: Privacy Policy\n") || !strings.Contains(policy, "\neffective: 2026-03-04\nlast_revised: 2026-03-04\n") {
		t.Errorf("starter policy:\n%s", policy)
	}
	// The starter site builds and passes check --strict.
	report, err := Check(Options{Source: dir, Theme: clause.Theme, Now: day("2026-03-05"), Getenv: func(string) string { return "" }})
	if err != nil || report.Failed(true) || report.Policies != 1 || len(report.Problems) != 0 {
		t.Errorf("check of the starter site: %v %v", err, report.Problems)
	}
	// A second init refuses, and changes nothing.
	config := readFile(t, filepath.Join(dir, "clause.yaml"))
	os.WriteFile(filepath.Join(dir, "clause.yaml"), []byte("title: Mine\n"), 0o644)
	if _, err := InitSite(InitOptions{Dir: dir}); err == nil || !strings.Contains(err.Error(), "clause.yaml: already exists") {
		t.Errorf("second init: %v", err)
	}
	if got := readFile(t, filepath.Join(dir, "clause.yaml")); got != "title: Mine\n" || config == got {
		t.Errorf("clause.yaml after a refused init: %q", got)
	}
	// A folder with content/ and no clause.yaml is a site too: nothing is written.
	jekyll := newSite(t, map[string]string{"content/terms.md": "# Terms\n"})
	if _, err := InitSite(InitOptions{Dir: jekyll}); err == nil || !strings.Contains(err.Error(), "content: already exists") {
		t.Errorf("init over content/: %v", err)
	}
	if _, err := os.Stat(filepath.Join(jekyll, "clause.yaml")); err == nil {
		t.Error("a refused init wrote clause.yaml")
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := InitSite(InitOptions{Dir: file}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("init into a file: %v", err)
	}
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveOnce starts Serve over dir, waits until it listens, stops it and
// returns what it printed on standard error until then.
func serveOnce(t *testing.T, dir string) string {
	t.Helper()
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{Options: Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }},
			Addr: "127.0.0.1:0", Stderr: &stderr, Ready: func(u string) { ready <- u }})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	out := stderr.String()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	return out
}

// TestServeSaysWhatIsMissing checks what serve says in an empty folder,
// and after a first build that fails: there is no last good site.
func TestServeSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	out := serveOnce(t, empty)
	if !strings.Contains(out, "holds no site yet: there is no clause.yaml and no content/ folder") || !strings.Contains(out, "clause init") ||
		strings.Contains(out, "last good site") {
		t.Errorf("serve in an empty folder printed:\n%s", out)
	}
	broken := newSite(t, map[string]string{"content/privacy.md": "---\ntitle: P\neffective: 2026-02-30\n---\n\nText.\n"})
	out = serveOnce(t, broken)
	if !strings.Contains(out, "build failed: 1 error; there is no site to serve until it is fixed") || strings.Contains(out, "last good site") ||
		strings.Contains(out, "holds no site yet") {
		t.Errorf("serve with a first build that fails printed:\n%s", out)
	}
}

func TestFailureNote(t *testing.T) {
	t.Parallel()
	if got := (&serveLoop{}).failureNote(); !strings.HasPrefix(got, "there is no site to serve") {
		t.Errorf("before any good build: %q", got)
	}
	if got := (&serveLoop{served: true}).failureNote(); got != "still serving the last good site" {
		t.Errorf("after a good build: %q", got)
	}
}
