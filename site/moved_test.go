package site

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// movedSite is a community center whose guidelines lost two sections to
// pages of their own, and whose old handbook page is gone.
var movedSite = map[string]string{
	"clause.yaml":           "title: Example Community\nbase_url: https://help.example.test/center/\n",
	"content/guidelines.md": "---\ntitle: Community guidelines\n---\n## Harassment\n\nTreat others with respect.\n\n## Spam\n\nDo not flood the forums.\n",
	"content/impersonation.md": "---\ntitle: Impersonation\nredirect_from:\n  - /guidelines#impersonation\n  - /guidelines/#fake-accounts\n" +
		"  - /handbook#impersonation\n---\nDo not pretend to be someone else.\n",
	"content/spam.md":   "---\ntitle: Spam\nredirect_from: [\"/guidelines#spam\", \"/handbook/#bulk-mail\"]\n---\nNo bulk messages.\n",
	"content/legacy.md": "---\ntitle: Legacy\n---\nKept for reference.\n",
}

// movedScriptMap pulls the map of moved sections out of a page.
var movedScriptMap = regexp.MustCompile(`<script data-clause-moved>[^<]*\}\)\((\{[^<]*\})\);</script>\n</head>`)

// movedIn returns the moved sections a page's script sends on, or nil.
func movedIn(t *testing.T, page []byte) map[string]string {
	t.Helper()
	m := movedScriptMap.FindSubmatch(page)
	if m == nil {
		return nil
	}
	var out map[string]string
	if err := json.Unmarshal(m[1], &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMovedSections(t *testing.T) {
	t.Parallel()
	tree, res := mustBuild(t, movedSite, nil)
	got := movedIn(t, tree["guidelines/index.html"])
	want := map[string]string{"impersonation": "/center/impersonation/", "fake-accounts": "/center/impersonation/", "spam": "/center/spam/"}
	if len(got) != len(want) {
		t.Fatalf("guidelines/index.html sends %v, want %v", got, want)
	}
	for id, u := range want {
		if got[id] != u {
			t.Errorf("guidelines/index.html sends #%s to %q, want %q", id, got[id], u)
		}
	}
	for _, page := range []string{"impersonation/index.html", "spam/index.html", "index.html", "legacy/index.html"} {
		if strings.Contains(string(tree[page]), "data-clause-moved") {
			t.Errorf("%s has a moved-sections script", page)
		}
	}
	stub := string(tree["handbook/index.html"])
	for _, s := range []string{`"bulk-mail":"/center/spam/"`, `"impersonation":"/center/impersonation/"`,
		`<a href="/center/spam/">Spam</a>`, "<code>#bulk-mail</code>", `<meta name="robots" content="noindex">`} {
		if !strings.Contains(stub, s) {
			t.Errorf("handbook stub lacks %s:\n%s", s, stub)
		}
	}
	for _, name := range []string{"_redirects", "redirects.json"} {
		if s := string(tree[name]); strings.Contains(s, "guidelines") || strings.Contains(s, "handbook") {
			t.Errorf("%s names a moved section:\n%s", name, s)
		}
	}
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Error())
	}
	wantWarning := `content/spam.md:3: warning: redirect source /guidelines#spam names a section that /guidelines/ still has (id "spam")`
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], wantWarning) {
		t.Errorf("warnings:\n%s\nwant one starting %s", strings.Join(warnings, "\n"), wantWarning)
	}
}

func TestMovedSectionErrors(t *testing.T) {
	t.Parallel()
	files := with(movedSite, map[string]string{
		"content/old.html":  "<!DOCTYPE html><title>Old</title><p>Old page.</p>\n",
		"content/legacy.md": "---\ntitle: Legacy\nredirect_from:\n  - /old.html#notes\n  - /guidelines#\n---\nKept.\n",
	})
	_, _, err := build(t, newSite(t, files), nil)
	for _, want := range []string{
		"content/legacy.md:4: redirect source /old.html#notes needs a page that clause renders at /old.html, but old.html is a copied file",
		`content/legacy.md:5: redirect source "/guidelines#" has an empty #fragment`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\nwant it to contain %s", err, want)
		}
	}
}

