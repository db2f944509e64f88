package site

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/clause-dev/clause"
)

// edit is one change a writer might make to a site.
type edit struct {
	name  string
	apply func(t *testing.T, dir string) []fileChange
}

func writeFile(t *testing.T, dir, name, data string, created bool) fileChange {
	t.Helper()
	writeTree(t, dir, map[string]string{name: data})
	return fileChange{Path: filepath.Join(dir, name), Created: created}
}

func appendFile(t *testing.T, dir, name, text string) fileChange {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, string(data)+text, false)
}

func sessionEdits(n *int) []edit {
	next := func() int { *n++; return *n }
	return []edit{
		{"body word", func(t *testing.T, d string) []fileChange {
			return []fileChange{appendFile(t, d, "content/privacy.md", fmt.Sprintf("\nWord %d.\n", next()))}
		}},
		{"title", func(t *testing.T, d string) []fileChange {
			_, err := os.Stat(filepath.Join(d, "content", "terms.md"))
			created := err != nil // after "move to a folder", as a watcher reports it
			return []fileChange{writeFile(t, d, "content/terms.md", fmt.Sprintf("---\ntitle: Terms %d\n---\n## Use\n\nBe kind.\n", next()), created)}
		}},
		{"new page", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, fmt.Sprintf("content/extra-%d.md", next()), "## Extra\n\nMore.\n", true)}
		}},
		{"delete page", func(t *testing.T, d string) []fileChange {
			matches, _ := filepath.Glob(filepath.Join(d, "content", "extra-*.md"))
			if len(matches) == 0 {
				return []fileChange{{Path: filepath.Join(d, "content")}}
			}
			os.Remove(matches[0])
			return []fileChange{{Path: matches[0], Created: true}}
		}},
		{"template", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "layouts/partials/footer.html", fmt.Sprintf("<footer>Footer %d</footer>\n", next()), false)}
		}},
		{"config", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "clause.yaml", fmt.Sprintf("title: Center %d\ntoc: true\n", next()), false)}
		}},
		{"asset", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "assets/css/extra.css", fmt.Sprintf("body{margin:%dpx}\n", next()), false)}
		}},
		{"version", func(t *testing.T, d string) []fileChange {
			return []fileChange{appendFile(t, d, "content/privacy/versions/2025-01-01.md", fmt.Sprintf("\nOld word %d.\n", next()))}
		}},
		{"image", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/img/seal.png", fmt.Sprintf("PNG %d", next()), true)}
		}},
		{"delete image", func(t *testing.T, d string) []fileChange {
			p := filepath.Join(d, "content", "img", "seal.png")
			os.Remove(p)
			return []fileChange{{Path: p, Created: true}}
		}},
		{"move to a folder", func(t *testing.T, d string) []fileChange {
			from, to := filepath.Join(d, "content", "terms.md"), filepath.Join(d, "content", "terms", "index.md")
			if _, err := os.Stat(from); err != nil {
				from, to = to, from // and back
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(from, to); err != nil {
				t.Fatal(err)
			}
			return []fileChange{{Path: from, Created: true}, {Path: to, Created: true}} // as a watcher reports a rename
		}},
		{"break", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/broken.md", "---\ndate: never\n---\n", true)}
		}},
		{"fix", func(t *testing.T, d string) []fileChange {
			os.Remove(filepath.Join(d, "content", "broken.md"))
			return []fileChange{{Path: filepath.Join(d, "content", "broken.md"), Created: true}}
		}},
		{"metadata", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/cookies.md", fmt.Sprintf("---\ntitle: Cookies\ndescription: Cookies, take %d.\neffective: 2026-01-01\nlast_revised: 2026-07-01\n---\n## Use\n\nFew.\n", next()), false)}
		}},
		{"layout", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "layouts/policy.html", fmt.Sprintf("{{ define \"main\" }}<p>Layout %d</p>\n{{ template \"partials/policy-article.html\" . }}\n{{ end }}\n", next()), false)}
		}},
		{"stylesheet", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "assets/css/clause.css", fmt.Sprintf("body{padding:%dpx}\n", next()), false)}
		}},
		{"break front matter", func(t *testing.T, d string) []fileChange {
			return []fileChange{writeFile(t, d, "content/cookies.md", "---\ntitle: [Cookies\neffective: 2026-01-01\n---\n## Use\n\nFew.\n", false)}
		}},
	}
}

