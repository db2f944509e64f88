package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// verifyRecords reads policies.json as a consent system would and checks,
// for every version, that sha256 is the hash of the published index.md,
// that index.txt is published, and that each section's sha256 is the
// hash of its part of index.txt, found from its title line and underline
// as a reader finds it. prefix is what the manifest's URLs start with
// before the output path. It returns the versions checked.
func verifyRecords(t *testing.T, tree map[string][]byte, prefix string) int {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range m.Policies {
		for _, v := range p.Versions {
			n++
			md, ok := tree[strings.TrimPrefix(v.MarkdownURL, prefix)]
			if !ok {
				t.Errorf("%s: markdown_url %s is not published", p.ID, v.MarkdownURL)
				continue
			}
			if sum := sha256.Sum256(md); hex.EncodeToString(sum[:]) != v.SHA256 {
				t.Errorf("%s %s: sha256 is not the hash of %s", p.ID, v.Effective, v.MarkdownURL)
			}
			txt, ok := tree[strings.TrimPrefix(v.TextURL, prefix)]
			if !ok {
				t.Errorf("%s: text_url %s is not published", p.ID, v.TextURL)
				continue
			}
			verifySections(t, p.ID, string(txt), v.Sections)
			for _, tr := range v.Translations {
				n++
				md, ok := tree[strings.TrimPrefix(tr.MarkdownURL, prefix)]
				if sum := sha256.Sum256(md); !ok || hex.EncodeToString(sum[:]) != tr.SHA256 {
					t.Errorf("%s %s, %s translation: sha256 is not the hash of %s (published: %v)", p.ID, v.Effective, tr.Lang, tr.MarkdownURL, ok)
				}
				if _, ok := tree[strings.TrimPrefix(tr.TextURL, prefix)]; !ok {
					t.Errorf("%s %s, %s translation: text_url %s is not published", p.ID, v.Effective, tr.Lang, tr.TextURL)
				}
			}
		}
	}
	return n
}

// TestRecordsOfTranslations checks that each translation listed in
// policies.json has its published Markdown and text, and that its sha256
// is the hash of that Markdown, as a version's is.
func TestRecordsOfTranslations(t *testing.T) {
	t.Parallel()
	tree := buildCase(t, "translations-locales")
	if n := verifyRecords(t, tree, "https://privacy.larkspur.example/"); n < 8 {
		t.Errorf("checked %d versions and translations, want at least 8", n)
	}
}

// verifySections recomputes each section's hash from the plain text.
func verifySections(t *testing.T, id, txt string, sections []manifestSection) {
	t.Helper()
	starts := make([]int, len(sections))
	from := 0
	for i, s := range sections {
		i0 := sectionStart(txt[from:], s.Title)
		if i0 < 0 {
			t.Errorf("%s: section %q not found in index.txt", id, s.Title)
			return
		}
		starts[i], from = from+i0, from+i0+1
	}
	for i, s := range sections {
		end := len(txt)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		text := strings.TrimRight(txt[starts[i]:end], "\n") + "\n"
		if sum := sha256.Sum256([]byte(text)); hex.EncodeToString(sum[:]) != s.SHA256 {
			t.Errorf("%s: section %s: sha256 is not the hash of its text %q", id, s.ID, text)
		}
	}
}

// sectionStart finds a heading line: the title, then an underline as long.
func sectionStart(txt, title string) int {
	for _, mark := range []string{"-", "~", "="} {
		h := title + "\n" + strings.Repeat(mark, utf8.RuneCountInString(title)) + "\n"
		if i := strings.Index(txt, h); i == 0 || i > 0 && txt[i-1] == '\n' {
			return i
		}
	}
	return -1
}

