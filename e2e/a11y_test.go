package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// a11yPages are the sample pages axe-core checks, by name.
var a11yPages = []struct{ name, url string }{
	{"home", "/"},
	{"policy", "/privacy/"},
	{"archived", "/privacy/versions/2025-03-01/"},
	{"history", "/privacy/versions/"},
	{"redline", "/privacy/versions/2026-09-15/changes/"},
	{"changelog", "/changelog/"},
	{"404", "/no/such/page/"},
	{"embed", "/privacy/embed/"},
}

// axeRun runs axe-core on the document for WCAG 2.1 A and AA and returns
// the violations, one entry per element, with the colours axe measured.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
	.then(r => r.violations.flatMap(v => v.nodes.map(n => ({
		rule: v.id, help: v.help, helpUrl: v.helpUrl, target: JSON.stringify(n.target),
		html: n.html.slice(0, 160), data: JSON.stringify((n.any[0] || n.all[0] || n.none[0] || {}).data || null)}))))`

// axeViolation is one element that breaks one axe rule.
type axeViolation struct {
	Rule, Help, HelpURL, Target, HTML, Data string
}

func (v axeViolation) String() string {
	return fmt.Sprintf("%s at %s: %s\n\telement: %s\n\tdata: %s\n\t%s", v.Rule, v.Target, v.Help, v.HTML, v.Data, v.HelpURL)
}

// TestBrowserAccessibility runs axe-core on the main kinds of page in
// light and dark mode, and checks keyboard use and redline labels.
func TestBrowserAccessibility(t *testing.T) {
	skipBrowserInShort(t)
	axe := axeSource(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)
	for _, dark := range []bool{false, true} {
		scheme := map[bool]string{false: "light", true: "dark"}[dark]
		for _, p := range a11yPages {
			t.Run("axe/"+scheme+"/"+p.name, func(t *testing.T) {
				tab := newTab(t, browser)
				emulateMedia(t, tab, "", dark)
				navigate(t, tab, base+p.url)
				for _, v := range runAxe(t, tab, axe) {
					t.Errorf("%s (%s, %s): %s", p.url, scheme, p.name, v)
				}
			})
		}
	}
	t.Run("keyboard", func(t *testing.T) { testKeyboard(t, newTab(t, browser), base) })
	t.Run("redline labels", func(t *testing.T) {
		tab := newTab(t, browser)
		navigate(t, tab, base+"/privacy/versions/2026-09-15/changes/")
		bad := js[[]string](t, tab, `[...document.querySelectorAll(".redline ins, .redline del")].filter(e => {
			const label = e.querySelector(".visually-hidden"), want = e.tagName == "INS" ? "added" : "removed";
			return !label || !label.textContent.includes(want) || getComputedStyle(label).position != "absolute" || label.getBoundingClientRect().width > 1;
		}).map(e => e.outerHTML.slice(0, 120))`)
		for _, b := range bad {
			t.Errorf("redline change lacks a visually hidden added/removed label: %s", b)
		}
		if n := js[int](t, tab, `document.querySelectorAll(".redline ins, .redline del").length`); n == 0 {
			t.Error("the redline has no <ins> or <del>")
		}
	})
}

// runAxe injects axe-core into the page and returns its violations.
func runAxe(t *testing.T, tab context.Context, axe string) []axeViolation {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	raw, err := chromedp.Run(tab, chromedp.Evaluate[[]byte](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("axe.run result %s: %v", raw, err)
	}
	return vs
}

// testKeyboard tabs through the privacy policy at desktop width: the
// table of contents and the version links must be reachable, and the
// focused link (or the summary that opens the contents) must show a
// focus outline.
func testKeyboard(t *testing.T, tab context.Context, base string) {
	do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
	navigate(t, tab, base+"/privacy/")
	reached := map[string]bool{}
	for i := 0; i < 80 && !(reached["toc"] && reached["version"]); i++ {
		do(t, tab, "tab", chromedp.KeyEvent("\t"))
		focus := js[[]string](t, tab, `(e => [e.closest(".toc") ? "toc" : e.closest(".version-nav") ? "version" : "other",
			e.tagName, String(e.matches(":focus-visible")), getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth,
			e.outerHTML.slice(0, 100)])(document.activeElement)`)
		if focus[0] == "other" {
			continue
		}
		reached[focus[0]] = true
		if (focus[1] != "A" && focus[1] != "SUMMARY") || focus[2] != "true" || focus[3] == "none" || focus[4] == "0px" {
			t.Errorf("focused %s control shows no visible focus: :focus-visible %s, outline %s %s: %s",
				focus[0], focus[2], focus[3], focus[4], focus[5])
		}
	}
	for _, want := range []string{"toc", "version"} {
		if !reached[want] {
			t.Errorf("80 presses of Tab never reached a %s link", want)
		}
	}
}