// viewedPages are the pages that the browsers of TestIncrementalEqualsFull
// may show: policies, a version, the home page, and a page that some
// edits create or remove.
var viewedPages = []string{"privacy/index.html", "cookies/index.html", "terms/index.html", "index.html",
	"privacy/versions/2025-01-01/index.html", "extra-3/index.html", "changelog/index.html"}

// clockDays are the days the clock of TestIncrementalEqualsFull moves
// between: before, between and after the dates of its site, whose
// content/cookies.md was corrected (last_revised) after taking effect;
// its feeds date that correction "now" on the two days before it.
var clockDays = []string{"2025-06-01", "2026-06-01", "2026-06-20", "2026-07-15", "2026-11-15", "2026-12-15", "2027-01-01"}

// TestIncrementalEqualsFull applies random edit sequences, and moves the
// clock, and checks after every step that the session's incremental
// build equals a full build. Each build renders some random pages first,
// as the dev server does for the pages browsers show: the files it
// publishes first must be the full build's, and hold those pages.
func TestIncrementalEqualsFull(t *testing.T) {
	t.Parallel()
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := newSite(t, with(versionedSite, map[string]string{"content/privacy/versions/2025-01-01.md": "## Data\n\nOld.\n",
				"content/links.md":   "## Links\n\nSee the [terms](terms.md).\n",
				"content/cookies.md": "---\ntitle: Cookies\neffective: 2026-01-01\nlast_revised: 2026-07-01\n---\n## Use\n\nFew.\n"}))
			now := "2026-06-01"
			epoch := func(k string) string {
				if k == "SOURCE_DATE_EPOCH" {
					return fmt.Sprint(mustDate(t, now).Unix())
				}
				return ""
			}
			opts := Options{Source: dir, Theme: clause.Theme, Getenv: epoch}
			sess := newSession(opts)
			if _, _, _, err := sess.rebuild(nil); err != nil {
				t.Fatal(err)
			}
			n := 0
			edits := append(sessionEdits(&n), edit{"clock", func(*testing.T, string) []fileChange {
				now = clockDays[n%len(clockDays)]
				n++
				return nil
			}})
			rng := rand.New(rand.NewPCG(seed, 7))
			onDemand := 0 // publishes of pages asked for on demand
			defer func() {
				if onDemand == 0 && !t.Failed() {
					t.Error("no build published a page on demand")
				}
			}()
			for step := 0; step < 30; step++ {
				e := edits[rng.IntN(len(edits))]
				changes := e.apply(t, dir)
				fp, first, more := recordFirst(rng)
				got, _, _, incErr := sess.rebuildFirst(context.Background(), changes, fp)
				want, _, fullErr := renderSite(opts)
				if fmt.Sprint(incErr) != fmt.Sprint(fullErr) {
					t.Fatalf("step %d (%s): incremental err %v, full err %v", step, e.name, incErr, fullErr)
				}
				if fullErr != nil {
					continue // the session keeps serving its last good build
				}
				diffTrees(t, got, want)
				checkFirst(t, fp.pages, *first, want)
				for _, files := range *more {
					checkFirst(t, nil, files, want)
				}
				onDemand += len(*more)
				if t.Failed() {
					t.Fatalf("step %d (%s, showing %v): incremental build differs from a full build", step, e.name, fp.pages)
				}
			}
		})
	}
}

// TestIncrementalReuses checks that a body edit re-renders only its own
// policy: the other policy's pages come from the cache.
func TestIncrementalReuses(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	first, _, _, err := sess.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	change := appendFile(t, dir, "content/terms.md", "\nOne more line.\n")
	second, changed, _, err := sess.rebuild([]fileChange{change})
	if err != nil {
		t.Fatal(err)
	}
	if &first["privacy/index.html"][0] != &second["privacy/index.html"][0] {
		t.Error("privacy page was rendered again although only terms changed")
	}
	if strings.Join(changed, " ") != "policies.json terms/embed/index.html terms/index.html terms/index.md terms/index.txt" {
		t.Errorf("changed = %v, want policies.json and terms' page, embed page and texts", changed)
	}
}

