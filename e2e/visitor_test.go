package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserVisitor checks the parts of the default theme that a visitor
// handles besides the text: the policy menu on a phone and on a desktop,
// the table of contents that starts closed on phones, the section marked
// as being read at the end of a page, and redline markers in print.
func TestBrowserVisitor(t *testing.T) {
	skipBrowserInShort(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)

	t.Run("menu on a phone", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
		navigate(t, tab, base+"/privacy/")
		if js[bool](t, tab, `document.querySelector(".site-menu").open`) {
			t.Fatal("the policy menu is open when the page loads")
		}
		do(t, tab, "open menu", chromedp.Click(`.site-menu > summary`))
		waitFor(t, tab, "menu open", `document.querySelector(".site-menu").open`, 5*time.Second)
		box := js[[]float64](t, tab, `(r => [r.left, r.right, document.documentElement.clientWidth, document.documentElement.scrollWidth])(document.querySelector(".site-menu-panel").getBoundingClientRect())`)
		if box[0] < 0 || box[1] > box[2] || box[3] > box[2] {
			t.Errorf("the open menu does not fit a 375 px screen: left %.0f, right %.0f, width %.0f, scroll width %.0f", box[0], box[1], box[2], box[3])
		}
		do(t, tab, "escape", chromedp.KeyEvent("\x1b"))
		waitFor(t, tab, "menu closed by Escape", `!document.querySelector(".site-menu").open`, 5*time.Second)
		do(t, tab, "open menu again", chromedp.Click(`.site-menu > summary`))
		do(t, tab, "follow the changelog", chromedp.Click(`.site-menu-panel a[href="/changelog/"]`))
		waitFor(t, tab, "changelog", `location.pathname == "/changelog/" && document.readyState == "complete"`, 5*time.Second)
	})

	t.Run("menu on a desktop closes on a click elsewhere", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/terms/")
		do(t, tab, "open menu", chromedp.Click(`.site-menu > summary`))
		box := js[[]float64](t, tab, `(r => [r.left, r.right, innerWidth])(document.querySelector(".site-menu-panel").getBoundingClientRect())`)
		if box[0] < 0 || box[1] > box[2] {
			t.Errorf("the open menu sticks out of the window: left %.0f, right %.0f of %.0f", box[0], box[1], box[2])
		}
		if n := js[int](t, tab, `document.querySelectorAll(".site-menu-panel a[aria-current=page]").length`); n != 1 {
			t.Errorf("the menu marks %d entries as the current page, want 1", n)
		}
		do(t, tab, "click the page's margin", chromedp.MouseClickXY(20, 600))
		waitFor(t, tab, "menu closed", `!document.querySelector(".site-menu").open`, 5*time.Second)
	})

	t.Run("contents start closed on a phone and open on a desktop", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
		navigate(t, tab, base+"/privacy/")
		waitFor(t, tab, "script ran", `document.readyState == "complete"`, 5*time.Second)
		if js[bool](t, tab, `document.querySelector(".toc-details").open`) {
			t.Error("the table of contents is open on a 375 px phone")
		}
		if h := js[float64](t, tab, `document.querySelector(".toc").getBoundingClientRect().height`); h > 80 {
			t.Errorf("the closed table of contents is %.0f px tall on a phone, want one line", h)
		}
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/privacy/")
		waitFor(t, tab, "script ran", `document.readyState == "complete"`, 5*time.Second)
		if !js[bool](t, tab, `document.querySelector(".toc-details").open`) {
			t.Error("the table of contents is closed on a desktop")
		}
	})

	t.Run("the last section is marked at the end of the page", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/privacy/")
		do(t, tab, "scroll to the end", chromedp.Evaluate[chromedp.Void](`scrollTo(0, document.documentElement.scrollHeight)`))
		last := js[string](t, tab, `(l => l[l.length - 1].getAttribute("href"))(document.querySelectorAll(".has-toc > .toc a[href^='#']"))`)
		waitFor(t, tab, "last entry marked", `document.querySelector(".has-toc > .toc a[aria-current=location]")?.getAttribute("href") == `+q(last), 5*time.Second)
	})

	t.Run("upcoming changes, the legend and moving between versions", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/")
		if !js[bool](t, tab, `(h => !!h && h.getBoundingClientRect().height > 0)(document.getElementById("upcoming-changes"))`) {
			t.Error("the home page shows no upcoming changes, though the sample has an upcoming version")
		}
		navigate(t, tab, base+"/privacy/")
		if d := js[string](t, tab, `getComputedStyle(document.querySelector(".toc-legend")).display`); d == "none" {
			t.Error("the legend of the changed-section bars is hidden beside marked entries")
		}
		navigate(t, tab, base+"/terms/versions/2025-08-01/")
		first := js[string](t, tab, `document.title`)
		do(t, tab, "next version", chromedp.Click(`.version-nav a[rel=next]`))
		waitFor(t, tab, "next version", `location.pathname == "/terms/versions/2026-06-24/" && document.readyState == "complete"`, 5*time.Second)
		if next := js[string](t, tab, `document.title`); next == first || !strings.Contains(next, "version of") {
			t.Errorf("version pages are titled %q and %q; want distinct titles naming the version", first, next)
		}
	})

	t.Run("an archived version compares with the current one", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
		navigate(t, tab, base+"/terms/versions/2025-01-10/")
		do(t, tab, "compare", chromedp.Click(`.version-nav a[href="/terms/versions/2025-01-10/compare/"]`))
		waitFor(t, tab, "comparison", `location.pathname == "/terms/versions/2025-01-10/compare/" && document.readyState == "complete"`, 5*time.Second)
		if n := js[int](t, tab, `document.querySelectorAll(".redline ins, .redline del, .redline .block-added, .redline .block-removed").length`); n == 0 {
			t.Error("the comparison with the current version marks no change")
		}
	})

	t.Run("printed redlines keep their markers", func(t *testing.T) {
		tab := newTab(t, browser)
		emulateMedia(t, tab, "print", false)
		navigate(t, tab, base+"/terms/versions/2026-06-24/changes/")
		got := js[[]string](t, tab, `["ins", "del"].map(s => getComputedStyle(document.querySelector(".redline " + s), "::before").content)`)
		if got[0] != `"[+"` || got[1] != `"[−"` {
			t.Errorf("printed insertions and deletions begin with %q and %q, want [+ and [−", got[0], got[1])
		}
		if d := js[string](t, tab, `getComputedStyle(document.querySelector(".redline-summary .legend")).display`); d == "none" {
			t.Error("the redline's legend is hidden in print")
		}
	})
}

// TestBrowserTextColumn checks on a desktop that the text column starts
// at the same place on every kind of page, with or without a table of
// contents, so that moving between them does not shift the text.
func TestBrowserTextColumn(t *testing.T) {
	skipBrowserInShort(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)
	tab := newTab(t, browser)
	do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
	var first float64
	for i, u := range []string{"/", "/privacy/", "/terms/versions/", "/terms/versions/2026-06-24/changes/", "/changelog/", "/subprocessors/"} {
		navigate(t, tab, base+u)
		left := js[float64](t, tab, `document.querySelector("main h1").getBoundingClientRect().left`)
		if i == 0 {
			first = left
		} else if left != first {
			t.Errorf("%s: the title starts at %.0f px, the home page's at %.0f px", u, left, first)
		}
	}
}
