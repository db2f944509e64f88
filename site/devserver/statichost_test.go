package devserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clause-dev/clause/internal/statichost"
)

// TestAnswersAsStaticHost checks that the dev server answers each path
// with the status the static host the tests treat as truth gives: in
// particular "/terms" serves terms.html, as GitHub Pages, Netlify and
// Cloudflare Pages do.
func TestAnswersAsStaticHost(t *testing.T) {
	snap := site()
	snap.Files["terms.html"] = []byte("<html><head></head><body>terms</body></html>")
	ts := startServer(t)
	ts.Publish(snap, nil)
	host := httptest.NewServer(statichost.New(snap.Files, statichost.Plain))
	defer host.Close()
	for _, p := range []string{"/", "/terms", "/terms.html", "/terms/", "/privacy", "/privacy/", "/privacy/index.html",
		"/a/b/c", "/a/b/c.html", "/a/b", "/data.json", "/data", "/missing", "/missing.html"} {
		dev, _ := get(t, ts.base+p)
		want, _ := get(t, host.URL+p)
		if dev.StatusCode != want.StatusCode {
			t.Errorf("%s: dev server %d, static host %d", p, dev.StatusCode, want.StatusCode)
		}
	}
	if resp, body := get(t, ts.base+"/terms"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "<body>terms</body>") {
		t.Errorf("/terms: %d, want terms.html", resp.StatusCode)
	}
}