// TestIncrementalKeepsCopiedFiles checks that a content file copied as it
// is (an image) is read once and kept across rebuilds until it changes.
func TestIncrementalKeepsCopiedFiles(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	writeTree(t, dir, map[string]string{"content/img/seal.png": "PNG one"})
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	first, _, _, err := sess.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	second, _, _, err := sess.rebuild([]fileChange{appendFile(t, dir, "content/terms.md", "\nMore.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if &first["img/seal.png"][0] != &second["img/seal.png"][0] {
		t.Error("the image was read again although only terms.md changed")
	}
	third, changed, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "content/img/seal.png", "PNG two", false)})
	if err != nil {
		t.Fatal(err)
	}
	if string(third["img/seal.png"]) != "PNG two" || strings.Join(changed, " ") != "img/seal.png" {
		t.Errorf("after editing the image: %q, changed %v", third["img/seal.png"], changed)
	}
}

// TestIncrementalFolderChange checks that a change reported for a whole
// folder, as the watcher does when its event queue overflows, drops every
// cached file under it: Markdown sources and copied files alike.
func TestIncrementalFolderChange(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	writeTree(t, dir, map[string]string{"content/img/seal.png": "PNG one"})
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"content/img/seal.png": "PNG two", "content/terms.md": "---\ntitle: Terms\n---\n## Use\n\nBe very kind.\n"})
	for _, root := range []string{filepath.Join(dir, "content"), dir} {
		files, _, _, err := sess.rebuild([]fileChange{{Path: root}})
		if err != nil {
			t.Fatal(err)
		}
		if string(files["img/seal.png"]) != "PNG two" || !strings.Contains(string(files["terms/index.html"]), "Be very kind.") {
			t.Errorf("change to %s: stale files: %q", root, files["img/seal.png"])
		}
	}
}

// TestIncrementalKeepsTemplates checks that a content edit reuses the
// parsed layouts and a layout edit parses them again.
func TestIncrementalKeepsTemplates(t *testing.T) {
	t.Parallel()
	dir := newSite(t, versionedSite)
	sess := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := sess.rebuild([]fileChange{appendFile(t, dir, "content/terms.md", "\nMore.\n")}); err != nil {
		t.Fatal(err)
	}
	if n := sess.cache.counts().templates.Load(); n != 0 {
		t.Errorf("a content edit parsed the layouts again (%d times)", n)
	}
	files, _, _, err := sess.rebuild([]fileChange{writeFile(t, dir, "layouts/partials/footer.html", "<footer>New footer</footer>\n", true)})
	if err != nil {
		t.Fatal(err)
	}
	if sess.cache.counts().templates.Load() != 1 || !strings.Contains(string(files["terms/index.html"]), "New footer") {
		t.Error("a layout edit did not reach the pages")
	}
}

// recordFirst returns a first pass for up to three random pages of
// viewedPages, which also asks for another one on demand as the rest of
// the build begins, and where the files it publishes first and then on
// demand go.
func recordFirst(rng *rand.Rand) (*firstPass, *map[string][]byte, *[]map[string][]byte) {
	var pages []string
	for range rng.IntN(4) {
		pages = append(pages, viewedPages[rng.IntN(len(viewedPages))])
	}
	published := new(map[string][]byte)
	more := new([]map[string][]byte)
	asked := viewedPages[rng.IntN(len(viewedPages))]
	var once sync.Once
	var fp *firstPass
	fp = &firstPass{pages: pages, publish: func(_ context.Context, files map[string][]byte, shown, _ []string) {
		*published = files
	}, more: func(files map[string][]byte) { *more = append(*more, files) },
		yield: func(context.Context) { once.Do(func() { fp.demand([]string{asked}) }) }}
	return fp, published, more
}

// checkFirst checks what a first pass published against the full build
// want: every file as the full build has it (no page of an older build
// or half made), and every shown page that the full build has.
func checkFirst(t *testing.T, pages []string, published, want map[string][]byte) {
	t.Helper()
	for p, data := range published {
		if full, ok := want[p]; !ok || string(full) != string(data) {
			t.Errorf("the first pass published %s unlike the full build", p)
		}
	}
	for _, p := range pages {
		if _, ok := want[p]; ok && published[p] == nil {
			t.Errorf("the first pass did not publish %s, which is shown", p)
		}
	}
}
