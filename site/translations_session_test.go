package site

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
)

// translationEdits are the changes a writer of a multilingual site
// makes: texts of either language, translation_of, stubs, a language's
// home and the list of languages.
func translationEdits(n *int) []edit {
	next := func() int { *n++; return *n }
	return []edit{
		{"source word", func(t *testing.T, d string) []fileChange {
			return []fileChange{appendFile(t, d, "content/privacy.md", fmt.Sprintf("\nWord %d.\n", next()))}
		}},
		{"source version", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/privacy.md", fmt.Sprintf("---\ntitle: Privacy\neffective: 2026-0%d-01\n---\n## Data\n\nNew %d.\n", 2+next()%7, *n), false)}
		}},
		{"translation word", func(t *testing.T, d string) []fileChange {
			return []fileChange{appendFile(t, d, "content/fr/privacy.md", fmt.Sprintf("\nMot %d.\n", next()))}
		}},
		{"translation_of", func(t *testing.T, d string) []fileChange {
			dates := []string{"2025-01-01", "2026-03-01", "2026-05-01"}
			return []fileChange{writeFile(t, d, "content/fr/privacy.md", fmt.Sprintf("---\ntitle: Confidentialité\ntranslation_of: %s\n---\n## Données\n\nPeu.\n", dates[next()%len(dates)]), false)}
		}},
		{"stub", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/de/privacy.md", "---\ntitle: Datenschutz\nuntranslated: true\n---\n", isNew(d, "content/de/privacy.md"))}
		}},
		{"stub translated", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/de/privacy.md", fmt.Sprintf("---\ntitle: Datenschutz\n---\n## Daten\n\nWenig %d.\n", next()), isNew(d, "content/de/privacy.md"))}
		}},
		{"delete translation", func(t *testing.T, d string) []fileChange {
			p := filepath.Join(d, "content", "de", "privacy.md")
			os.Remove(p)
			return []fileChange{fileChange{Path: p, Created: true}}
		}},
		{"language home", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/fr/_index.md", fmt.Sprintf("---\ntitle: Accueil %d\n---\nBienvenue.\n", next()), isNew(d, "content/fr/_index.md"))}
		}},
		{"languages", func(t *testing.T, d string) []fileChange {
			extra := []string{"", "  - {code: he, name: עברית}\n", "  - {code: de, name: Deutsch}\n"}[next()%3]
			return []fileChange{writeFile(t, d, "clause.yaml", "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n"+extra, false)}
		}},
		{"subdir", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "clause.yaml", fmt.Sprintf("title: T\ndefault_language_in_subdir: %v\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: de, name: Deutsch}\n", next()%2 == 0), false)}
		}},
	}
}

// TestIncrementalEqualsFullTranslations applies random edits to a
// multilingual site and checks after every step that the session's
// incremental build equals a full build.
func TestIncrementalEqualsFullTranslations(t *testing.T) {
	t.Parallel()
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := newSite(t, map[string]string{
				"clause.yaml":                            "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: de, name: Deutsch}\n",
				"content/privacy.md":                     "---\ntitle: Privacy\neffective: 2026-03-01\n---\n## Data\n\nSome.\n",
				"content/privacy/versions/2025-01-01.md": "## Data\n\nOld.\n",
				"content/terms.md":                       "---\ntitle: Terms\neffective: 2025-01-01\n---\n## Use\n\nKind.\n",
				"content/fr/privacy.md":                  "---\ntitle: Confidentialité\ntranslation_of: 2025-01-01\n---\n## Données\n\nPeu.\n",
				"content/fr/terms.md":                    "---\ntitle: Conditions\n---\n",
			})
			opts := Options{Source: dir, Theme: clause.Theme, Now: goldenNow, Getenv: func(string) string { return "" }}
			sess := newSession(opts)
			if _, _, _, err := sess.rebuild(nil); err != nil {
				t.Fatal(err)
			}
			n := 0
			edits := translationEdits(&n)
			rng := rand.New(rand.NewPCG(seed, 11))
			for step := 0; step < 25; step++ {
				e := edits[rng.IntN(len(edits))]
				change := e.apply(t, dir)
				got, _, _, incErr := sess.rebuild(change)
				want, _, fullErr := renderSite(opts)
				if fmt.Sprint(incErr) != fmt.Sprint(fullErr) {
					t.Fatalf("step %d (%s): incremental err %v, full err %v", step, e.name, incErr, fullErr)
				}
				if fullErr != nil {
					continue
				}
				diffTrees(t, got, want)
				if t.Failed() {
					t.Fatalf("step %d (%s): incremental build differs from a full build", step, e.name)
				}
			}
		})
	}
}

// isNew reports whether a file of the site does not exist yet, as a
// watcher reports its creation.
func isNew(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, name))
	return err != nil
}