// TestMovedSectionsIncremental checks that declaring a moved section
// re-renders the page it moved from in the dev server, whose cache would
// otherwise keep that page as it was.
func TestMovedSectionsIncremental(t *testing.T) {
	t.Parallel()
	dir := newSite(t, movedSite)
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"---\ntitle: Legacy\nredirect_from: /guidelines#history\n---\nKept.\n",
		"---\ntitle: Legacy\n---\nKept.\n",
	} {
		writeTree(t, dir, map[string]string{"content/legacy.md": text})
		got, _, _, err := sess.rebuild([]fileChange{{Path: filepath.Join(dir, "content", "legacy.md")}})
		if err != nil {
			t.Fatal(err)
		}
		diffFull(t, got, opts)
		if moved := movedIn(t, got["guidelines/index.html"]); (moved["history"] != "") != strings.Contains(text, "#history") {
			t.Errorf("after writing %q the guidelines send %v", text, moved)
		}
	}
}

// TestRedirectFromOnExternalRedirectTo checks that the old URLs of a page
// that only redirects to another site go to that site.
func TestRedirectFromOnExternalRedirectTo(t *testing.T) {
	t.Parallel()
	tree, res := mustBuild(t, map[string]string{
		"clause.yaml":       "title: T\n",
		"content/terms.md":  "## Use\n\nBe kind.\n",
		"content/status.md": "---\nredirect_to: https://status.example.test/\nredirect_from: [/uptime/, /status.html]\naliases: [availability]\n---\n",
	}, nil)
	var m map[string]string
	if err := json.Unmarshal(tree["redirects.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{"/status/", "/uptime/", "/status.html", "/availability"} {
		if m[from] != "https://status.example.test/" {
			t.Errorf("redirects.json sends %s to %q, want the status site; got %v", from, m[from], m)
		}
	}
	for _, stub := range []string{"uptime/index.html", "status.html", "availability/index.html"} {
		if !strings.Contains(string(tree[stub]), `content="0; url=https://status.example.test/"`) {
			t.Errorf("%s does not refresh to the status site:\n%s", stub, tree[stub])
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
}

// TestDerivedRedirectsPercentEncoded builds a repository whose policies
// were once files named with a space and with a letter outside ASCII, and
// a redirect_to page named with a space: every old URL redirects, encoded
// in the rule files as browsers send it and written as a stub where the
// page itself used to be written.
func TestDerivedRedirectsPercentEncoded(t *testing.T) {
	t.Parallel()
	dir := gitSite(t)
	commit(t, dir, "2026-02-01", "add policies with old-style names", map[string]string{
		"clause.yaml":                     "title: Git\nredirects:\n  formats: [html, netlify, json, nginx, vercel]\n",
		"content/Cookie Policy.md":        "---\ntitle: Cookies\neffective: 2026-02-01\n---\nWe use one cookie for the session, and no other cookie at all.\n",
		"content/datenschutzerklärung.md": "---\ntitle: Datenschutz\neffective: 2026-02-01\n---\nWir speichern Ihren Namen und sonst nichts, solange Ihr Konto besteht.\n",
		"content/Old Notice.md":           "---\nredirect_to: /privacy/\n---\n",
	})
	git(t, dir, "2026-03-01", "mv", "content/Cookie Policy.md", "content/cookies.md")
	git(t, dir, "2026-03-01", "mv", "content/datenschutzerklärung.md", "content/datenschutz.md")
	commit(t, dir, "2026-03-01", "rename", nil)
	dest, _, err := build(t, dir, func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2026-06-01") })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	for name, lines := range map[string][]string{
		"_redirects":           {"/Cookie%20Policy/ /cookies/ 301!", "/datenschutzerkl%C3%A4rung /datenschutz/ 301!", "/Old%20Notice/ /privacy/ 301!"},
		"redirects.json":       {`"/Cookie%20Policy/": "/cookies/"`, `"/datenschutzerkl%C3%A4rung/": "/datenschutz/"`, `"/Old%20Notice/": "/privacy/"`},
		"redirects.nginx.conf": {`"/Cookie Policy/" "/cookies/";`, `"/datenschutzerklärung/" "/datenschutz/";`},
		"vercel.json":          {`"source": "/Cookie%20Policy/"`, `"source": "/datenschutzerkl%C3%A4rung/"`},
	} {
		for _, l := range lines {
			if !strings.Contains(string(tree[name]), l) {
				t.Errorf("%s lacks %s:\n%s", name, l, tree[name])
			}
		}
	}
	for stub, to := range map[string]string{"Cookie Policy/index.html": "/cookies/", "datenschutzerklärung/index.html": "/datenschutz/", "Old Notice/index.html": "/privacy/"} {
		if !strings.Contains(string(tree[stub]), `content="0; url=`+to+`"`) {
			t.Errorf("%s does not refresh to %s:\n%s", stub, to, tree[stub])
		}
	}
}

// TestCheckLinksToMovedSections checks that check names the new page of a
// moved section that a policy still links to, on a page that exists and
// on one that is gone, and that old URLs derived from file names count as
// redirects for links.
func TestCheckLinksToMovedSections(t *testing.T) {
	t.Parallel()
	_, out := runCheck(t, map[string]string{
		"content/conduct.md": "---\ntitle: Conduct\ndescription: How to behave.\nlast_revised: 2026-01-01\nredirect_from: [/terms#conduct, /rules/#appeals]\n---\n\nBe kind.\n",
		"content/privacy.md": page("See [conduct](/terms/#conduct), [appeals](/rules/#appeals) and [liability](terms.md#liability).\n"),
	}, nil)
	for _, want := range []string{
		`content/privacy.md:7:15: warning: broken link "/terms/#conduct": section #conduct of /terms/ moved to /conduct/, where only a script sends visitors`,
		`content/privacy.md:7:43: warning: broken link "/rules/#appeals": section #appeals of /rules/ moved to /conduct/, where only a script sends visitors`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks\n%s\ngot:\n%s", want, out)
		}
	}
	if strings.Contains(out, "liability") {
		t.Errorf("a working link is reported:\n%s", out)
	}
}

// TestMovedSectionWarningReplayed checks that the dev server keeps
// warning about a moved section the old page still has when it serves
// that page from its cache.
func TestMovedSectionWarningReplayed(t *testing.T) {
	t.Parallel()
	dir := newSite(t, movedSite)
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	for i, changes := range [][]fileChange{nil, {{Path: filepath.Join(dir, "content", "legacy.md")}}} {
		if i > 0 {
			writeTree(t, dir, map[string]string{"content/legacy.md": "---\ntitle: Legacy\n---\nKept, with a new word.\n"})
		}
		_, _, res, err := sess.rebuild(changes)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "/guidelines#spam names a section") {
			t.Errorf("build %d: warnings %v, want the one about #spam", i, res.Warnings)
		}
	}
}

// TestMovedSectionsPageInSiteLanguage checks that the page listing moved
// sections is written in the site's language through layouts/moved.html,
// and that a site's own moved.html replaces the theme's.
func TestMovedSectionsPageInSiteLanguage(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for k, v := range movedSite {
		files[k] = v
	}
	files["clause.yaml"] = "title: Beispiel\nlanguage: de\nbase_url: https://help.example.test/center/\n"
	tree, _ := mustBuild(t, files, nil)
	stub := string(tree["handbook/index.html"])
	for _, s := range []string{`<html lang="de">`, "<title>Diese Seite ist umgezogen</title>", "<p>Ihre Abschnitte sind jetzt hier:</p>",
		`(früher <code>#bulk-mail</code>)`, `"bulk-mail":"/center/spam/"`} {
		if !strings.Contains(stub, s) {
			t.Errorf("German handbook stub lacks %s:\n%s", s, stub)
		}
	}
	files["layouts/moved.html"] = `<!DOCTYPE html><html lang="{{ .Lang }}"><head>{{ .Script }}</head><body class="own">{{ range .Sections }}<a href="{{ .URL }}">{{ .ID }}</a>{{ end }}</body></html>`
	tree, _ = mustBuild(t, files, nil)
	if stub := string(tree["handbook/index.html"]); !strings.Contains(stub, `<body class="own"><a href="/center/spam/">bulk-mail</a>`) {
		t.Errorf("the site's moved.html is not used:\n%s", stub)
	}
}
