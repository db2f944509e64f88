//go:build browser

// Browser tests drive the live reload client in headless Chromium. Run them
// with: go test -tags browser ./site/devserver/
package devserver

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clause-dev/clause/site/internal/diag"
)

// browserSite returns a page that links a hashed stylesheet and says text.
func browserSite(css, color, text string) *Snapshot {
	page := `<!DOCTYPE html><html><head><link rel="stylesheet" href="../../assets/` + css + `"></head>` +
		`<body><p id="t">` + text + `</p><div style="height:5000px"></div></body></html>`
	return &Snapshot{Files: map[string][]byte{
		"index.html":     []byte(`<!DOCTYPE html><html><head></head><body><p id="t">home</p></body></html>`),
		"p/q/index.html": []byte(page),
		"assets/" + css:  []byte("#t{color:" + color + "}"),
		"404.html":       []byte("<body>404</body>"),
	}}
}

// browser starts headless Chromium for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// eventually polls a JavaScript expression until it is true.
func eventually(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			dump, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.documentElement.outerHTML.slice(0, 300)`))
			t.Log(dump)
			t.Fatalf("%s: %s never became true (last error %v)", what, expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eval runs a script that must return true.
func eval(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script)); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserLiveReload(t *testing.T) {
	ts := startServer(t)
	ts.Publish(browserSite("a.111.css", "rgb(255, 0, 0)", "v1"), nil)
	proxy := prefixProxy(t, ts.base, "/preview")
	ctx := browser(t)
	for _, base := range []string{ts.base, proxy} {
		t.Run(base, func(t *testing.T) {
			if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatal(err)
			}
			for ts.hub.len() > 0 { // the previous page's stream is gone
				time.Sleep(10 * time.Millisecond)
			}
			ts.Publish(browserSite("a.111.css", "rgb(255, 0, 0)", "v1"), nil)
			if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/p/q/")); err != nil {
				t.Fatal(err)
			}
			eventually(t, ctx, "connected", `document.getElementById("t").textContent == "v1"`)
			for ts.hub.len() == 0 { // the page's event stream is connected
				time.Sleep(10 * time.Millisecond)
			}
			eval(t, ctx, `window.marker = 1; window.scrollTo(0, 700); true`)

			ts.Publish(browserSite("a.222.css", "rgb(0, 128, 0)", "v1"), []string{"assets/a.222.css"})
			eventually(t, ctx, "css swapped", `getComputedStyle(document.getElementById("t")).color == "rgb(0, 128, 0)"`)
			eventually(t, ctx, "no reload for css", `window.marker === 1`)

			ts.Fail([]Problem{{Diagnostic: diag.Diagnostic{Path: "content/p.md", Line: 3, Col: 5, Msg: "boom <b>x</b>"},
				Source: []SourceLine{{N: 3, Text: "titel: <i>", Current: true}}}})
			overlay := `(document.querySelector("clause-error-overlay")||{}).shadowRoot`
			eventually(t, ctx, "overlay", overlay+` && `+overlay+`.textContent.includes("content/p.md:3:5: boom <b>x</b>")`)
			eventually(t, ctx, "escaped", overlay+`.querySelector("b") === null`)

			if _, err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			eventually(t, ctx, "overlay at load", overlay+` && `+overlay+`.textContent.includes("boom")`)
			eval(t, ctx, `window.marker = 1; window.scrollTo(0, 700); true`)

			ts.Publish(browserSite("a.222.css", "rgb(0, 128, 0)", "v2"), []string{"p/q/index.html"})
			eventually(t, ctx, "reloaded", `document.getElementById("t").textContent == "v2" && window.marker === undefined`)
			eventually(t, ctx, "overlay gone", `document.querySelector("clause-error-overlay") === null`)
			eventually(t, ctx, "scroll kept", `window.scrollY == 700`)

			removed := browserSite("a.222.css", "rgb(0, 128, 0)", "v2")
			delete(removed.Files, "p/q/index.html")
			ts.Publish(removed, []string{"p/q/index.html"})
			eventually(t, ctx, "went home", `document.getElementById("t").textContent == "home"`)
			path, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
			if want := strings.TrimPrefix(base, strings.TrimSuffix(base, "/preview")) + "/"; path != want {
				t.Fatalf("pathname = %q, want %q", path, want)
			}
		})
	}
}

// prefixProxy mounts target under prefix, like a Codespace or a preview
// proxy would, and returns the proxied base URL.
func prefixProxy(t *testing.T, target, prefix string) string {
	u, _ := url.Parse(target)
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.FlushInterval = -1
	srv := httptest.NewServer(http.StripPrefix(prefix, rp))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// TestBrowserFirstPages checks the first pages of a build in a browser:
// the page names itself when it connects, reloads when its own page is
// published first, and a page it opens next waits for the whole build.
func TestBrowserFirstPages(t *testing.T) {
	ts := startServer(t)
	ts.Publish(browserSite("a.111.css", "rgb(255, 0, 0)", "v1"), nil)
	ctx := browser(t)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(ts.base+"/p/q/")); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, "loaded", `document.getElementById("t").textContent == "v1"`)
	for !slices.Contains(ts.Viewed(), "p/q/index.html") { // the page's stream names it
		time.Sleep(10 * time.Millisecond)
	}
	full := browserSite("a.222.css", "rgb(0, 128, 0)", "v2")
	ts.PublishFirst(&Snapshot{Files: map[string][]byte{"p/q/index.html": full.Files["p/q/index.html"], "assets/a.222.css": full.Files["assets/a.222.css"]}},
		[]string{"p/q/index.html"}, []string{"p/q/index.html", "assets/a.222.css"})
	eventually(t, ctx, "reloaded first", `document.getElementById("t").textContent == "v2" && getComputedStyle(document.getElementById("t")).color == "rgb(0, 128, 0)"`)
	eval(t, ctx, `fetch("../../").then(r => r.text()).then(s => { window.home = s }); true`)
	for ts.waiting.Load() == 0 { // the home page waits for the whole build
		time.Sleep(10 * time.Millisecond)
	}
	full.Files["index.html"] = []byte(`<!DOCTYPE html><html><head></head><body><p id="t">home 2</p></body></html>`)
	ts.Publish(full, []string{"index.html", "p/q/index.html", "assets/a.222.css"})
	eventually(t, ctx, "home from the whole build", `(window.home || "").includes("home 2")`)
}