func TestRecordsVerifyFromPublishedText(t *testing.T) {
	t.Parallel()
	dest, _, err := build(t, filepath.Join("testdata", "sites", "records-sections"), func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	if n := verifyRecords(t, tree, "https://privacy.larkspur.example/"); n != 4 {
		t.Errorf("checked %d versions, want 4", n)
	}
	// Liquid is substituted in the published Markdown, as on the page.
	md := string(tree["privacy/versions/2025-02-01/index.md"])
	if !strings.HasPrefix(md, "This notice explains how Larkspur Tide Ltd handles") || strings.Contains(md, "{{") || strings.Contains(md, "summary:") {
		t.Errorf("published Markdown:\n%s", md)
	}
	if !strings.HasPrefix(string(tree["privacy/versions/2025-02-01/index.txt"]), "Privacy Notice\n==============\n\n") {
		t.Errorf("published text does not start with the title:\n%s", tree["privacy/versions/2025-02-01/index.txt"])
	}
}

func TestRecordsFromGitHistory(t *testing.T) {
	t.Parallel()
	src := gitSite(t)
	dest, _, err := build(t, src, func(o *Options) {
		o.History = "git"
		o.Now = mustDate(t, "2026-06-01")
	})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	if n := verifyRecords(t, tree, "/"); n < 4 {
		t.Errorf("checked %d versions, want the 3 of privacy and notes' 1 at least", n)
	}
	for date, text := range map[string]string{"2024-01-01": histV1, "2025-01-01": histV2, "2026-01-01": histV3} {
		body := text[strings.Index(text, "\n---\n")+5:]
		if got := string(tree["privacy/versions/"+date+"/index.md"]); got != body {
			t.Errorf("%s: published %q, want the body of that commit %q", date, got, body)
		}
	}
}

// ids returns every id attribute of an HTML page, in order.
func ids(t *testing.T, page []byte) []string {
	t.Helper()
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		for _, a := range z.Token().Attr {
			if a.Key == "id" {
				out = append(out, a.Val)
			}
		}
	}
}

