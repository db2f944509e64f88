package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/importer"
)

// importAndCheck imports src, places it in a site and checks the site.
func importAndCheck(t *testing.T, name string, src []byte) []*Error {
	t.Helper()
	res, err := importer.Convert(src, importer.Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	site := newSite(t, map[string]string{"content/imported.md": string(res.Markdown)})
	report, err := Check(Options{Source: site, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	return report.Problems
}

// TestImportSeed003Checks imports the plain-text seed and checks it: the
// only problem is the date the page typed without a day, reported once,
// at its line, not again as a policy without any date.
func TestImportSeed003Checks(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(seedsDir, "003_ff97c0f388b63b26.txt"))
	if err != nil {
		t.Skipf("seeds corpus not found at %s (it sits beside the repository as shared/seeds): %v", seedsDir, err)
	}
	problems := importAndCheck(t, "003.txt", src)
	var b strings.Builder
	WriteProblems(&b, problems, FormatText, "")
	want := "content/imported.md:6: warning: typed date \"January , 2024\" cannot be read: it has no day\n" +
		"\thint: write the date as January 2, 2006 or 2006-01-02, or set last_revised: YYYY-MM-DD in the front matter\n"
	if got := b.String(); len(problems) != 1 || got != want {
		t.Errorf("want the unreadable date on line 6 only, got:\n%s", got)
	}
}

// TestImportFixturesCheck imports the importer's own text and HTML
// fixtures: both build and check without a problem.
func TestImportFixturesCheck(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"policy.txt", "page.html"} {
		src, err := os.ReadFile(filepath.Join("importer", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if problems := importAndCheck(t, name, src); len(problems) > 0 {
			t.Errorf("%s: %v", name, problems)
		}
	}
}
