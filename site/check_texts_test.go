package site

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// textsSite is a site of five Markdown texts: the home page's, a policy
// with two version files, and the terms.
var textsSite = map[string]string{
	"clause.yaml": "title: Harbour Lane Bakery\n",
	"content/_index.md": "---\ntitle: Harbour Lane policies\n---\n\n" +
		"What we do with your order details. See [the old page](/loaves/).\n",
	"content/privacy.md":                     page("## Orders\n\nWe keep your address until the loaf arrives. See [terms](terms.md#delivery).\n\n#### Couriers\n"),
	"content/privacy/versions/2025-01-01.md": "---\ntitle: Privacy\n---\n\n## Orders\n\nSee [terms](terms.md#nowhere).\n",
	"content/privacy/versions/2024-01-01.md": "---\ntitle: Privacy\n---\n\n## Orders\n\n<span>We kept addresses.\n",
	"content/terms.md":                       "---\ntitle: Terms\ndescription: The terms.\nlast_revised: 2026-01-01\n---\n\n## Delivery\n\nText.\n",
}

// The linter reads the documents the build rendered: a check renders each
// text once, as a build does, and still finds what only the rendered
// documents show (links, headings, raw HTML) in every text.
func TestCheckRendersEachTextOnce(t *testing.T) {
	t.Parallel()
	report, texts, err := check(Options{Source: newSite(t, textsSite), Theme: clause.Theme, Now: checkNow,
		Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := texts.count(), 5; got != want {
		t.Errorf("a check rendered Markdown %d times, want %d (one per text)", got, want)
	}
	if got, want := len(texts.bySource), 5; got != want {
		t.Errorf("kept %d texts, want %d", got, want)
	}
	want := []string{
		`content/_index.md:5:56: warning: broken link "/loaves/": nothing is published at /loaves/`,
		`content/privacy.md:11: warning: heading level skips from h2 to h4: "Couriers"`,
		`content/privacy/versions/2025-01-01.md:7:13: warning: broken link "terms.md#nowhere": /terms/ has no section #nowhere`,
		`content/privacy/versions/2024-01-01.md:7: warning: raw HTML leaves <span> open, so it would run into the rest of the page`,
	}
	assertProblems(t, report, want)
}

// When the layouts do not parse, the build renders no page; the linter
// still reads every text, each rendered once for it.
func TestCheckLintsTextsWhenLayoutsFail(t *testing.T) {
	t.Parallel()
	files := map[string]string{"layouts/baseof.html": "{{ if }}\n"}
	for k, v := range textsSite {
		files[k] = v
	}
	report, texts, err := check(Options{Source: newSite(t, files), Theme: clause.Theme, Now: checkNow,
		Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := texts.count(), 4; got != want {
		t.Errorf("rendered Markdown %d times, want %d (the policies' texts; the home page is not rendered)", got, want)
	}
	if report.Errors() == 0 {
		t.Error("the broken layout is not reported")
	}
	assertProblems(t, report, []string{
		`content/privacy.md:11: warning: heading level skips from h2 to h4: "Couriers"`,
		`content/privacy/versions/2024-01-01.md:7: warning: raw HTML leaves <span> open, so it would run into the rest of the page`,
	})
}

// assertProblems checks that a report has each of want, written as
// "path:line[:col]: severity: message".
func assertProblems(t *testing.T, report *CheckReport, want []string) {
	t.Helper()
	var lines []string
	for _, e := range report.Problems {
		lines = append(lines, e.Position()+": "+e.Severity.String()+": "+e.Msg)
	}
	got := "\n" + strings.Join(lines, "\n") + "\n"
	for _, w := range want {
		if !strings.Contains(got, "\n"+w+"\n") {
			t.Errorf("missing %s\ngot:%s", w, got)
		}
	}
}

// renderMarkdown is the package's only call into the Markdown renderer,
// so the count above is every render of a check.
func TestOneCallToTheMarkdownRenderer(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var calls []string
	fset := token.NewFileSet()
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "RenderPage" {
				calls = append(calls, fset.Position(sel.Pos()).String())
			}
			return true
		})
	}
	if len(calls) != 1 || !strings.HasPrefix(calls[0], "check_texts.go:") {
		t.Errorf("calls into the Markdown renderer: %v; want only the one in renderMarkdown (check_texts.go)", calls)
	}
}

// Revisions from git history are rendered by the build, once each, but
// not kept: the linter does not lint what cannot be edited.
func TestCheckKeepsNoTextFromGit(t *testing.T) {
	t.Parallel()
	_, texts, err := check(Options{Source: gitSite(t), Theme: clause.Theme, History: HistoryGit,
		Now: mustDate(t, "2026-06-01"), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	// privacy.md has three versions and notes.md two (see gitSite).
	if got, want := texts.count(), 5; got != want {
		t.Errorf("rendered Markdown %d times, want %d (one per version)", got, want)
	}
	for s := range texts.bySource {
		if s.FromHistory() {
			t.Errorf("kept the text of %s, a revision from git", s.Path)
		}
	}
	if got, want := len(texts.bySource), 2; got != want {
		t.Errorf("kept %d texts, want %d (privacy.md and notes.md as they are in the working tree)", got, want)
	}
}
