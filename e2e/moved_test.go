package e2e

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/internal/statichost"
	"github.com/clause-dev/clause/site"
)

// movedCase is one visit: open from, end at the path, query and hash of
// to, on a page whose <h1> is title.
type movedCase struct {
	from, path, search, hash, title string
}

// TestBrowserMovedSections opens the moved-sections test site in the
// browser, at the root and under a base path, as a static host without
// _redirects serves it: a link to a section that became its own page
// ends on that page, keeping the query; a section that still exists
// stays; the page listing the sections of a page that is gone works
// with and without JavaScript; old URLs derived from file names with a
// space or a letter outside ASCII reach their policy.
func TestBrowserMovedSections(t *testing.T) {
	skipBrowserInShort(t)
	src := filepath.Join(repoRoot, "site", "testdata", "sites", "moved-sections")
	browser := newBrowser(t)
	for _, base := range []string{"", "/help"} {
		t.Run("base="+base, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			_, err := site.BuildContext(context.Background(), site.Options{Source: src, Destination: dest, Theme: clause.Theme, Now: sampleNow,
				Getenv: noEnv, BaseURL: "https://help.larkspur.example" + base + "/"})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(statichost.NewAt(base, readTree(t, dest), statichost.Plain))
			t.Cleanup(srv.Close)
			testMovedSections(t, browser, srv.URL, base)
		})
	}
}

// testMovedSections runs the visits against the site at origin+base.
func testMovedSections(t *testing.T, browser context.Context, origin, base string) {
	tab := newTab(t, browser)
	for _, c := range []movedCase{
		{"/guidelines/#impersonation", "/impersonation/", "", "", "Impersonation policy"},
		{"/guidelines#fake-profiles", "/impersonation/", "", "", "Impersonation policy"},
		{"/guidelines/?ref=mail#impersonation", "/impersonation/", "?ref=mail", "", "Impersonation policy"},
		{"/guidelines/#keep-boards-on-topic", "/guidelines/", "", "#keep-boards-on-topic", "Community guidelines"},
		{"/guidelines/#e2e-unknown", "/guidelines/", "", "#e2e-unknown", "Community guidelines"},
		{"/handbook/#reporting", "/reporting/", "", "", "Reporting a post"},
		{"/handbook#impersonation", "/impersonation/", "", "", "Impersonation policy"},
		{"/handbook/", "/handbook/", "", "", "This page has moved"},
		{"/Old%20Notice/", "/privacy/", "", "", "Privacy policy"},
		{"/datenschutzerkl%C3%A4rung/#deleting-your-account", "/privacy/", "", "#deleting-your-account", "Privacy policy"},
	} {
		navigate(t, tab, "about:blank")
		navigate(t, tab, origin+base+c.from)
		waitFor(t, tab, c.from+" → "+c.path+c.search+c.hash,
			`location.pathname == `+q(base+c.path)+` && location.search == `+q(c.search)+` && location.hash == `+q(c.hash)+
				` && document.querySelector("h1") !== null && document.querySelector("h1").textContent.trim() == `+q(c.title),
			5*time.Second)
	}

	// A link within the old page, which changes only the fragment.
	navigate(t, tab, origin+base+"/guidelines/")
	do(t, tab, "set the fragment", chromedp.Evaluate[chromedp.Void](`location.hash = "#fake-profiles"`))
	waitFor(t, tab, "hash change on /guidelines/", `location.pathname == `+q(base+"/impersonation/"), 5*time.Second)

	// Without JavaScript the page listing the moved sections still lists
	// them, and the old page is simply the old page.
	noJS := newTab(t, browser)
	disableScripts(t, noJS)
	navigate(t, noJS, origin+base+"/handbook/#reporting")
	links := js[[]string](t, noJS, `[...document.querySelectorAll("li a")].map(a => a.getAttribute("href"))`)
	if len(links) != 2 || links[0] != base+"/impersonation/" || links[1] != base+"/reporting/" {
		t.Errorf("without JavaScript, /handbook/ lists %v, want the impersonation and reporting pages", links)
	}
	if got := js[string](t, noJS, `location.pathname`); got != base+"/handbook/" {
		t.Errorf("without JavaScript, /handbook/#reporting moved to %s", got)
	}
}

// disableScripts turns JavaScript off in the tab.
func disableScripts(t *testing.T, tab context.Context) {
	t.Helper()
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	if err != nil {
		t.Fatalf("disable JavaScript: %v", err)
	}
}
