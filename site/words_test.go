package site

import (
	"errors"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestThemeLanguageGerman checks that language: de in clause.yaml gives
// the German theme: words, dates, <html lang> and the feeds' titles,
// while machine-readable dates stay ISO.
func TestThemeLanguageGerman(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "title: Beispiel\nlanguage: de\ntoc: true\n", "content/privacy.md": policy("Datenschutz")})
	files, _, err := renderSite(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, Now: mustDate(t, "2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["privacy/index.html"])
	for _, want := range []string{`<html lang="de">`, `Zuletzt überarbeitet: <time datetime="2026-01-01">1. Januar 2026</time>`, `>Auf dieser Seite<`,
		`>Zum Inhalt springen<`, `aria-label="Link zu diesem Abschnitt: Scope"`, `>Änderungsprotokoll<`} {
		if !strings.Contains(page, want) {
			t.Errorf("privacy/index.html has no %s", want)
		}
	}
	if strings.Contains(page, `dir="rtl"`) {
		t.Error("German is written right to left")
	}
	feed := string(files["changelog.xml"])
	if !strings.Contains(feed, "<title>Beispiel: Änderungsprotokoll</title>") || !strings.Contains(feed, "Datenschutz — 1. Januar 2026") {
		t.Errorf("the changelog feed is not in German:\n%s", feed)
	}
	if !strings.Contains(feed, "<updated>2026-01-01T00:00:00Z</updated>") {
		t.Error("the feed's dates are not RFC 3339")
	}
	if s := string(files["changelog/index.html"]); !strings.Contains(s, "<title>Änderungsprotokoll · Beispiel</title>") {
		t.Error("the changelog's title is not German")
	}
}

// TestWordsOverride checks that i18n/<lang>.yaml in the site folder
// overrides the theme's word in that language, adds words a site layout
// uses, and is not published when content_dir is the source root.
func TestWordsOverride(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"clause.yaml":                  "title: Beispiel\nlanguage: de\ncontent_dir: .\ntoc: true\n",
		"privacy.md":                   policy("Datenschutz"),
		"i18n/de.yaml":                 "on_this_page: \"Inhalt\"\ncookie_note: \"Wir setzen keine Cookies.\"\n",
		"i18n/en.yaml":                 "cookie_note: \"We set no cookies.\"\n",
		"layouts/partials/footer.html": `<footer><p class="cookies">{{ T .Lang "cookie_note" }}</p><p class="en">{{ T "en" "cookie_note" }}</p></footer>`,
	})
	files, res, err := renderSite(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, Now: mustDate(t, "2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["privacy/index.html"])
	for _, want := range []string{`<summary class="toc-title">Inhalt</summary>`, `<p class="cookies">Wir setzen keine Cookies.</p>`,
		`<p class="en">We set no cookies.</p>`, `Zuletzt überarbeitet:`} {
		if !strings.Contains(page, want) {
			t.Errorf("privacy/index.html has no %s", want)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "i18n/") {
			t.Errorf("the words file %s is published", name)
		}
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
}

// TestWordsErrors checks that a bad words file fails the build with its
// problems positioned in it, every one reported, and that the previous
// output stays.
func TestWordsErrors(t *testing.T) {
	t.Parallel()
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	writeTree(t, src, map[string]string{
		"i18n/de.yaml":   "on_this_page: \"Inhalt\"\nlast_revsed: \"Stand: {date}\"\neffective: \"Ab {datum}\"\n",
		"i18n/fr.yaml":   "on_this_page: [\n",
		"i18n/notes.txt": "not a words file",
	})
	_, _, err = build(t, src, func(o *Options) { o.Destination = dest })
	var be *BuildError
	if !errors.As(err, &be) {
		t.Fatalf("error %v, want a BuildError", err)
	}
	var got []string
	for _, e := range be.Errors {
		got = append(got, e.Error())
	}
	want := []string{
		"i18n/de.yaml:2:1: unknown word \"last_revsed\"; did you mean last_revised?\n\thint: rename it to last_revised",
		"i18n/de.yaml:3:1: word effective: unknown placeholder datum\n\thint: this word takes date",
		"i18n/fr.yaml:1: cannot read words: did not find expected node content\n\thint: a words file is YAML: key: \"message\" on each line",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	diffTrees(t, readTree(t, dest), before)
}

// TestLayoutUnknownWord checks that a layout asking for a word the
// catalog lacks fails with the layout's position and a suggestion.
func TestLayoutUnknownWord(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "title: T\n", "content/p.md": policy("P"),
		"layouts/partials/footer.html": "<footer>{{ T .Lang \"on_this_pag\" }}</footer>\n"})
	_, _, err := renderSite(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if err == nil || !strings.Contains(err.Error(), "layouts/partials/footer.html:1:") ||
		!strings.Contains(err.Error(), `no word "on_this_pag" in the theme's catalog; did you mean on_this_page?`) {
		t.Errorf("error %v", err)
	}
}

// TestWordsRebuild checks that serve rebuilds on an edit of a words file
// to the same site a full build gives.
func TestWordsRebuild(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"clause.yaml": "title: T\nlanguage: fr\ntoc: true\n", "content/p.md": policy("P")})
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, Now: mustDate(t, "2026-06-01")}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	files := rebuildEqualsFull(t, sess, opts, writeFile(t, dir, "i18n/fr.yaml", "on_this_page: \"Dans cette page\"\n", true))
	if !strings.Contains(string(files["p/index.html"]), ">Dans cette page<") {
		t.Error("the new word is not used")
	}
	files = rebuildEqualsFull(t, sess, opts, writeFile(t, dir, "i18n/fr.yaml", "on_this_page: \"Sommaire\"\n", false))
	if !strings.Contains(string(files["p/index.html"]), ">Sommaire<") {
		t.Error("the edited word is not used")
	}
}
