package redirect

import (
	"html"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/clause-dev/clause/internal/statichost"
	"github.com/clause-dev/clause/site/internal/urlpath"
)

// host is a built site served by a real listener on 127.0.0.1.
type host struct {
	srv  *httptest.Server
	base string
}

// serveSite builds the fixture with opts and serves it with statichost.NewAt.
func serveSite(t *testing.T, opts Options, kind statichost.Host) host {
	t.Helper()
	files, errs := Files(resolvedFixture(t), opts)
	if HasErrors(errs) {
		t.Fatalf("building outputs:\n%s", errorList(errs))
	}
	site := siteFiles()
	maps.Copy(site, files)
	srv := httptest.NewServer(statichost.NewAt(opts.BasePath, site, kind))
	t.Cleanup(srv.Close)
	return host{srv: srv, base: opts.BasePath}
}

// get fetches a site path (base path applied), following redirects on the
// test host but stopping at any other host.
func (h host) get(t *testing.T, p string, hops *[]int) *http.Response {
	t.Helper()
	c := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		*hops = append(*hops, req.Response.StatusCode)
		if req.URL.Host != via[0].URL.Host {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := c.Get(h.srv.URL + h.base + urlpath.Escape(p))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// body reads a response body.
func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// requestPaths lists every URL an old link might use for r: both slash
// forms and the spelling it was declared with.
func requestPaths(r Redirect) []string {
	k := sourceKey(r.From)
	return append(variants(k), k, r.From)
}

// landing checks that resp is the target page of r (or, for an external
// target, a redirect to it).
func (h host) landing(t *testing.T, resp *http.Response, r Redirect, from string) {
	t.Helper()
	if isExternal(r.To) {
		if loc := resp.Header.Get("Location"); loc != r.To {
			t.Errorf("%s: ends at Location %q, want %q", from, loc, r.To)
		}
		return
	}
	p, rest := splitTarget(r.To)
	b := body(t, resp)
	if resp.StatusCode != 200 || !strings.HasSuffix(b, "PAGE "+p+"\n") { // a page may carry a moved-sections script
		t.Errorf("%s: landed on %s (%d %q), want page %s", from, resp.Request.URL, resp.StatusCode, b, p)
	}
	if got := resp.Request.URL.EscapedPath(); got != h.base+urlpath.Escape(p) {
		t.Errorf("%s: final path %s, want %s", from, got, h.base+p)
	}
	q, _, _ := strings.Cut(strings.TrimPrefix(rest, "?"), "#")
	if strings.HasPrefix(rest, "?") && resp.Request.URL.RawQuery != q {
		t.Errorf("%s: final query %q, want %q", from, resp.Request.URL.RawQuery, q)
	}
}

// hostOptions are the publishing setups the host tests run with.
var hostOptions = map[string]Options{
	"root":     {Formats: allFormats},
	"policies": policiesOptions,
}

// withRuleFormat returns opts writing _redirects in format f instead of
// netlify.
func withRuleFormat(opts Options, f Format) Options {
	opts.Formats = slices.Clone(opts.Formats)
	opts.Formats[slices.Index(opts.Formats, FormatNetlify)] = f
	return opts
}

// hostFormats pairs each host that reads _redirects with the format made
// for it.
var hostFormats = []struct {
	name   string
	host   statichost.Host
	format Format
}{{"netlify", statichost.Netlify, FormatNetlify}, {"cloudflare", statichost.Cloudflare, FormatCF}}

// TestStaticHostAppliesRedirects checks that on each host, with the
// _redirects format made for it, every old URL answers a real 301 even
// though an HTML stub exists at the same path.
func TestStaticHostAppliesRedirects(t *testing.T) {
	for name, opts := range hostOptions {
		for _, hf := range hostFormats {
			t.Run(name+"/"+hf.name, func(t *testing.T) {
				testRedirectsApplied(t, serveSite(t, withRuleFormat(opts, hf.format), hf.host))
			})
		}
	}
}

// TestStaticHostWrongRuleFormat checks why the two formats exist: Netlify
// serves the stub rather than a plain 301 rule (shadowing), and
// Cloudflare ignores "301!" lines. Either way the stub still redirects.
func TestStaticHostWrongRuleFormat(t *testing.T) {
	opts := hostOptions["root"]
	for _, hf := range []struct {
		host   statichost.Host
		format Format
	}{{statichost.Netlify, FormatCF}, {statichost.Cloudflare, FormatNetlify}} {
		h := serveSite(t, withRuleFormat(opts, hf.format), hf.host)
		for _, r := range resolvedFixture(t) {
			if p := sourceKey(r.From); strings.HasSuffix(p, "/") {
				h.followStub(t, r, p, opts)
			}
		}
	}
}

// testRedirectsApplied requests every spelling of every fixture source
// and expects a 301 from _redirects that lands on the target.
func testRedirectsApplied(t *testing.T, h host) {
	t.Helper()
	for _, r := range resolvedFixture(t) {
		for _, p := range requestPaths(r) {
			var hops []int
			resp := h.get(t, p, &hops)
			if len(hops) == 0 || hops[0] != 301 {
				t.Errorf("%s: first hop %v, want a 301 from _redirects", p, hops)
			}
			h.landing(t, resp, r, p)
		}
	}
}

// metaRefresh and canonical pull the targets out of a stub page.
var (
	metaRefresh = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]*)">`)
	canonical   = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
)

func TestStaticHostServesStubs(t *testing.T) {
	for name, opts := range hostOptions {
		t.Run(name, func(t *testing.T) {
			h := serveSite(t, opts, statichost.Plain)
			for _, r := range resolvedFixture(t) {
				for _, p := range requestPaths(r) {
					h.followStub(t, r, p, opts)
				}
			}
		})
	}
}

// followStub fetches p, expects a 200 stub, checks its canonical link and
// follows its meta refresh to the target.
func (h host) followStub(t *testing.T, r Redirect, p string, opts Options) {
	t.Helper()
	var hops []int
	resp := h.get(t, p, &hops)
	stub := body(t, resp)
	m, c := metaRefresh.FindStringSubmatch(stub), canonical.FindStringSubmatch(stub)
	if resp.StatusCode != 200 || m == nil || c == nil {
		t.Errorf("%s: got %d without a stub:\n%s", p, resp.StatusCode, stub)
		return
	}
	target := html.UnescapeString(m[1])
	want := targetURL(r.To, opts.BasePath)
	if o := siteOrigin(opts.BaseURL); o != "" && !isExternal(want) {
		want = o + want
	}
	if got := html.UnescapeString(c[1]); got != want {
		t.Errorf("%s: canonical %q, want %q", p, got, want)
	}
	if isExternal(r.To) {
		if target != r.To {
			t.Errorf("%s: refresh to %q, want %q", p, target, r.To)
		}
		return
	}
	next, err := resp.Request.URL.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	h.landing(t, h.getURL(t, next), r, p)
}

// getURL fetches an absolute URL on the test host.
func (h host) getURL(t *testing.T, u *url.URL) *http.Response {
	t.Helper()
	resp, err := h.srv.Client().Get(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}
