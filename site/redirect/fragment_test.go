package redirect

import (
	"encoding/json"
	"maps"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/clause-dev/clause/internal/statichost"
)

// resolvedLine formats a resolved redirect as "from -> to @page".
func resolvedLine(r Redirect) string {
	s := r.From + " -> " + r.To
	if r.Fragment() != "" {
		s += " @" + r.Page
	}
	return s
}

func TestResolveMovedSections(t *testing.T) {
	tests := []struct {
		name string
		in   []Redirect
		want []string
		errs []wantErr
	}{
		{
			name: "a section of a page that still exists",
			in: []Redirect{
				fm("/terms#cookies", "/cookies/", "content/cookies.md", 3),
				fm("/terms/#retention", "/privacy/", "content/privacy.md", 4),
			},
			want: []string{"/terms#cookies -> /cookies/ @/terms/", "/terms/#retention -> /privacy/ @/terms/"},
		},
		{
			name: "a section of a page that is gone gets a stub",
			in:   []Redirect{fm("/handbook#cookies", "/cookies/", "content/cookies.md", 3)},
			want: []string{"/handbook#cookies -> /cookies/ @"},
		},
		{
			name: "a section of a page that moved follows it",
			in: []Redirect{
				withOrigin(fm("/old-terms/", "/terms/", "clause.yaml", 2), Config),
				fm("/old-terms#cookies", "/cookies/", "content/cookies.md", 3),
			},
			want: []string{"/old-terms#cookies -> /cookies/ @/terms/", "/old-terms/ -> /terms/"},
		},
		{
			name: "a section of a page that left the site cannot be followed",
			in: []Redirect{
				withOrigin(fm("/status/", "https://status.example.com/", "content/status.md", 2), RedirectTo),
				fm("/status#uptime", "/terms/", "content/terms.md", 5),
			},
			want: []string{"/status/ -> https://status.example.com/"},
			errs: []wantErr{{at: "content/terms.md:5", msg: "/status redirects to https://status.example.com/, where no script of this site sees the #uptime"}},
		},
		{
			name: "one fragment claimed twice",
			in: []Redirect{
				fm("/terms#cookies", "/cookies/", "content/cookies.md", 3),
				fm("/terms/#cookies", "/privacy/", "content/privacy.md", 3),
			},
			want: []string{"/terms#cookies -> /cookies/ @/terms/"},
			errs: []wantErr{{at: "content/privacy.md:3", msg: "redirect source /terms/#cookies is claimed twice"}},
		},
		{
			name: "a moved section that points at itself",
			in:   []Redirect{fm("/terms#a", "/terms/#a", "content/terms.md", 2)},
			errs: []wantErr{{at: "content/terms.md:2", msg: "redirect loop /terms#a → /terms/#a"}},
		},
		{
			name: "moved sections chain",
			in: []Redirect{
				fm("/terms#a", "/terms/#b", "content/terms.md", 2),
				fm("/terms#b", "/privacy/#c", "content/privacy.md", 2),
			},
			want: []string{"/terms#a -> /privacy/#c @/terms/", "/terms#b -> /privacy/#c @/terms/"},
			errs: []wantErr{{at: "content/terms.md:2", warning: true, msg: "redirect chain /terms#a → /terms/#b → /privacy/#c"}},
		},
		{
			name: "an old URL that points at a moved section goes to its page",
			in: []Redirect{
				withOrigin(fm("/rules/", "/terms/#cookies", "clause.yaml", 4), Config),
				fm("/terms#cookies", "/cookies/", "content/cookies.md", 3),
			},
			want: []string{"/rules/ -> /cookies/", "/terms#cookies -> /cookies/ @/terms/"},
			errs: []wantErr{{at: "clause.yaml:4", warning: true, msg: "redirect chain /rules/ → /terms/#cookies → /cookies/"}},
		},
		{
			name: "a moved section's target must exist",
			in:   []Redirect{fm("/terms#cookies", "/gone/", "content/gone.md", 3)},
			errs: []wantErr{{at: "content/gone.md:3", msg: "redirect target /gone/ (from /terms#cookies) does not exist"}},
		},
		{
			name: "an empty fragment is an error",
			in:   []Redirect{fm("/terms#", "/cookies/", "content/cookies.md", 3)},
			errs: []wantErr{{at: "content/cookies.md:3", msg: "empty #fragment"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := Resolve(tc.in, ownerIn(pages))
			var lines []string
			for _, r := range got {
				lines = append(lines, resolvedLine(r))
			}
			if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("resolved:\n got %q\nwant %q", lines, tc.want)
			}
			checkErrors(t, errs, tc.errs)
		})
	}
}

