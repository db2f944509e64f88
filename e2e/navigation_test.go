package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// manifest is the part of policies.json the tests read.
type manifest struct {
	Policies []struct {
		Title   string `json:"title"`
		URL     string `json:"url"`
		Current struct {
			LastRevised string `json:"last_revised"`
		} `json:"current"`
		Versions []struct {
			Effective string `json:"effective"`
			URL       string `json:"url"`
			Status    string `json:"status"`
		} `json:"versions"`
	} `json:"policies"`
}

// readJSON decodes the output file name of files into v.
func readJSON(t testing.TB, files map[string][]byte, name string, v any) {
	t.Helper()
	if err := json.Unmarshal(files[name], v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// q quotes s as a JavaScript string.
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowserNavigation opens the sample site, served like a static host,
// and follows what a visitor follows: policy links, the table of
// contents, versions, redlines, redirects and the 404 page.
func TestBrowserNavigation(t *testing.T) {
	skipBrowserInShort(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)
	var m manifest
	readJSON(t, files, "policies.json", &m)
	if len(m.Policies) < 4 {
		t.Fatalf("policies.json lists %d policies, want the sample's 4", len(m.Policies))
	}

	t.Run("home lists every policy", func(t *testing.T) {
		tab := newTab(t, browser)
		for _, p := range m.Policies {
			navigate(t, tab, base+"/")
			link := fmt.Sprintf(`.policy-list a[href=%s]`, q(p.URL))
			item := fmt.Sprintf(`document.querySelector(%s).closest("li")`, q(link))
			if got := js[string](t, tab, item+`.querySelector("h3").textContent.trim()`); got != p.Title {
				t.Errorf("home lists %s as %q, want %q", p.URL, got, p.Title)
			}
			date := js[string](t, tab, item+`.querySelector(".dates time").getAttribute("datetime")`)
			if date != p.Current.LastRevised {
				t.Errorf("home shows %s last revised %q, want %q", p.URL, date, p.Current.LastRevised)
			}
			do(t, tab, "click "+p.URL, chromedp.Click(link))
			waitFor(t, tab, "open "+p.URL, `location.pathname == `+q(p.URL), 5*time.Second)
			waitFor(t, tab, "h1 of "+p.URL, `document.querySelector("h1").textContent.trim() == `+q(p.Title), 5*time.Second)
		}
	})

	t.Run("table of contents and heading anchors", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/privacy/")
		const id = "legal-bases-for-processing"
		do(t, tab, "click toc", chromedp.Click(`.toc a[href="#`+id+`"]`))
		waitFor(t, tab, "hash", `location.hash == "#`+id+`"`, 5*time.Second)
		waitFor(t, tab, "scrolled to the section",
			`window.scrollY > 0 && Math.abs(document.getElementById("`+id+`").getBoundingClientRect().top) < 40`, 5*time.Second)
		bad := js[[]string](t, tab, `[...document.querySelectorAll(".content .anchor")]
			.filter(a => a.getAttribute("href") !== "#" + a.closest("h2,h3,h4").id).map(a => a.outerHTML)`)
		for _, b := range bad {
			t.Errorf("heading anchor does not link to its heading: %s", b)
		}
		if n := js[int](t, tab, `document.querySelectorAll(".content .anchor").length`); n < 5 {
			t.Errorf("only %d heading anchors on /privacy/", n)
		}
		do(t, tab, "click anchor", chromedp.Click(`#children .anchor`))
		waitFor(t, tab, "anchor hash", `location.hash == "#children"`, 5*time.Second)
	})

	t.Run("archived version and history", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/privacy/versions/2025-03-01/")
		waitFor(t, tab, "superseded banner", `/superseded/.test(document.querySelector(".banner-archived").textContent)`, time.Second)
		checkBannerShown(t, tab, ".banner-archived")
		do(t, tab, "click current", chromedp.Click(`.banner-archived a`))
		waitFor(t, tab, "current version", `location.pathname == "/privacy/" && document.querySelector("h1").textContent == "Privacy Policy"`, 5*time.Second)

		navigate(t, tab, base+"/privacy/versions/")
		got := js[[]string](t, tab, `[...document.querySelectorAll(".version-list > li h2 a")].map(a => a.getAttribute("href"))`)
		var want []string
		for _, v := range m.Policies[0].Versions {
			want = append(want, v.URL)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("history lists %v, want %v", got, want)
		}
	})

	t.Run("redline", func(t *testing.T) {
		tab := newTab(t, browser)
		navigate(t, tab, base+"/privacy/versions/2026-09-15/changes/")
		for _, tag := range []string{"ins", "del"} {
			if n := js[int](t, tab, `document.querySelectorAll(".redline `+tag+`").length`); n == 0 {
				t.Errorf("redline has no <%s>", tag)
			}
		}
		links := js[[]string](t, tab, `[...document.querySelectorAll(".redline-summary a")].map(a => a.getAttribute("href"))`)
		if len(links) == 0 {
			t.Fatal("redline summary has no section links")
		}
		for _, href := range links {
			if !strings.HasPrefix(href, "#change-") {
				t.Errorf("redline summary links to %q, want a #change-… section", href)
				continue
			}
			do(t, tab, "click "+href, chromedp.Click(`.redline-summary a[href=`+q(href)+`]`))
			waitFor(t, tab, href, `location.hash == `+q(href)+` && document.querySelector(`+q(href)+`) !== null`, 5*time.Second)
			waitFor(t, tab, href+" in view", `(r => r.top < innerHeight && r.bottom > 0)(document.querySelector(`+q(href)+`).getBoundingClientRect())`, 5*time.Second)
		}
	})

	t.Run("upcoming version announced", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/privacy/")
		checkBannerShown(t, tab, ".banner-upcoming")
		waitFor(t, tab, "upcoming banner",
			`(b => b && b.querySelector("time").getAttribute("datetime") == "2027-01-15" && b.querySelector('a[href="/privacy/versions/2027-01-15/"]') !== null)(document.querySelector(".banner-upcoming"))`,
			time.Second)
	})

	t.Run("redirects", func(t *testing.T) { testRedirects(t, browser, files, base) })

	t.Run("404", func(t *testing.T) {
		tab := newTab(t, browser)
		resp, err := chromedp.RunResponse(tab, chromedp.Navigate(base+"/no/such/page/"))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 404 {
			t.Errorf("status %d, want 404", resp.Status)
		}
		waitFor(t, tab, "404 heading", `document.querySelector("h1").textContent.trim() == "Page not found"`, time.Second)
	})
}

// checkBannerShown checks that the version banner sel is on the first
// screen of the page, in the text column and above the text: a visitor must
// see that a version is superseded or that a change is coming without
// scrolling.
func checkBannerShown(t *testing.T, tab context.Context, sel string) {
	t.Helper()
	box := js[map[string]float64](t, tab, `(b => ({top: b.top, left: b.left, width: b.width, textTop: c.top, textLeft: c.left, textWidth: c.width, screen: innerHeight, screenWidth: innerWidth}))(
		document.querySelector(`+q(sel)+`).getBoundingClientRect(), c = document.querySelector(".content").getBoundingClientRect())`)
	if box["top"] >= box["screen"] || box["top"] >= box["textTop"] || math.Abs(box["left"]-box["textLeft"]) > 1 {
		t.Errorf("%s is not on the first screen, in the text column above the text, at %.0f px wide: banner at x=%.0f y=%.0f, %.0f px wide; the text column is at x=%.0f y=%.0f, %.0f px wide; the screen is %.0f px high",
			sel, box["screenWidth"], box["left"], box["top"], box["width"], box["textLeft"], box["textTop"], box["textWidth"], box["screen"])
	}
}
