package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// versionedSite has a policy with two earlier versions, one of which had
// another title and permalink, and an upcoming current file.
var versionedSite = map[string]string{
	"clause.yaml": "title: Versioned\nbase_url: https://ex.test/\ntoc: true\n",
	"content/privacy.md": "---\ntitle: Privacy Policy\neffective: 2026-12-01\nlast_revised: 2026-11-01\nsummary: Adds AI search.\nchanges:\n  - New section on AI search\nmaterial: true\n---\n" +
		"## Data\n\nWe collect your name and e-mail.\n\n## AI search\n\nOpt-in only.\n",
	"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy Notice\npermalink: /privacy-notice/\nsummary: First version.\n---\n## Data\n\nWe collect your name.\n",
	"content/privacy/versions/2026-01-01.md": "---\nsummary: Adds e-mail.\nlast_revised: 2025-12-20\n---\n## Data\n\nWe collect your name and e-mail.\n",
	"content/terms.md":                       "---\ntitle: Terms\n---\n## Use\n\nBe kind.\n",
}

func buildAt(t *testing.T, files map[string]string, now string) map[string][]byte {
	t.Helper()
	d, err := ParseDate(now)
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := mustBuild(t, files, func(o *Options) { o.Now = d.Time() })
	return tree
}

func TestVersionPages(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	current := string(tree["privacy/index.html"])
	for _, want := range []string{
		"We collect your name and e-mail.", "A material change to Privacy Policy takes effect on",
		`href="/privacy/versions/2026-12-01/"`, `href="/privacy/versions/2026-12-01/changes/"`,
		`href="/privacy/versions/"`,
	} {
		if !strings.Contains(current, want) {
			t.Errorf("current page lacks %q", want)
		}
	}
	if strings.Contains(current, "Opt-in only") {
		t.Error("current page shows the upcoming text")
	}
	archived := string(tree["privacy/versions/2025-01-01/index.html"])
	for _, want := range []string{"<h1>Privacy Notice</h1>", "This version was in effect from", "1 January 2026", `<meta name="robots" content="noindex">`,
		`<link rel="canonical" href="https://ex.test/privacy/">`, `href="/privacy/">read the current version`} {
		if !strings.Contains(archived, want) {
			t.Errorf("archived page lacks %q", want)
		}
	}
	changes := string(tree["privacy/versions/2026-01-01/changes/index.html"])
	if !strings.Contains(changes, "<ins>") || !strings.Contains(changes, "1 section changed, 0 added, 0 removed") {
		t.Errorf("redline lacks insertions or summary:\n%s", changes)
	}
	upcoming := string(tree["privacy/versions/2026-12-01/index.html"])
	if !strings.Contains(upcoming, "This version takes effect on") || !strings.Contains(upcoming, `class="toc-changed"`) {
		t.Error("upcoming page lacks its banner or changed-section marks in its TOC")
	}
	if strings.Contains(string(tree["sitemap.xml"]), "versions") {
		t.Error("sitemap lists version pages")
	}
	history := string(tree["privacy/versions/index.html"])
	if strings.Index(history, "2026-12-01") > strings.Index(history, "2025-01-01") {
		t.Error("history is not newest first")
	}
	if _, ok := tree["terms/versions/index.html"]; ok {
		t.Error("a policy with one version got a history page")
	}
}