func TestStableSectionIDs(t *testing.T) {
	t.Parallel()
	dest, _, err := build(t, filepath.Join("testdata", "sites", "records-sections"), func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	aliases := `<span id="1-what-we-collect" class="section-alias"></span><span id="2-what-we-collect" class="section-alias"></span><h2 id="2-data-we-collect">`
	for _, p := range []string{"privacy/index.html", "privacy/versions/2026-03-01/index.html", "privacy/embed/index.html"} {
		if !strings.Contains(string(tree[p]), aliases) {
			t.Errorf("%s lacks the old ids at the renamed section", p)
		}
	}
	if v2 := string(tree["privacy/versions/2025-09-01/index.html"]); !strings.Contains(v2, `<span id="1-what-we-collect" class="section-alias"></span><h2 id="2-what-we-collect">`) {
		t.Error("the 2025-09-01 version lacks the id of 2025-02-01 at its renumbered section")
	}
	if strings.Contains(string(tree["privacy/index.html"]), `id="2-marketing-e-mails"`) {
		t.Error("a removed section's id points somewhere")
	}
	for p, data := range tree {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		seen := map[string]bool{}
		for _, id := range ids(t, data) {
			if seen[id] {
				t.Errorf("%s: duplicate id %q", p, id)
			}
			seen[id] = true
		}
	}
}

func TestEmbedPages(t *testing.T) {
	t.Parallel()
	dest, _, err := build(t, filepath.Join("testdata", "sites", "records-sections"), func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	embed := string(tree["privacy/embed/index.html"])
	for _, want := range []string{`<meta name="robots" content="noindex">`, `<link rel="canonical" href="https://privacy.larkspur.example/privacy/">`,
		`<article class="clause-embed" data-policy="privacy" data-effective="2026-03-01">`, "Brinewell Hosting", "/css/clause-embed.css?v="} {
		if !strings.Contains(embed, want) {
			t.Errorf("embed page lacks %q", want)
		}
	}
	for _, unwanted := range []string{"<nav", "<header", "<script", "clause.css"} {
		if strings.Contains(embed, unwanted) {
			t.Errorf("embed page has %q", unwanted)
		}
	}
	if strings.Contains(string(tree["sitemap.xml"]), "embed") {
		t.Error("an embed page is in the sitemap")
	}
	headers := string(tree["_headers"])
	if !strings.Contains(headers, "/privacy/embed/\n  Access-Control-Allow-Origin: *\n") || !strings.Contains(headers, "/terms/embed/\n") {
		t.Errorf("_headers:\n%s", headers)
	}
	js := string(tree["js/clause-embed.js"])
	if !strings.Contains(js, `querySelector("article.clause-embed")`) || strings.Contains(js, "eval(") || strings.Contains(js, "innerHTML") {
		t.Error("clause-embed.js is not the script that inserts the article without eval or innerHTML")
	}
}

func TestNoHeadersWithoutHostRules(t *testing.T) {
	t.Parallel()
	tree := buildAt(t, with(versionedSite, map[string]string{
		"clause.yaml": "title: V\nredirects:\n  formats: [html, nginx]\n  /old/: /terms/\n"}), "2026-06-01")
	if _, ok := tree["_headers"]; ok {
		t.Error("_headers written for a site that writes no Netlify or Cloudflare rules")
	}
	if _, ok := tree["terms/embed/index.html"]; !ok {
		t.Error("no embed page")
	}
}

func TestCheckWarnsAboutVanishedSectionIDs(t *testing.T) {
	t.Parallel()
	old := "---\ntitle: Privacy\n---\n\n## Data\n\nWe collect names.\n\n## Newsletter\n\nWe send a monthly letter to subscribers who asked for it.\n\n## Contact\n\nWrite to us.\n"
	tests := []struct {
		name, current, want string
	}{
		{"removed section", page("## Data\n\nWe collect names.\n\n## Contact\n\nWrite to us.\n"),
			`content/privacy.md:7: warning: section #newsletter ("Newsletter") of the previous version has no successor: links to it will open the top of the page`},
		{"renamed section", page("## Data\n\nWe collect names.\n\n## Monthly letter\n\nWe send a monthly letter to subscribers who asked for it.\n\n## Contact\n\nWrite to us.\n"), ""},
		{"text moved, id kept on its paragraph", page("## Data\n\nWe collect names.\n\nNo newsletter any more.\n{: #newsletter}\n\n## Contact\n\nWrite to us.\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, out := runCheck(t, map[string]string{"content/privacy.md": tt.current, "content/privacy/versions/2025-01-01.md": old}, nil)
			has := strings.Contains(out, "has no successor")
			if tt.want == "" && has || tt.want != "" && !strings.Contains(out, tt.want) {
				t.Errorf("check said:\n%s\nwant %q", out, tt.want)
			}
		})
	}
}

// The records made again for a policy whose pages came from the dev
// server's memo (remakeRecords) equal those its render made, as the
// build's policies.json lists them (a build drops each policy's records
// once its entry is written).
func TestRemadeRecordsEqualRendered(t *testing.T) {
	t.Parallel()
	m, r, data := streamedManifest(t, "records-sections")
	var man manifest
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	entries := map[string]manifestPolicy{}
	for _, e := range man.Policies {
		entries[e.ID] = e
	}
	for _, p := range m.policies {
		remade := r.remakeRecords(p)
		if len(remade) != len(p.Policy.Versions) {
			t.Errorf("%s: %d records for %d versions", p.Policy.ID, len(remade), len(p.Policy.Versions))
		}
		var listed []versionRecord
		for _, v := range slices.Backward(entries[p.Policy.ID].Versions) { // newest first in the file
			listed = append(listed, versionRecord{SHA256: v.SHA256, Sections: v.Sections})
		}
		if !reflect.DeepEqual(remade, listed) {
			t.Errorf("%s: remade records %+v, rendered %+v", p.Policy.ID, remade, listed)
		}
	}
}

// TestEmbedCORSForVercelAndNginx checks that a site that publishes to
// Vercel or nginx gets the embed pages' CORS rule in vercel.json and the
// nginx include, also when it has no redirect, and no _headers.
func TestEmbedCORSForVercelAndNginx(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, map[string]string{
		"clause.yaml":        "title: T\nredirects:\n  formats: [html, vercel, nginx]\n",
		"content/privacy.md": "---\ntitle: Privacy\n---\nText.\n",
	}, nil)
	if v := string(tree["vercel.json"]); !strings.Contains(v, `"source": "/privacy/embed/"`) || !strings.Contains(v, `"key": "Access-Control-Allow-Origin"`) {
		t.Errorf("vercel.json:\n%s", v)
	}
	if n := string(tree["redirects.nginx.conf"]); !strings.Contains(n, `"/privacy/embed/index.html" "*";`) {
		t.Errorf("redirects.nginx.conf:\n%s", n)
	}
	if _, ok := tree["_headers"]; ok {
		t.Error("_headers is written for a site that does not publish to Netlify or Cloudflare Pages")
	}
}