// TestResolveRedirectToPageOldURLs checks that the old URLs of a page
// whose redirect_to leaves the site go where it goes, without a chain
// warning its author could not act on.
func TestResolveRedirectToPageOldURLs(t *testing.T) {
	in := []Redirect{
		withOrigin(fm("/status/", "https://status.example.com/", "content/status.md", 2), RedirectTo),
		fm("/uptime/", "/status/", "content/status.md", 4),
		fm("/uptime.html", "/status/", "content/status.md", 5),
		fm("/elsewhere/", "/status/", "content/terms.md", 6),
	}
	got, errs := resolveExists(in, existsIn(pages))
	checkResolved(t, got, []string{
		"/elsewhere/ -> https://status.example.com/",
		"/status/ -> https://status.example.com/",
		"/uptime.html -> https://status.example.com/",
		"/uptime/ -> https://status.example.com/",
	})
	// Only the redirect declared in another file is a chain to shorten.
	checkErrors(t, errs, []wantErr{{at: "content/terms.md:6", warning: true, msg: "redirect chain /elsewhere/ → /status/ → https://status.example.com/"}})
}

// TestResolveDerivedSources checks that sources clause derives from file
// names may hold encoded spaces and letters outside ASCII, and that the
// pages they collide with are found under their decoded names.
func TestResolveDerivedSources(t *testing.T) {
	owners := map[string]string{"/privacy/": "content/privacy.md", "/Cookie Policy/": "content/Cookie Policy.md"}
	in := []Redirect{
		withOrigin(fm("/Privacy%20Policy/", "/privacy/", "content/privacy.md@abc1234", 0), Automatic),
		withOrigin(fm("/datenschutzerkl%C3%A4rung/", "/privacy/", "content/privacy.md@abc1234", 0), Automatic),
		withOrigin(fm("/cookies/", "/Cookie%20Policy/", "content/Cookie Policy.md@def5678", 0), Automatic),
		withOrigin(fm("/Cookie%20Policy/", "/privacy/", "content/privacy.md@abc1234", 0), Automatic),
		fm("/Old%20Privacy/", "/privacy/", "content/privacy.md", 3),
	}
	got, errs := Resolve(in, ownerIn(owners))
	checkResolved(t, got, []string{
		"/Privacy%20Policy/ -> /privacy/",
		"/cookies/ -> /Cookie%20Policy/",
		"/datenschutzerkl%C3%A4rung/ -> /privacy/",
	})
	checkErrors(t, errs, []wantErr{
		{at: "content/privacy.md:3", msg: `redirect source "/Old Privacy/" contains a space`},
		{at: "content/privacy.md@abc1234", warning: true, msg: "old URL /Cookie%20Policy/ is now a page (content/Cookie Policy.md)"},
	})
}

// movedFixture declares sections moved from a page that exists (/terms/)
// and from one that does not (/handbook/), next to a plain redirect.
var movedFixture = []Redirect{
	fm("/terms#cookies", "/cookies/", "content/cookies.md", 3),
	fm("/terms/#donn%C3%A9es", "/privacy/?from=terms#rights", "content/privacy.md", 4),
	fm("/handbook#cookies", "/cookies/", "content/cookies.md", 4),
	fm("/handbook/#contact", "/terms/", "content/terms.md", 2),
	fm("/tos.html", "/terms/", "content/terms.md", 3),
}

