package site

import (
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/internal/statichost"
)

// TestPanicBecomesError checks that a panic while building a page is
// reported as an error naming the file, not a crash.
func TestPanicBecomesError(t *testing.T) {
	t.Parallel()
	errs := &ErrorList{}
	func() {
		defer recoverPanic(errs, "content/privacy.md", nil)
		var m map[string]int
		m["boom"]++ // a nil map write panics
	}()
	err := errs.Err()
	if err == nil || !strings.Contains(err.Error(), "content/privacy.md: internal error: assignment to entry in nil map") {
		t.Errorf("err = %v", err)
	}
}

// TestThemeWeight keeps the default theme's CSS and JavaScript under 30 KB
// together.
func TestThemeWeight(t *testing.T) {
	t.Parallel()
	total := 0
	fs.WalkDir(clause.Theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".js")) {
			data, _ := fs.ReadFile(clause.Theme, p)
			total += len(data)
		}
		return nil
	})
	if total == 0 || total > 30*1024 {
		t.Errorf("theme CSS and JS weigh %d bytes, want 1 to 30 KB", total)
	}
}

// TestRedirectsOnStaticHost serves the built sample site the way a static
// host would and follows every redirect source, with the host applying
// _redirects (301) and without (the HTML stubs).
func TestRedirectsOnStaticHost(t *testing.T) {
	t.Parallel()
	root, _ := filepath.Abs(filepath.Join("..", "clause.yaml"))
	if _, err := os.Stat(root); err != nil {
		t.Skip("sample site not found")
	}
	files, _, err := renderSite(Options{Source: filepath.Dir(root), Theme: clause.Theme, Now: mustDate(t, "2026-11-24"), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	var redirects map[string]string
	if err := json.Unmarshal(files["redirects.json"], &redirects); err != nil || len(redirects) < 3 {
		t.Fatalf("redirects.json: %v %v", redirects, err)
	}
	for _, apply := range []statichost.Host{statichost.Netlify, statichost.Plain} {
		srv := httptest.NewServer(statichost.New(files, apply))
		for from, to := range redirects {
			landed, status, body := follow(t, srv.URL, from)
			if landed != to || status != http.StatusOK || !strings.Contains(body, "<h1>") {
				t.Errorf("apply=%v: %s landed on %s (%d), want %s", apply, from, landed, status, to)
			}
		}
		srv.Close()
	}
}

// follow requests path and follows HTTP redirects and meta refreshes.
func follow(t *testing.T, base, path string) (string, int, string) {
	t.Helper()
	for hops := 0; hops < 5; hops++ {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(data)
		landed := strings.TrimPrefix(resp.Request.URL.Path, "")
		i := strings.Index(body, `http-equiv="refresh" content="0; url=`)
		if i < 0 {
			return landed, resp.StatusCode, body
		}
		rest := body[i+len(`http-equiv="refresh" content="0; url=`):]
		path = rest[:strings.Index(rest, `"`)]
	}
	t.Fatalf("too many hops for %s", path)
	return "", 0, ""
}
