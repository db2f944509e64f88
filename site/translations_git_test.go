package site

import (
	"os/exec"
	"strings"
	"testing"
)

// TestTranslationStaleFromHistory checks that with history: git a
// translation without translation_of translates the version of its
// source in force when the translation last changed: stale after the
// source changes, current again once the translation is updated.
func TestTranslationStaleFromHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2024-01-01", "init", "-q", "-b", "main")
	commit(t, dir, "2024-01-01", "first", map[string]string{
		"clause.yaml":        "title: Git\nhistory: git\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n",
		"content/privacy.md": "---\ntitle: Privacy\neffective: 2024-01-01\n---\n## Data\n\nWe keep your name.\n",
	})
	commit(t, dir, "2024-02-01", "french", map[string]string{
		"content/fr/privacy.md": "---\ntitle: Confidentialité\n---\n## Données\n\nNous gardons votre nom.\n",
	})
	commit(t, dir, "2025-01-01", "second version", map[string]string{
		"content/privacy.md": "---\ntitle: Privacy\neffective: 2025-01-01\n---\n## Data\n\nWe keep your name and e-mail.\n",
	})
	build := func() string {
		t.Helper()
		tree, _ := mustBuildAt(t, dir)
		return outFile(t, tree, "fr/privacy/index.html")
	}
	fr := build()
	if !strings.Contains(fr, `Cette traduction correspond à la version du <time datetime="2024-01-01">1 janvier 2024</time> ; la version originale (English) a été modifiée le <time datetime="2025-01-01">1 janvier 2025</time>.`) ||
		!strings.Contains(fr, `<a href="/privacy/versions/2025-01-01/changes/" hreflang="en">Voir ce qui a changé depuis</a>`) {
		t.Errorf("the French text, last changed before the second version, is not stale:\n%s", fr)
	}
	commit(t, dir, "2025-02-01", "french update", map[string]string{
		"content/fr/privacy.md": "---\ntitle: Confidentialité\n---\n## Données\n\nNous gardons votre nom et votre e-mail.\n",
	})
	if fr := build(); strings.Contains(fr, "banner-stale") {
		t.Errorf("the French text, updated after the second version, is stale:\n%s", fr)
	}
}

// mustBuildAt builds the site in dir at the golden "now".
func mustBuildAt(t *testing.T, dir string) (map[string][]byte, *Result) {
	t.Helper()
	dest, res, err := build(t, dir, func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return readTree(t, dest), res
}
