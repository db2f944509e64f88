package e2e

import (
	"context"
	"testing"
	"time"
)

// testRedirects opens every redirect source of redirects.json in the
// browser, with the host's _redirects not applied (so the HTML stubs do the
// work), and checks that it lands on its target, with and without a
// #fragment that must survive.
func testRedirects(t *testing.T, browser context.Context, files map[string][]byte, base string) {
	var redirects map[string]string
	readJSON(t, files, "redirects.json", &redirects)
	if len(redirects) == 0 {
		t.Fatal("redirects.json lists no redirect")
	}
	tab := newTab(t, browser)
	for _, from := range sortedKeys(redirects) {
		to := redirects[from]
		for _, frag := range []string{"", "#e2e-fragment"} {
			navigate(t, tab, "about:blank")
			navigate(t, tab, base+from+frag)
			waitFor(t, tab, from+frag+" → "+to+frag,
				`location.pathname == `+q(to)+` && location.hash == `+q(frag)+` && document.querySelector("h1") !== null`,
				5*time.Second)
		}
	}
}
