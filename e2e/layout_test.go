package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageURLs lists the URL of every HTML page in files except redirect
// stubs, in order.
func pageURLs(files map[string][]byte) []string {
	var urls []string
	for _, name := range sortedKeys(files) {
		if !strings.HasSuffix(name, ".html") || parsePage(name, files[name]).stub != "" {
			continue
		}
		urls = append(urls, "/"+strings.TrimSuffix(name, "index.html"))
	}
	return urls
}

// TestBrowserLayout checks the sample site on a 375 px phone, in dark mode
// and in print.
func TestBrowserLayout(t *testing.T) {
	skipBrowserInShort(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)

	t.Run("mobile 375px has no horizontal scrolling", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
		for _, u := range pageURLs(files) {
			navigate(t, tab, base+u)
			sizes := js[[]int](t, tab, `[document.documentElement.scrollWidth, document.documentElement.clientWidth, innerWidth]`)
			if sizes[2] != 375 {
				t.Fatalf("%s: window is %d px wide, want 375", u, sizes[2])
			}
			if sizes[0] > sizes[1] {
				wide := js[[]string](t, tab, widestElements)
				t.Errorf("%s scrolls sideways at 375 px: scrollWidth %d > clientWidth %d; too wide: %s",
					u, sizes[0], sizes[1], strings.Join(wide, ", "))
			}
		}
		navigate(t, tab, base+"/subprocessors/")
		box := js[[]any](t, tab, `(t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX])(document.querySelector(".content table"))`)
		if fmt.Sprint(box[2]) != "auto" || box[0].(float64) <= box[1].(float64) {
			t.Errorf("subprocessors table should scroll inside its own box at 375 px: scrollWidth, clientWidth, overflow-x = %v", box)
		}
	})

	t.Run("dark mode is legible", func(t *testing.T) {
		tab := newTab(t, browser)
		emulateMedia(t, tab, "", true)
		for _, u := range pageURLs(files) {
			navigate(t, tab, base+u)
			c := js[[]string](t, tab, `(s => [s.color, s.backgroundColor])(getComputedStyle(document.body))`)
			fg, bg := parseRGB(t, c[0]), parseRGB(t, c[1])
			if luminance(bg) > 0.2 {
				t.Errorf("%s: dark mode background %s is not dark", u, c[1])
			}
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("%s: body text %s on %s has contrast %.2f, want ≥ 4.5", u, c[0], c[1], r)
			}
		}
	})

	t.Run("print hides navigation and shows link URLs", func(t *testing.T) {
		tab := newTab(t, browser)
		emulateMedia(t, tab, "print", false)
		navigate(t, tab, base+"/privacy/")
		for _, sel := range []string{".site-nav", ".toc", ".skip-link"} {
			if d := js[string](t, tab, `getComputedStyle(document.querySelector("`+sel+`")).display`); d != "none" {
				t.Errorf("print: %s has display %q, want none", sel, d)
			}
		}
		for _, href := range []string{"/terms/", "/cookies/#how-to-control-cookies"} {
			after := js[string](t, tab, `getComputedStyle(document.querySelector('.content a[href="`+href+`"]'), "::after").content`)
			if !strings.Contains(after, href) {
				t.Errorf("print: link to %s shows %s after it, want its URL", href, after)
			}
		}
	})
}

// widestElements lists elements that stick out of the viewport on the
// right, innermost first.
const widestElements = `[...document.querySelectorAll("body *")]
	.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
	.reverse().slice(0, 5)
	.map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " (" + Math.round(e.getBoundingClientRect().right) + " px)")`

// parseRGB parses a computed colour such as "rgb(17, 20, 24)".
func parseRGB(t testing.TB, s string) [3]float64 {
	t.Helper()
	var c [3]float64
	var a float64
	if _, err := fmt.Sscanf(s, "rgb(%g, %g, %g)", &c[0], &c[1], &c[2]); err == nil {
		return c
	}
	if _, err := fmt.Sscanf(s, "rgba(%g, %g, %g, %g)", &c[0], &c[1], &c[2], &a); err == nil && a == 1 {
		return c
	}
	t.Fatalf("cannot read colour %q as an opaque rgb()", s)
	return c
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