// resolvedMoved resolves movedFixture, failing on any problem.
func resolvedMoved(t *testing.T) []Redirect {
	t.Helper()
	rs, errs := Resolve(movedFixture, ownerIn(pages))
	if len(errs) != 0 {
		t.Fatalf("resolving:\n%s", errorList(errs))
	}
	return rs
}

// movedMap extracts the map of moved sections from a page's script.
var movedMap = regexp.MustCompile(`<script data-clause-moved>[^<]*\}\)\((\{[^<]*\})\);</script>`)

// movedSections returns the moved sections a page's script sends on.
func movedSections(t *testing.T, page []byte) map[string]string {
	t.Helper()
	m := movedMap.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no moved-sections script in:\n%s", page)
	}
	var out map[string]string
	if err := json.Unmarshal(m[1], &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFilesMovedSections(t *testing.T) {
	files, errs := Files(resolvedMoved(t), policiesOptions)
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	for _, name := range []string{netlifyFile, jsonFile, nginxFile, vercelFile} {
		s := string(files[name])
		if !strings.Contains(s, "tos.html") {
			t.Errorf("%s lacks the plain redirect:\n%s", name, s)
		}
		for _, moved := range []string{"#cookies", "#contact", "#donn", "handbook"} {
			if strings.Contains(s, moved) {
				t.Errorf("%s carries the moved section %s:\n%s", name, moved, s)
			}
		}
	}
	if _, ok := files["terms/index.html"]; ok {
		t.Error("a stub was written over the page the sections moved from")
	}
	stub := files["handbook/index.html"]
	want := map[string]string{"cookies": "/policies/cookies/", "contact": "/policies/terms/"}
	if got := movedSections(t, stub); !equalMaps(got, want) {
		t.Errorf("handbook stub sends %v, want %v", got, want)
	}
	for _, link := range []string{`<a href="/policies/cookies/">`, `<a href="/policies/terms/">`, "<code>#contact</code>"} {
		if !strings.Contains(string(stub), link) {
			t.Errorf("handbook stub does not list %s:\n%s", link, stub)
		}
	}
	golden(t, "policies/moved.html.golden", stub)
}

// equalMaps reports whether two string maps hold the same entries.
func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestFilesMovedSectionsWithoutHTML(t *testing.T) {
	_, errs := Files(resolvedMoved(t), Options{Formats: []Format{FormatNetlify}})
	checkErrors(t, errs, []wantErr{{at: "content/terms.md:2", warning: true,
		msg: "redirect source /handbook/#contact has a #fragment and no page at its path", hint: "add html"}})
}

func TestFragmentsApply(t *testing.T) {
	frags := Fragments(resolvedMoved(t), Options{BasePath: "/policies"})
	if len(frags) != 1 || frags["/terms/"] == nil {
		t.Fatalf("Fragments = %v, want the page /terms/ alone", frags)
	}
	pf := frags["/terms/"]
	want := map[string]string{"cookies": "/policies/cookies/", "données": "/policies/privacy/?from=terms#rights"}
	for _, tc := range []struct {
		name, page, before string
		warnings           int
	}{
		{"before </head>", `<!DOCTYPE html><html><head><title>T</title></HEAD><body><h2 id="cookies">Cookies</h2></body></html>`, "</HEAD>", 1},
		{"after <body>", `<body class="x"><p>no head</p></body>`, "<p>", 0},
		{"at the start", `<p id="données">bare</p>`, "<p id", 1},
	} {
		got, errs := pf.Apply([]byte(tc.page))
		if m := movedSections(t, got); !equalMaps(m, want) {
			t.Errorf("%s: script sends %v, want %v", tc.name, m, want)
		}
		if !strings.Contains(string(got), "</script>\n"+tc.before) {
			t.Errorf("%s: script not right before %q:\n%s", tc.name, tc.before, got)
		}
		if len(errs) != tc.warnings || HasErrors(errs) {
			t.Errorf("%s: got %s, want %d warnings", tc.name, errorList(errs), tc.warnings)
		}
	}
	_, errs := pf.Apply([]byte(`<h2 id="cookies">Cookies</h2>`))
	checkErrors(t, errs, []wantErr{{at: "content/cookies.md:3", warning: true,
		msg: `redirect source /terms#cookies names a section that /terms/ still has (id "cookies")`}})
}

// TestMovedScriptEscapes checks that no section ID or URL can end the
// script element or break out of the JavaScript string.
func TestMovedScriptEscapes(t *testing.T) {
	s := string(movedScript([]movedSection{{ID: `</script><b>"x'`, URL: "/a/?q=<&>"}}))
	body := strings.TrimSuffix(strings.TrimPrefix(s, "<script data-clause-moved>"), "</script>\n")
	if strings.ContainsAny(body, "<>") {
		t.Errorf("script body holds markup:\n%s", body)
	}
	if !strings.Contains(body, `"\u003c/script\u003e\u003cb\u003e\"x'"`) {
		t.Errorf("ID not escaped as JSON:\n%s", body)
	}
}

// derivedFixture holds automatic redirects from old URLs that clause
// derived from file names with a space and a letter outside ASCII.
var derivedFixture = []Redirect{
	withOrigin(fm("/Privacy%20Policy/", "/privacy/", "content/privacy.md@abc1234", 0), Automatic),
	withOrigin(fm("/Privacy%20Policy/versions/2024-01-01/", "/privacy/v1/", "content/privacy.md@abc1234", 0), Automatic),
	withOrigin(fm("/datenschutzerkl%C3%A4rung/", "/terms/", "content/terms.md@def5678", 0), Automatic),
}

// serveMoved serves the fixture site with the moved sections and derived
// redirects on host kind, the scripts applied to their pages as the site
// package does.
func serveMoved(t *testing.T, opts Options, kind statichost.Host) (host, []Redirect) {
	t.Helper()
	rs, errs := Resolve(append(slices.Clone(movedFixture), derivedFixture...), ownerIn(pages))
	if len(errs) != 0 {
		t.Fatalf("resolving:\n%s", errorList(errs))
	}
	files, errs := Files(rs, opts)
	if HasErrors(errs) {
		t.Fatalf("building outputs:\n%s", errorList(errs))
	}
	site := siteFiles()
	maps.Copy(site, files)
	for page, pf := range Fragments(rs, opts) {
		name := stubPath(sourceKey(page))
		site[name], _ = pf.Apply(site[name])
	}
	srv := httptest.NewServer(statichost.NewAt(opts.BasePath, site, kind))
	t.Cleanup(srv.Close)
	return host{srv: srv, base: opts.BasePath}, rs
}

// TestStaticHostMovedSections requests the path of every moved section,
// as a browser does (the fragment stays in the browser), on every host:
// the page that answers must carry a script that sends the fragment to
// the section's new URL, and that URL must answer with the target.
func TestStaticHostMovedSections(t *testing.T) {
	checked := 0
	defer func() {
		if want := 2 * 3 * 4 * 2; checked != want { // setups × hosts × sections × spellings
			t.Errorf("checked %d requests, want %d", checked, want)
		}
	}()
	for name, opts := range hostOptions {
		for _, kind := range []statichost.Host{statichost.Plain, statichost.Netlify, statichost.Cloudflare} {
			opts := opts
			if kind == statichost.Cloudflare {
				opts = withRuleFormat(opts, FormatCF)
			}
			h, rs := serveMoved(t, opts, kind)
			for _, r := range rs {
				if r.Fragment() == "" {
					continue
				}
				page, _, _ := strings.Cut(r.From, "#")
				for _, p := range variants(sourceKey(page)) {
					checked++
					var hops []int
					resp := h.get(t, p, &hops)
					if resp.StatusCode != 200 {
						t.Errorf("%s %v: %s answers %d", name, kind, p, resp.StatusCode)
						continue
					}
					to := movedSections(t, []byte(body(t, resp)))[r.Fragment()]
					if want := targetURL(r.To, opts.BasePath); to != want {
						t.Errorf("%s %v: %s#%s is sent to %q, want %q", name, kind, p, r.Fragment(), to, want)
						continue
					}
					next, err := resp.Request.URL.Parse(to)
					if err != nil {
						t.Fatal(err)
					}
					h.landing(t, h.getURL(t, next), r, r.From)
				}
			}
		}
	}
}

// TestStaticHostDerivedSources requests the old URLs clause derived from
// file names, percent-encoded as browsers send them, on every host: each
// ends at its target, through _redirects or through the stub written at
// the decoded path, where the page itself used to be written.
func TestStaticHostDerivedSources(t *testing.T) {
	for name, opts := range hostOptions {
		for _, kind := range []statichost.Host{statichost.Plain, statichost.Netlify, statichost.Cloudflare} {
			opts := opts
			if kind == statichost.Cloudflare {
				opts = withRuleFormat(opts, FormatCF)
			}
			h, _ := serveMoved(t, opts, kind)
			for _, r := range derivedFixture {
				for _, p := range variants(sourceKey(r.From)) {
					var hops []int
					resp := h.get(t, p, &hops)
					if kind == statichost.Plain {
						h.followStub(t, r, p, opts)
						continue
					}
					if len(hops) == 0 || hops[0] != 301 {
						t.Errorf("%s %v: %s: first hop %v, want a 301 from _redirects", name, kind, p, hops)
					}
					h.landing(t, resp, r, p)
				}
			}
		}
	}
}

func TestFilesDerivedSources(t *testing.T) {
	rs, errs := Resolve(derivedFixture, ownerIn(pages))
	if len(errs) != 0 {
		t.Fatalf("resolving:\n%s", errorList(errs))
	}
	files, errs := Files(rs, policiesOptions)
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	for _, name := range []string{"Privacy Policy/index.html", "Privacy Policy/versions/2024-01-01/index.html", "datenschutzerklärung/index.html"} {
		if files[name] == nil {
			t.Errorf("no stub %s; stubs are written where the page was, under its decoded name", name)
		}
	}
	for name, want := range map[string][]string{
		netlifyFile: {"/policies/Privacy%20Policy/ /policies/privacy/ 301!", "/policies/datenschutzerkl%C3%A4rung /policies/terms/ 301!"},
		jsonFile:    {`"/policies/Privacy%20Policy/versions/2024-01-01/": "/policies/privacy/v1/"`, `"/policies/datenschutzerkl%C3%A4rung/": "/policies/terms/"`},
		nginxFile:   {`"/policies/Privacy Policy/" "/policies/privacy/";`, `"/policies/datenschutzerklärung" "/policies/terms/";`},
		vercelFile:  {`"source": "/policies/Privacy%20Policy/"`, `"source": "/policies/datenschutzerkl%C3%A4rung"`},
	} {
		for _, line := range want {
			if !strings.Contains(string(files[name]), line) {
				t.Errorf("%s lacks %s:\n%s", name, line, files[name])
			}
		}
	}
}

// TestMovedStubTitles checks that the page listing moved sections names
// them by title when the site knows it, escaped, and by URL otherwise.
func TestMovedStubTitles(t *testing.T) {
	title := func(p string) string {
		if p == "/cookies/" {
			return "Cookie <policy>"
		}
		return ""
	}
	files, errs := Files(resolvedMoved(t), Options{Formats: []Format{FormatHTML}, Title: title})
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	stub := string(files["handbook/index.html"])
	for _, want := range []string{`<a href="/cookies/">Cookie &lt;policy&gt;</a>`, `<a href="/terms/">/terms/</a>`} {
		if !strings.Contains(stub, want) {
			t.Errorf("stub lacks %s:\n%s", want, stub)
		}
	}
}
