package site

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildCase builds testdata/sites/<name> at the golden "now" and returns
// its files.
func buildCase(t *testing.T, name string) map[string][]byte {
	t.Helper()
	dest, _, err := build(t, filepath.Join("testdata", "sites", name), func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return readTree(t, dest)
}

// outFile returns an output file, failing the test when it is missing.
func outFile(t *testing.T, tree map[string][]byte, name string) string {
	t.Helper()
	data, ok := tree[name]
	if !ok {
		t.Fatalf("no %s in the output", name)
	}
	return string(data)
}

// htmlTag returns a page's <html> start tag.
func htmlTag(t *testing.T, html string) string {
	t.Helper()
	return regexp.MustCompile(`<html[^>]*>`).FindString(html)
}

// alternates returns a page's hreflang links as "lang href" lines.
func alternates(html string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`).FindAllStringSubmatch(html, -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

// switcher returns the links of a page's language switcher as
// "lang url" lines, the current language marked with *.
func switcher(t *testing.T, html string) []string {
	t.Helper()
	i := strings.Index(html, `<nav class="language-switcher"`)
	if i < 0 {
		t.Fatal("the page has no language switcher")
	}
	nav := html[i : i+strings.Index(html[i:], "</nav>")]
	var out []string
	for _, m := range regexp.MustCompile(`<a href="([^"]+)" lang="([^"]+)"[^>]*?( aria-current="page")?>`).FindAllStringSubmatch(nav, -1) {
		line := m[2] + " " + m[1]
		if m[3] != "" {
			line += " *"
		}
		out = append(out, line)
	}
	return out
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestTranslationsLocales checks the folder-per-locale layout at the
// repository root: languages at /<lang>/, the default at the root, lang
// and dir, alternates, switcher targets, a stale banner, per-language
// homes and a folder that is not a language.
func TestTranslationsLocales(t *testing.T) {
	t.Parallel()
	tree := buildCase(t, "translations-locales")
	for name, want := range map[string]string{
		"index.html": `<html lang="en" dir="ltr">`, "privacy/index.html": `<html lang="en" dir="ltr">`,
		"de/index.html": `<html lang="de" dir="ltr">`, "de/privacy/index.html": `<html lang="de" dir="ltr">`,
		"he/privacy/index.html": `<html lang="he" dir="rtl">`, "he/index.html": `<html lang="he" dir="rtl">`,
		"legal/imprint/index.html": `<html lang="en" dir="ltr">`,
	} {
		if got := htmlTag(t, outFile(t, tree, name)); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
	if _, ok := tree["en/privacy/index.html"]; ok {
		t.Error("the default language is written under /en/ without default_language_in_subdir")
	}
	equalLines(t, "alternates of /fr/privacy/", alternates(outFile(t, tree, "fr/privacy/index.html")), []string{
		"en https://privacy.larkspur.example/privacy/", "de https://privacy.larkspur.example/de/privacy/",
		"fr https://privacy.larkspur.example/fr/privacy/", "he https://privacy.larkspur.example/he/privacy/",
		"x-default https://privacy.larkspur.example/privacy/"})
	if got := alternates(outFile(t, tree, "cookies/index.html")); len(got) != 0 {
		t.Errorf("a policy in one language has alternates %v", got)
	}
	// terms has no French text: the switcher goes to the French home.
	equalLines(t, "switcher of /de/terms/", switcher(t, outFile(t, tree, "de/terms/index.html")), []string{
		"en /terms/", "de /de/terms/ *", "fr /fr/", "he /he/"})
	equalLines(t, "switcher of /he/privacy/", switcher(t, outFile(t, tree, "he/privacy/index.html")), []string{
		"en /privacy/", "de /de/privacy/", "fr /fr/privacy/", "he /he/privacy/ *"})

	de := outFile(t, tree, "de/privacy/index.html")
	for _, want := range []string{
		// The banner is in the page's language, German (site/internal/i18n).
		`Diese Übersetzung gibt die Fassung vom <time datetime="2025-03-01">1. März 2025</time> wieder; die Originalfassung (English) wurde am <time datetime="2026-09-15">15. September 2026</time> geändert.`,
		`<a href="/privacy/" hreflang="en">Aktuellen Text lesen (English)</a>`,
		`<a href="/privacy/versions/2026-09-15/changes/" hreflang="en">Änderungen seitdem ansehen</a>`,
	} {
		if !strings.Contains(de, want) {
			t.Errorf("/de/privacy/ lacks %s", want)
		}
	}
	for _, name := range []string{"fr/privacy/index.html", "he/privacy/index.html", "de/terms/index.html", "privacy/index.html"} {
		if strings.Contains(outFile(t, tree, name), "banner-stale") {
			t.Errorf("%s shows a stale banner but translates the current version", name)
		}
	}
	home := outFile(t, tree, "de/index.html")
	if !strings.Contains(home, "Hier finden Sie unsere Richtlinien auf Deutsch.") || !strings.Contains(home, `href="/de/terms/"`) ||
		strings.Contains(home, `href="/cookies/"`) {
		t.Error("the German home does not show its own intro and German policies only")
	}
	if !strings.Contains(outFile(t, tree, "de/changelog.xml"), "urn:clause:changelog:de") {
		t.Error("no German changelog feed")
	}
}

// TestTranslationsHugo checks the Hugo layout: content/<lang>/, slugs,
// untranslated stubs shown in the default language with a notice and
// the default language in /en/.
func TestTranslationsHugo(t *testing.T) {
	t.Parallel()
	tree := buildCase(t, "translations-hugo")
	for _, name := range []string{"en/privacy-policy/index.html", "es/politica-de-privacidad/index.html", "nl/cookiebeleid/index.html", "en/index.html", "es/index.html", "nl/index.html"} {
		outFile(t, tree, name)
	}
	if root := outFile(t, tree, "index.html"); !strings.Contains(root, `<meta http-equiv="refresh" content="0; url=/en/">`) {
		t.Error("the root does not send visitors to /en/")
	}
	// The stubs are no pages of their own: their URLs show the English text.
	nl := outFile(t, tree, "nl/privacy/index.html")
	// The notice is in the visitor's language, marked as such.
	if !strings.Contains(nl, `aria-label="Vertaling" lang="nl" dir="ltr">
  <p>Deze pagina is niet beschikbaar in Nederlands; de tekst in English wordt getoond.</p>`) ||
		!strings.Contains(nl, "We record where a ride starts and ends.") || htmlTag(t, nl) != `<html lang="en" dir="ltr">` ||
		!strings.Contains(nl, `<meta name="robots" content="noindex">`) {
		t.Error("/nl/privacy/ does not show the English text, in English, unindexed, with a notice in Dutch")
	}
	if es := outFile(t, tree, "es/cookies/index.html"); !strings.Contains(es, "The app keeps one cookie") || !strings.Contains(es, "no está disponible en Español") {
		t.Error("/es/cookies/ does not show the English text with a notice in Spanish")
	}
	equalLines(t, "switcher of /en/privacy-policy/", switcher(t, outFile(t, tree, "en/privacy-policy/index.html")), []string{
		"en /en/privacy-policy/ *", "es /es/politica-de-privacidad/", "nl /nl/privacy/"})
	equalLines(t, "switcher of /nl/privacy/", switcher(t, nl), []string{
		"en /en/privacy-policy/", "es /es/politica-de-privacidad/", "nl /nl/privacy/ *"})
	equalLines(t, "alternates of /en/privacy-policy/", alternates(outFile(t, tree, "en/privacy-policy/index.html")), []string{
		"en /en/privacy-policy/", "es /es/politica-de-privacidad/", "x-default /en/privacy-policy/"})
	if strings.Contains(outFile(t, tree, "sitemap.xml"), "/nl/privacy/") {
		t.Error("the sitemap lists the page of an untranslated stub")
	}
	// The Spanish text translates 2025-06-01, the version in force; the
	// upcoming one of 2027-01-15 has not changed the English text yet.
	if es := outFile(t, tree, "es/politica-de-privacidad/index.html"); strings.Contains(es, "banner-stale") {
		t.Error("the Spanish privacy policy is called stale before the English one changed")
	}
}

// TestTranslationsSuffix checks the suffix layout, translation_key with
// front matter lang, sitemap alternates, right-to-left redlines and the
// translations in policies.json.
func TestTranslationsSuffix(t *testing.T) {
	t.Parallel()
	tree := buildCase(t, "translations-suffix")
	redline := outFile(t, tree, "ar/privacy/versions/2026-02-01/changes/index.html")
	if htmlTag(t, redline) != `<html lang="ar" dir="rtl">` || !strings.Contains(redline, `<div class="content redline" dir="rtl">`) {
		t.Error("the Arabic redline does not read right to left")
	}
	equalLines(t, "switcher of /terms/", switcher(t, outFile(t, tree, "terms/index.html")), []string{
		"en /radio/terms/ *", "fr /radio/fr/conditions-d-ecoute/", "ar /radio/ar/"})
	sitemap := outFile(t, tree, "sitemap.xml")
	want := `<url><loc>https://listen.saltmarsh.example/radio/fr/conditions-d-ecoute/</loc><lastmod>2025-01-10</lastmod>` +
		`<xhtml:link rel="alternate" hreflang="en" href="https://listen.saltmarsh.example/radio/terms/"/>` +
		`<xhtml:link rel="alternate" hreflang="fr" href="https://listen.saltmarsh.example/radio/fr/conditions-d-ecoute/"/>` +
		`<xhtml:link rel="alternate" hreflang="x-default" href="https://listen.saltmarsh.example/radio/terms/"/></url>`
	if !strings.Contains(sitemap, want) || !strings.Contains(sitemap, `xmlns:xhtml="http://www.w3.org/1999/xhtml"`) {
		t.Errorf("the sitemap lacks the alternates of /fr/conditions-d-ecoute/:\n%s", sitemap)
	}
	var m struct {
		Policies []struct {
			ID       string
			Versions []struct {
				Effective    string
				Translations []struct {
					Lang, URL, SHA256 string
					TranslationOf     *string `json:"translation_of"`
					Stale             *bool
				}
			}
		}
	}
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range m.Policies {
		for _, v := range p.Versions {
			for _, tr := range v.Translations {
				got = append(got, p.ID+" "+v.Effective+" "+tr.Lang+" "+tr.URL+" of "+*tr.TranslationOf+" stale "+map[bool]string{true: "yes", false: "no"}[*tr.Stale]+" "+map[bool]string{true: "sha", false: "nosha"}[len(tr.SHA256) == 64])
			}
		}
	}
	equalLines(t, "translations in policies.json", got, []string{
		"privacy 2026-02-01 fr https://listen.saltmarsh.example/radio/fr/privacy/ of 2025-01-10 stale yes sha",
		"privacy 2026-02-01 ar https://listen.saltmarsh.example/radio/ar/privacy/versions/2026-02-01/ of 2026-02-01 stale no sha",
		"privacy 2025-01-10 fr https://listen.saltmarsh.example/radio/fr/privacy/ of 2025-01-10 stale no sha",
		"privacy 2025-01-10 ar https://listen.saltmarsh.example/radio/ar/privacy/versions/2025-01-10/ of 2025-01-10 stale no sha",
		"terms 2025-01-10 fr https://listen.saltmarsh.example/radio/fr/conditions-d-ecoute/ of 2025-01-10 stale no sha",
	})
	if len(m.Policies) != 2 {
		t.Errorf("policies.json lists %d policies, want the 2 of the default language", len(m.Policies))
	}
}

// TestTranslationsOffByDefault checks that without languages: a folder
// named like a language, a suffix and front matter lang change nothing.
func TestTranslationsOffByDefault(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, map[string]string{
		"content/fr/privacy.md": "---\nlang: fr\n---\n## Données\n\nPeu.\n",
		"content/privacy.de.md": "## Daten\n\nWenig.\n",
		"content/empty.md":      "---\ntitle: Empty\n---\n",
	}, nil)
	for _, name := range []string{"fr/privacy/index.html", "privacy.de/index.html", "empty/index.html"} {
		if got := htmlTag(t, outFile(t, tree, name)); got != `<html lang="en">` {
			t.Errorf("%s: %s", name, got)
		}
	}
	if strings.Contains(outFile(t, tree, "index.html"), "language-switcher") {
		t.Error("a site in one language has a language switcher")
	}
}

