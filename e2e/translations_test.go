package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// translatedSite is a center in English, French and Hebrew whose Hebrew
// privacy notice has two versions, so that it has a right-to-left redline.
var translatedSite = map[string]string{
	"clause.yaml": "title: Tidewell Ferries\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: he, name: עברית}\n",
	"content/privacy.md": "---\ntitle: Privacy notice\ndescription: What we keep about passengers.\neffective: 2026-05-01\n---\n" +
		"## What we keep\n\nYour name and the crossing you booked, for 90 days.\n\n## Your rights\n\nWrite to the purser's office to see what we keep.\n",
	"content/privacy/versions/2025-02-01.md": "## What we keep\n\nYour name and the crossing you booked, for a year.\n\n## Your rights\n\nWrite to us.\n",
	"content/terms.md":                       "---\ntitle: Terms of carriage\ndescription: The rules on board.\neffective: 2025-02-01\n---\n## Tickets\n\nA ticket is good for one crossing.\n",
	"content/fr/privacy.md": "---\ntitle: Avis de confidentialité\ndescription: Ce que nous gardons.\ntranslation_of: 2025-02-01\n---\n" +
		"## Ce que nous gardons\n\nVotre nom et la traversée réservée, pendant un an.\n\n## Vos droits\n\nÉcrivez-nous.\n",
	"content/he/privacy.md": "---\ntitle: הודעת פרטיות\ndescription: מה אנחנו שומרים על נוסעים.\neffective: 2026-05-01\ntranslation_of: 2026-05-01\n---\n" +
		"## מה אנחנו שומרים\n\nאת שמכם ואת ההפלגה שהזמנתם, למשך 90 יום.\n\n## הזכויות שלכם\n\nכתבו למשרד הפורסר כדי לראות מה אנחנו שומרים.\n",
	"content/privacy/versions/2025-02-01.he.md": "---\ntranslation_of: 2025-02-01\n---\n## מה אנחנו שומרים\n\nאת שמכם ואת ההפלגה שהזמנתם, למשך שנה.\n\n## הזכויות שלכם\n\nכתבו אלינו.\n",
}

// TestBrowserTranslations checks a right-to-left page and its redline
// (axe clean, laid out right to left, no horizontal scroll on a 375 px
// phone) and the language switcher, which goes to the same policy in the
// other language, or to that language's home page when it has no text.
func TestBrowserTranslations(t *testing.T) {
	skipBrowserInShort(t)
	axe := axeSource(t)
	src := t.TempDir()
	writeTree(t, src, translatedSite)
	base := serve(t, buildSite(t, src))
	browser := newBrowser(t)

	for _, path := range []string{"/he/privacy/", "/he/privacy/versions/2026-05-01/changes/", "/he/"} {
		t.Run("right to left "+path, func(t *testing.T) {
			tab := newTab(t, browser)
			do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
			navigate(t, tab, base+path)
			if dir := js[string](t, tab, `getComputedStyle(document.querySelector("main")).direction`); dir != "rtl" {
				t.Errorf("%s is laid out %s, want rtl", path, dir)
			}
			if w := js[[]float64](t, tab, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
				t.Errorf("%s scrolls sideways on a 375 px phone: %.0f px wide in %.0f", path, w[0], w[1])
			}
			for _, v := range runAxe(t, tab, axe) {
				t.Errorf("%s: %s", path, v)
			}
		})
	}

	t.Run("the redline reads right to left", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(1280, 900))
		navigate(t, tab, base+"/he/privacy/versions/2026-05-01/changes/")
		if n := js[int](t, tab, `document.querySelectorAll(".redline ins, .redline del").length`); n == 0 {
			t.Fatal("the Hebrew redline marks no change")
		}
		// A section's change bar is on its right, where the text starts.
		bar := js[[]float64](t, tab, `(s => [parseFloat(getComputedStyle(s).borderRightWidth), parseFloat(getComputedStyle(s).borderLeftWidth)])(document.querySelector(".redline-section:not(.is-unchanged)"))`)
		if bar[0] == 0 || bar[1] != 0 {
			t.Errorf("the change bar of a right-to-left section is not on its right: right %.0f px, left %.0f px", bar[0], bar[1])
		}
	})

	// After a click on a link the path changes while the new document is
	// still loading, so each arrival waits for the document to be complete
	// too: a click on a node of a document being replaced fails.
	t.Run("the switcher goes to the same policy", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, "viewport", chromedp.EmulateViewport(375, 800))
		navigate(t, tab, base+"/privacy/")
		do(t, tab, "open the language menu", chromedp.Click(`.language-menu > summary`))
		waitFor(t, tab, "menu open", `document.querySelector(".language-menu").open`, 5*time.Second)
		box := js[[]float64](t, tab, `(r => [r.left, r.right, document.documentElement.clientWidth])(document.querySelector(".language-menu .site-menu-panel").getBoundingClientRect())`)
		if box[0] < 0 || box[1] > box[2] {
			t.Errorf("the open language menu does not fit a 375 px screen: left %.0f, right %.0f of %.0f", box[0], box[1], box[2])
		}
		do(t, tab, "choose Hebrew", chromedp.Click(`.language-menu a[hreflang=he]`))
		waitFor(t, tab, "Hebrew privacy notice", `location.pathname == "/he/privacy/" && document.readyState == "complete"`, 5*time.Second)
		do(t, tab, "open the language menu", chromedp.Click(`.language-menu > summary`))
		do(t, tab, "choose French", chromedp.Click(`.language-menu a[hreflang=fr]`))
		waitFor(t, tab, "French privacy notice", `location.pathname == "/fr/privacy/" && document.readyState == "complete"`, 5*time.Second)
		// The path changes before the new document has loaded: wait for the
		// banner rather than read the document once.
		waitFor(t, tab, "the stale French notice links to what changed since",
			`!!document.querySelector(".banner-stale a[href='/privacy/versions/2026-05-01/changes/']")`, 5*time.Second)
		navigate(t, tab, base+"/terms/")
		do(t, tab, "open the language menu", chromedp.Click(`.language-menu > summary`))
		do(t, tab, "choose French", chromedp.Click(`.language-menu a[hreflang=fr]`))
		waitFor(t, tab, "French home page", `location.pathname == "/fr/" && document.readyState == "complete"`, 5*time.Second)
	})
}
