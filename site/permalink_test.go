package site

import (
	"testing"

	"github.com/clause-dev/clause/site/markdown"
)

func TestValidatePermalink(t *testing.T) {
	t.Parallel()
	good := []string{"/", "/privacy/", "/privacy.html", "/legal/privacy", "/données/"}
	bad := []string{"", "privacy/", "/a/../b/", "/a//b/", "/a?x=1", "/a#b", `/a\b`, "/a b/", "/a\x00/", "/./a"}
	for _, p := range good {
		if err := validatePermalink(p); err != nil {
			t.Errorf("validatePermalink(%q) = %v", p, err)
		}
	}
	for _, p := range bad {
		if err := validatePermalink(p); err == nil {
			t.Errorf("validatePermalink(%q) = nil, want error", p)
		}
	}
}

func TestURLs(t *testing.T) {
	t.Parallel()
	derived := []struct{ rel, slug, want string }{
		{"privacy.md", "", "/privacy/"},
		{"legal/privacy.md", "", "/legal/privacy/"},
		{"legal/index.md", "", "/legal/"},
		{"legal/privacy.markdown", "", "/legal/privacy/"},
		{"legal/privacy.md", "data", "/legal/data/"},
		{"legal/index.md", "law", "/law/"},
	}
	for _, tt := range derived {
		if got := derivedURL(tt.rel, tt.slug); got != tt.want {
			t.Errorf("derivedURL(%q, %q) = %q, want %q", tt.rel, tt.slug, got, tt.want)
		}
	}
	if got := normalizeURL("/terms"); got != "/terms/" {
		t.Errorf("normalizeURL = %q", got)
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	good := map[string]string{
		"2024-01-02":                "2024-01-02",
		"2024-01-02T10:00:00Z":      "2024-01-02",
		"2024-01-02T23:30:00-05:00": "2024-01-02",
		"2024-01-02 10:00:00":       "2024-01-02",
		"2024-01-02 10:00:00 +0100": "2024-01-02",
	}
	for in, want := range good {
		d, err := ParseDate(in)
		if err != nil || d.ISO() != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"January , 2024", "2024-13-01", "yesterday", ""} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) succeeded", in)
		}
	}
	d, _ := ParseDate("2026-03-01")
	if d.Human() != "1 March 2026" {
		t.Errorf("Human = %q", d.Human())
	}
}

func TestTitleFallbacks(t *testing.T) {
	t.Parallel()
	// The title comes from a heading only when it is the first thing in
	// the body, as jekyll-titles-from-headings reads a page.
	headings := map[string]string{
		"# What We Collect\n\ntext":                        "What We Collect",
		"Intro\n\n## Second *level*\n":                     "",
		"```\n# not a heading\n```\n# Real\n":              "",
		"Setext Title\n============\n\nBody\n":             "Setext Title",
		"Plain text only.\n":                               "",
		"#hashtag is not a heading\n":                      "",
		"### Custom {#custom-id}\n":                        "Custom",
		"## Accounts {: #accounts }\n":                     "Accounts",
		"<!-- draft -->\n# <em>Acme</em> &amp; Co Terms\n": "Acme & Co Terms",
		"Para\n\n---\n\nnot setext under break\n":          "",
	}
	md := markdown.New(markdown.Options{})
	for body, want := range headings {
		if got := md.Title(markdown.LeadingBlock([]byte(body)), markdown.Page{}); got != want {
			t.Errorf("title of %q = %q, want %q", body, got, want)
		}
	}
	names := map[string]string{"cookie-policy.md": "Cookie policy", "legal/index.md": "Legal", "a_b.md": "A b"}
	for rel, want := range names {
		if got := readableName(rel); got != want {
			t.Errorf("readableName(%q) = %q, want %q", rel, got, want)
		}
	}
}