// TestGroupTitlesPerLanguage checks that a group's titles: gives its
// title in each language's home page and menu, that a language without
// one keeps title:, and that a title in a language the site does not
// list is an error at the groups line.
func TestGroupTitlesPerLanguage(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"clause.yaml": "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: de, name: Deutsch}\n" +
			"groups:\n  - id: legal\n    title: Legal\n    titles: {fr: Juridique}\n",
		"content/privacy.md":    "---\ntitle: Privacy\ngroup: legal\n---\nText.\n",
		"content/fr/privacy.md": "---\ntitle: Confidentialité\ngroup: legal\n---\nTexte.\n",
		"content/de/privacy.md": "---\ntitle: Datenschutz\ngroup: legal\n---\nText.\n",
	}
	tree, _ := mustBuild(t, files, nil)
	for name, want := range map[string]string{"index.html": ">Legal</h2>", "fr/index.html": ">Juridique</h2>", "de/index.html": ">Legal</h2>"} {
		if page := outFile(t, tree, name); !strings.Contains(page, want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	files["clause.yaml"] = strings.Replace(files["clause.yaml"], "{fr: Juridique}", "{fr: Juridique, es: Legal}", 1)
	_, _, err := build(t, newSite(t, files), nil)
	if want := `clause.yaml:9: group "legal" has a title in "es", which is not one of the languages in clause.yaml`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
}
