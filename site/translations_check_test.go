package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// checkLines checks the site in src at the golden "now" and returns the
// problems as "position: severity: message" lines.
func checkLines(t *testing.T, src string) string {
	t.Helper()
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: goldenNow, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range report.Problems {
		lines = append(lines, e.Position()+": "+e.Severity.String()+": "+e.Msg)
	}
	return strings.Join(lines, "\n")
}

// TestCheckTranslations checks what clause check reports of the
// translations of the golden cases.
func TestCheckTranslations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		site string
		want []string
		not  []string
	}{
		{"translations-locales", []string{
			"de/privacy.md:3: warning: stale translation: it translates the version of 2025-03-01, but en/privacy.md changed on 2026-09-15",
			"en/terms.md:2: info: missing translations: Terms of carriage has no text in fr, he",
			"en/cookies.md:2: info: missing translations: Cookie notice has no text in de, fr, he",
		}, []string{"fr/privacy.md:3: warning: stale", "he/privacy.md:3: warning: stale", "de/privacy.md:1: warning: policy has no effective"}},
		{"translations-hugo", []string{
			"content/en/privacy.md:4: warning: the version taking effect on 2027-01-15 has no translation in es",
			"content/en/privacy.md:2: info: untranslated: Privacy policy has only a stub in nl; visitors of those languages read this text",
			"content/en/cookies.md:2: info: untranslated: Cookie policy has only a stub in es; visitors of those languages read this text",
		}, []string{"stale translation"}},
		{"translations-suffix", []string{
			"content/privacy.fr.md:3: warning: stale translation: it translates the version of 2025-01-10, but content/privacy.md changed on 2026-02-01",
			"content/terms.md:2: info: missing translations: Terms of listening has no text in ar",
		}, []string{"content/privacy.ar.md:4: warning: stale"}},
	}
	for _, tt := range tests {
		t.Run(tt.site, func(t *testing.T) {
			t.Parallel()
			got := checkLines(t, filepath.Join("testdata", "sites", tt.site))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("check lacks %q; it reports:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("check reports %q:\n%s", n, got)
				}
			}
		})
	}
}

// TestCheckTranslationOf checks the notes about translation_of: missing,
// naming no version, before the first version, and without a source.
func TestCheckTranslationOf(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{
		"clause.yaml":           "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: de, name: Deutsch}\n",
		"content/privacy.md":    "---\ntitle: Privacy\ndescription: D.\neffective: 2026-01-01\n---\n## Data\n\nNone.\n",
		"content/terms.md":      "---\ntitle: Terms\ndescription: D.\neffective: 2026-01-01\n---\n## Use\n\nKind.\n",
		"content/fr/privacy.md": "---\ntitle: Confidentialité\ndescription: D.\neffective: 2026-01-01\n---\n## Données\n\nAucune.\n",
		"content/de/privacy.md": "---\ntitle: Datenschutz\ndescription: D.\ntranslation_of: 2026-01-05\n---\n## Daten\n\nKeine.\n",
		"content/fr/terms.md":   "---\ntitle: Conditions\ndescription: D.\ntranslation_of: 2025-01-01\n---\n## Usage\n\nAimable.\n",
		"content/de/extra.md":   "---\ntitle: Extra\ndescription: D.\ntranslation_of: 2026-01-01\n---\n## Mehr\n\nText.\n",
	})
	got := checkLines(t, src)
	for _, w := range []string{
		"content/fr/privacy.md:1: info: this translation does not say which version of content/privacy.md it translates",
		"content/de/privacy.md:4: warning: translation_of 2026-01-05 is not the date of a version of content/privacy.md; read as the version of 2026-01-01",
		"content/fr/terms.md:4: warning: translation_of 2025-01-01 is before the first version of content/terms.md",
		"content/de/extra.md:4: warning: translation_of is set but no en text matches this translation",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("check lacks %q; it reports:\n%s", w, got)
		}
	}
}
