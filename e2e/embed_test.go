package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/clause-dev/clause/internal/statichost"
)

// appPage is an app's own page, on another origin than the privacy
// center, that embeds a policy with clause-embed.js from the center.
func appPage(center string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>Tide app</title></head><body><h1>Tide app</h1>
<div id="policy" data-clause-embed="%[1]s/privacy/embed/"><a href="%[1]s/privacy/">Privacy Notice</a></div>
<div id="missing" data-clause-embed="%[1]s/nowhere/embed/">Kept when the fetch fails</div>
<script src="%[1]s/js/clause-embed.js" defer></script></body></html>`, center)
	})
}

// TestEmbedScript embeds a policy from a privacy center served as
// Netlify serves it, _headers applied, into a page of another origin, and
// checks what clause-embed.js inserted; served as GitHub Pages serves it,
// without the header, the browser refuses the fetch and the element keeps
// its link.
func TestEmbedScript(t *testing.T) {
	skipBrowserInShort(t)
	files := buildSite(t, filepath.Join(repoRoot, "site", "testdata", "sites", "records-sections"))
	browser := newBrowser(t)
	t.Run("netlify", func(t *testing.T) {
		center := httptest.NewServer(statichost.New(files, statichost.Netlify))
		t.Cleanup(center.Close)
		app := httptest.NewServer(appPage(center.URL))
		t.Cleanup(app.Close)
		tab := newTab(t, browser)
		navigate(t, tab, app.URL)
		waitFor(t, tab, "the policy is inserted", `document.querySelector("#policy").dataset.clauseEmbedState === "loaded"`, 20*time.Second)
		waitFor(t, tab, "the missing embed fails", `document.querySelector("#missing").dataset.clauseEmbedState === "failed"`, 20*time.Second)
		checks := map[string]string{
			`document.querySelector("#policy .clause-embed-title").tagName`:                         "H2",
			`String(document.querySelectorAll("h1").length)`:                                        "1",
			`document.querySelector("#policy a[href*='terms']").getAttribute("href")`:               center.URL + "/terms/#scope",
			`document.querySelector("#policy .clause-embed-meta a").getAttribute("href")`:           center.URL + "/privacy/",
			`document.querySelector("#policy a.anchor").getAttribute("href")`:                       "#who-we-are",
			`document.getElementById("1-what-we-collect").nextElementSibling.nextElementSibling.id`: "2-data-we-collect",
			`String(document.querySelector("#policy").textContent.includes("Brinewell Hosting"))`:   "true",
			`document.querySelector("#missing").textContent`:                                        "Kept when the fetch fails",
		}
		for expr, want := range checks {
			if got := js[string](t, tab, expr); got != want {
				t.Errorf("%s = %q, want %q", expr, got, want)
			}
		}
	})
	t.Run("no header", func(t *testing.T) {
		center := httptest.NewServer(statichost.New(files, statichost.Plain))
		t.Cleanup(center.Close)
		app := httptest.NewServer(appPage(center.URL))
		t.Cleanup(app.Close)
		tab := newTab(t, browser)
		navigate(t, tab, app.URL)
		waitFor(t, tab, "the cross-origin fetch is refused", `document.querySelector("#policy").dataset.clauseEmbedState === "failed"`, 20*time.Second)
		if got := js[string](t, tab, `document.querySelector("#policy a").getAttribute("href")`); got != center.URL+"/privacy/" {
			t.Errorf("the element lost its link: %q", got)
		}
	})
}

// TestEmbedScriptSanitizes embeds a policy whose text holds raw HTML that
// would run or load something on the app's page (an SVG <set> that would
// make a link run script among it), a link whose address cannot be
// parsed and an element with a style attribute, beside an element whose
// embed URL cannot be parsed: nothing runs, the text still arrives
// without them, and the bad element fails without stopping the others.
func TestEmbedScriptSanitizes(t *testing.T) {
	skipBrowserInShort(t)
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"clause.yaml": "title: Tide\n",
		"content/privacy.md": "---\ntitle: Privacy Notice\n---\n## Data\n\nWe keep little.\n\n" +
			"<p><img src=\"nothing.png\" onerror=\"window.pwned = 'onerror'\"> <a id=\"js\" href=\"javascript:window.pwned = 'link'\">odd link</a></p>\n\n" +
			"<style>body { display: none }</style>\n\n<iframe srcdoc=\"<script>parent.pwned = 'frame'</script>\"></iframe>\n\n" +
			"<p><svg><a id=\"svg\"><set attributeName=\"href\" to=\"javascript:window.pwned = 'svg'\"/><text y=\"20\">svg link</text></a></svg>\n" +
			"<a id=\"badurl\" href=\"http://[::1\">bad address</a> <span id=\"styled\" style=\"position: fixed; inset: 0\">over</span></p>\n",
	})
	files := buildSite(t, src)
	browser := newBrowser(t)
	center := httptest.NewServer(statichost.New(files, statichost.Netlify))
	t.Cleanup(center.Close)
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>Tide app</title></head><body><h1>Tide app</h1>
<div id="bad" data-clause-embed="http://[::1">Bad URL</div>
<div id="policy" data-clause-embed="%[1]s/privacy/embed/">Privacy</div>
<script src="%[1]s/js/clause-embed.js" defer></script></body></html>`, center.URL)
	}))
	t.Cleanup(app.Close)
	tab := newTab(t, browser)
	navigate(t, tab, app.URL)
	waitFor(t, tab, "the policy is inserted", `document.querySelector("#policy").dataset.clauseEmbedState === "loaded"`, 20*time.Second)
	// An image's error handler, had it survived, runs once the image has failed to load.
	waitFor(t, tab, "the image has loaded or failed", `document.querySelector("#policy img").complete`, 20*time.Second)
	checks := map[string]string{
		`String(window.pwned)`: "undefined",
		`document.querySelector("#bad").dataset.clauseEmbedState`:                                      "failed",
		`String(document.querySelector("#policy").textContent.includes("We keep little."))`:            "true",
		`String(document.querySelectorAll("#policy style, #policy iframe, #policy [onerror]").length)`: "0",
		`String(document.querySelector("#policy #js").hasAttribute("href"))`:                           "false",
		`String(document.querySelectorAll("#policy set, #policy animate").length)`:                     "0",
		`String(document.querySelector("#policy #badurl").hasAttribute("href"))`:                       "false",
		`String(document.querySelector("#policy #styled").hasAttribute("style"))`:                      "false",
		`getComputedStyle(document.body).display`:                                                      "block",
	}
	for expr, want := range checks {
		if got := js[string](t, tab, expr); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
}
