package importer

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// seedsDir is the shared corpus of real policy pages beside the repository.
var seedsDir = filepath.Join("..", "..", "..", "shared", "seeds")

// seed003 is the policy copied as plain text from a web page.
const seed003 = "003_ff97c0f388b63b26.txt"

// readSeed returns a seed, or skips the test when the corpus is absent.
func readSeed(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Skipf("seeds corpus not found at %s (it sits beside the repository as shared/seeds): %v", seedsDir, err)
	}
	return data
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./site/importer -update to create it)", err)
	}
	if string(got) != string(want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(g) || i < len(w); i++ {
			if i >= len(g) || i >= len(w) || g[i] != w[i] {
				t.Fatalf("%s differs at line %d:\n\tgot:  %q\n\twant: %q\n(run with -update after an intended change)", name, i+1, at(g, i), at(w, i))
			}
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// convertFile converts a testdata file and compares it with its golden file.
func convertFile(t *testing.T, name string, src []byte, golden string) *Result {
	t.Helper()
	res, err := Convert(src, Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, golden, res.Markdown)
	return res
}

// convertTestdata converts testdata/name and compares it with its golden
// file, name with the extension .golden.
func convertTestdata(t *testing.T, name string) (*Result, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	res := convertFile(t, name, src, strings.TrimSuffix(name, filepath.Ext(name))+".golden")
	return res, string(res.Markdown)
}

// hasNote reports whether a note matches the pattern.
func hasNote(res *Result, pattern string) bool {
	re := regexp.MustCompile(pattern)
	for _, n := range res.Notes {
		if re.MatchString(n.Msg) {
			return true
		}
	}
	return false
}

func TestGoldenSeed003(t *testing.T) {
	src := readSeed(t, seed003)
	res := convertFile(t, seed003, src, "seed003.golden")
	if res.Title != "DragonflyDB Privacy Policy" {
		t.Errorf("title %q", res.Title)
	}
	if !hasNote(res, `dropped "Dragonfly Cloud announces new enterprise security features - learn more" above the title`) {
		t.Errorf("the banner line is not reported: %v", res.Notes)
	}
	if !hasNote(res, `cannot read date "January , 2024": it has no day`) || !res.LastRevised.IsZero() {
		t.Errorf("the unreadable date is not reported: %v", res.Notes)
	}
	md := string(res.Markdown)
	if !strings.Contains(md, `<!-- clause import: could not read "Last Revised: January , 2024" -->`) {
		t.Error("the unreadable date is not kept in a comment")
	}
	if strings.Contains(md, "Dragonfly Cloud announces") {
		t.Error("the banner line is still in the output")
	}
	for _, line := range strings.Split(string(src), "\n") {
		if regexp.MustCompile(`^\d+\. [A-Z]`).MatchString(line) && !strings.Contains(md, "\n## "+strings.TrimSpace(line)+"\n") {
			t.Errorf("numbered section %q is not a ## heading", line)
		}
	}
}

func TestGoldenText(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "policy.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res := convertFile(t, "policy.txt", src, "policy.golden")
	if res.Title != "Acme Rocket Privacy Notice" || res.LastRevised.Format("2006-01-02") != "2025-03-03" {
		t.Errorf("title %q, last_revised %v", res.Title, res.LastRevised)
	}
	if !hasNote(res, `dropped "Acme Rocket Co. is hiring - see open roles" above the title`) {
		t.Errorf("banner not reported: %v", res.Notes)
	}
}

func TestGoldenHTML(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	res := convertFile(t, "page.html", src, "page.golden")
	if res.Title != "Cookie Policy" || res.LastRevised.Format("2006-01-02") != "2025-02-14" {
		t.Errorf("title %q, last_revised %v", res.Title, res.LastRevised)
	}
	md := string(res.Markdown)
	for _, gone := range []string{"Accept all", "We use cookies to improve", "(/shop)", "(/about)", "(/privacy)", "© 2025", "Manage consent", "Free shipping", "analytics", "font-family"} {
		if strings.Contains(md, gone) {
			t.Errorf("%q should have been dropped", gone)
		}
	}
	for _, note := range []string{`cookie banner <div id="cookie-consent">`, `site header`, `site footer`, `dialog <div class="gdpr-overlay">`, `dropped "Free shipping this week only!" above the title`} {
		if !hasNote(res, regexp.QuoteMeta(note)) {
			t.Errorf("no note %q in %v", note, res.Notes)
		}
	}
}

func TestGoldenHeadingsWithoutBlankLines(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "headings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(convertFile(t, "headings.txt", src, "headings.golden").Markdown)
	for _, h := range []string{"## 3. SHARING", "## 4. RETENTION", "## SECURITY", "## 5. YOUR CHOICES", "## 6. CONTACT", "### 6.1 By e-mail"} {
		if !strings.Contains(md, "\n"+h+"\n") {
			t.Errorf("%q is not a heading", h)
		}
	}
	for _, list := range []string{"1. We send you a copy of your data.\n2. We correct it.\n3. We delete it.\n", "1. Marketing\n2. Analytics\n", "1. hosting, in the EU\n2. payments,"} {
		if !strings.Contains(md, "\n\n"+list) {
			t.Errorf("the list %q is not a list", list)
		}
	}
	if strings.Contains(md, "# THE SERVICE") || strings.Contains(md, "# WARRANTY") {
		t.Error("a line of an ALL-CAPS paragraph became a heading")
	}
}

func TestGoldenUnclosedInline(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "unclosed.html"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(convertFile(t, "unclosed.html", src, "unclosed.golden").Markdown)
	for _, w := range []string{"We collect $5 \\* 2 **bold.**\n\n", "\n\n| Type | Why |\n| --- | --- |\n| IP \\| addr | Security |\n\n", "\n\n- One\n- Two\n\n", "\n\n## 2. Contact\n\nEmail privacy@acme.example\n"} {
		if !strings.Contains(md, w) {
			t.Errorf("want %q in\n%s", w, md)
		}
	}
}
