package site

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestLongURLSegments checks that URLs whose segments cannot be file
// names are errors found while assembling, at the front matter line, in
// a short message, and that check reports exactly what build reports.
func TestLongURLSegments(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 5000)
	tests := []struct {
		name, file, want string
	}{
		{"permalink", "---\ntitle: T\npermalink: /" + long + "/\n---\nBody\n",
			`content/terms.md:3: permalink "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"… is 5002 bytes long; clause accepts at most 2048`},
		{"permalink segment", "---\ntitle: T\npermalink: /legal/" + strings.Repeat("é", 128) + ".html\n---\nBody\n",
			`content/terms.md:3: permalink "/legal/éééééééééééééééé"… has a segment of 261 bytes ("éééééééééééééééééééé"…); a file name holds at most 255`},
		{"slug", "---\ntitle: T\nslug: " + strings.Repeat("b", 256) + "\n---\nBody\n",
			`content/terms.md:3: this file's URL "/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"… is not valid: permalink "/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"… has a segment of 256 bytes`},
		{"redirect source", "---\ntitle: T\nredirect_from:\n  - /old/" + strings.Repeat("c", 300) + "/\n---\nBody\n",
			`has a segment of 300 bytes ("cccccccccccccccccccccccccccccccccccccccc"…); a file name holds at most 255`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newSite(t, with(goodSite, map[string]string{"content/terms.md": tt.file}))
			_, _, err := build(t, src, nil)
			var be *BuildError
			if !errors.As(err, &be) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("build: %v\nwant %q", err, tt.want)
			}
			for _, e := range be.Errors {
				if len(e.Error()) > 400 || strings.Contains(e.Error(), "clause-tmp") {
					t.Errorf("error is not one short line about the source: %s", e.Error())
				}
			}
			report, _ := Check(Options{Source: src, Theme: clause.Theme, Getenv: func(string) string { return "" }})
			var fromCheck []string
			for _, p := range report.Problems {
				if p.Severity != SeverityWarning {
					fromCheck = append(fromCheck, p.Error())
				}
			}
			var fromBuild []string
			for _, e := range be.Errors {
				fromBuild = append(fromBuild, e.Error())
			}
			if strings.Join(fromCheck, "\n") != strings.Join(fromBuild, "\n") {
				t.Errorf("check and build disagree:\ncheck: %q\nbuild: %q", fromCheck, fromBuild)
			}
		})
	}
}

// TestPermalinksCheckedLikeRedirectSources checks permalinks against the
// rules redirect sources follow, on the percent-decoded path too.
func TestPermalinksCheckedLikeRedirectSources(t *testing.T) {
	t.Parallel()
	for permalink, want := range map[string]string{
		"/%2e%2e/%2e%2e/x/": `permalink "/%2e%2e/%2e%2e/x/" contains a ".." segment`,
		"/a/%2E/b/":         `permalink "/a/%2E/b/" contains a "." segment`,
		"/a%2fb/":           `permalink "/a%2fb/" encodes a slash as %2F`,
		"/a%zz/":            `permalink "/a%zz/" has invalid percent-encoding`,
		"/pri\u200bvacy/":   `permalink "/pri\u200bvacy/" contains the invisible character U+200B`,
		"/terms\u202eftp/":  `permalink "/terms\u202eftp/" contains the invisible character U+202E`,
		"/x%E2%80%AEy/":     `permalink "/x%E2%80%AEy/" decodes to a path that contains the invisible character U+202E`,
		"/tab%09/":          `permalink "/tab%09/" decodes to a path that contains the invisible character U+0009`,
	} {
		page := "---\ntitle: T\npermalink: \"" + permalink + "\"\n---\nBody\n"
		src := newSite(t, with(goodSite, map[string]string{"content/terms.md": page}))
		_, _, err := build(t, src, nil)
		if err == nil || !strings.Contains(err.Error(), "content/terms.md:3: "+want) {
			t.Errorf("permalink %q: err = %v\nwant %q", permalink, err, want)
		}
		report, _ := Check(Options{Source: src, Theme: clause.Theme, Getenv: func(string) string { return "" }})
		if report.Errors() == 0 {
			t.Errorf("permalink %q: check found no error", permalink)
		}
	}
	files, _ := mustBuild(t, with(goodSite, map[string]string{"content/terms.md": "---\ntitle: T\npermalink: /caf%C3%A9/\n---\nBody\n"}), nil)
	if len(files) == 0 {
		t.Error("a percent-encoded letter was refused")
	}
}

// TestManifestURLsEncodedLikeSitemap checks that policies.json and the
// feeds percent-encode page URLs exactly as the sitemap does.
func TestManifestURLsEncodedLikeSitemap(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"https://legal.example.com/centre", ""} {
		files, _ := mustBuild(t, map[string]string{
			"clause.yaml":                     "title: T\nbase_url: " + base + "\n",
			"content/Privacy Policy.md":       "---\ntitle: P\nlast_revised: 2026-01-02\n---\nText\n",
			"content/datenschutzerklärung.md": "---\ntitle: D\nlast_revised: 2026-01-03\n---\nText\n",
		}, nil)
		var m manifest
		if err := json.Unmarshal(files["policies.json"], &m); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"P": "/Privacy%20Policy/", "D": "/datenschutzerkl%C3%A4rung/"}
		for _, p := range m.Policies {
			u := base + want[p.Title]
			if base == "" {
				u = want[p.Title]
			}
			if p.URL != u || p.Current == nil || p.Current.URL != u {
				t.Errorf("base %q: policies.json URL of %s = %q, want %q", base, p.Title, p.URL, u)
			}
			if base != "" && !strings.Contains(string(files["sitemap.xml"]), "<loc>"+u+"</loc>") {
				t.Errorf("sitemap has no <loc>%s</loc>", u)
			}
			if !strings.Contains(string(files["changelog.xml"]), `href="`+u+`"`) {
				t.Errorf("base %q: changelog.xml has no link to %s", base, u)
			}
		}
	}
}