func TestNowFlipsCurrent(t *testing.T) {
	t.Parallel()
	before := buildAt(t, versionedSite, "2026-11-30")
	after := buildAt(t, versionedSite, "2026-12-01")
	if strings.Contains(string(before["privacy/index.html"]), "Opt-in only") {
		t.Error("upcoming text shown before its date")
	}
	if !strings.Contains(string(after["privacy/index.html"]), "Opt-in only") {
		t.Error("new text not current on its effective date")
	}
	var m manifest
	if err := json.Unmarshal(before["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.NextChange != "2026-12-01" {
		t.Errorf("next_change = %q", m.NextChange)
	}
}

func TestManifest(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	var m manifest
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Policies) != 2 {
		t.Fatalf("%d policies", len(m.Policies))
	}
	p := m.Policies[0]
	if p.ID != "privacy" || p.URL != "https://ex.test/privacy/" || p.Current == nil || p.Current.Effective != "2026-01-01" ||
		p.Upcoming == nil || p.Upcoming.Effective != "2026-12-01" || len(p.Versions) != 3 || !p.Upcoming.Material {
		t.Fatalf("privacy entry: %+v", p)
	}
	sum := sha256.Sum256([]byte(versionedSite["content/privacy/versions/2026-01-01.md"]))
	if p.Current.SourceSHA256 != hex.EncodeToString(sum[:]) {
		t.Error("current source_sha256 does not match the version file")
	}
	published := tree["privacy/versions/2026-01-01/index.md"]
	if sum := sha256.Sum256(published); len(published) == 0 || p.Current.SHA256 != hex.EncodeToString(sum[:]) {
		t.Error("current sha256 does not match the published index.md")
	}
	if p.Current.URL != "https://ex.test/privacy/versions/2026-01-01/" || p.Current.LastRevised != "2025-12-20" {
		t.Errorf("current: %+v", p.Current)
	}
	again, _ := json.Marshal(m)
	var m2 manifest
	if err := json.Unmarshal(again, &m2); err != nil || m2.Policies[0].Versions[2].SHA256 != p.Versions[2].SHA256 {
		t.Error("policies.json does not round-trip")
	}
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	for _, name := range []string{"changelog.xml", "privacy/versions/feed.xml"} {
		var f atomFeed
		if err := xml.Unmarshal(tree[name], &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.ID == "" || f.Title == "" || f.Updated == "" || len(f.Entries) < 3 {
			t.Fatalf("%s: incomplete feed %+v", name, f)
		}
		for _, e := range f.Entries {
			if !strings.HasPrefix(e.ID, "urn:clause:") || e.Title == "" || e.Updated == "" || len(e.Links) == 0 {
				t.Errorf("%s: incomplete entry %+v", name, e)
			}
		}
		if f.Entries[0].ID != "urn:clause:privacy:2026-12-01" {
			t.Errorf("%s: first entry %s, want the newest", name, f.Entries[0].ID)
		}
	}
	changelog := string(tree["changelog/index.html"])
	for _, want := range []string{"Adds AI search.", "material change", `href="/privacy/versions/2026-01-01/changes/"`} {
		if !strings.Contains(changelog, want) {
			t.Errorf("changelog lacks %q", want)
		}
	}
}

func TestVersionErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"content/privacy/versions/2026-12-01.md": "dup\n"}, "two versions take effect on 2026-12-01: content/privacy.md and content/privacy/versions/2026-12-01.md"},
		{map[string]string{"content/orphan/versions/2025-01-01.md": "x\n"}, "content/orphan/versions/2025-01-01.md: version file without a policy"},
		{map[string]string{"content/privacy/versions/january.md": "x\n"}, `version file name "january.md" is not a date`},
	}
	for _, tt := range tests {
		_, _, err := build(t, newSite(t, with(versionedSite, tt.files)), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v, want %q", err, tt.want)
		}
	}
}

func TestAutomaticRedirects(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, versionedSite, "2026-06-01")
	rules := string(tree["_redirects"])
	for _, want := range []string{"/privacy-notice/ /privacy/ 301", "/privacy-notice/versions/2025-01-01/ /privacy/versions/2025-01-01/ 301"} {
		if !strings.Contains(rules, want) {
			t.Errorf("_redirects lacks %q:\n%s", want, rules)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Parallel()
	src := newSite(t, versionedSite)
	epoch := func(o *Options) {
		o.Getenv = func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1780000000" // 2026-05-28
			}
			return ""
		}
	}
	a, _, err := build(t, src, epoch)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	b, _, err := build(t, src, epoch)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, readTree(t, a), readTree(t, b))
	data, _ := os.ReadFile(filepath.Join(a, "privacy", "index.html"))
	if strings.Contains(string(data), "Opt-in only") {
		t.Error("SOURCE_DATE_EPOCH ignored")
	}
}
