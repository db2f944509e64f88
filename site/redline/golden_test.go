package redline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// archive is a txtar-like file: a comment, then files introduced by
// "-- name --" lines.
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

// parseArchive parses the txtar-like format.
func parseArchive(data string) *archive {
	a := &archive{files: map[string]string{}}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = b.String()
		} else {
			a.files[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = strings.TrimSpace(t[3 : len(t)-3])
			a.names = append(a.names, cur)
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

// set sets a file, appending it if new.
func (a *archive) set(name, content string) {
	if _, ok := a.files[name]; !ok {
		a.names = append(a.names, name)
	}
	a.files[name] = content
}

// format serializes the archive.
func (a *archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n%s", n, a.files[n])
	}
	return b.String()
}

// describeSections lists sections one a line, for golden files.
func describeSections(r *Redline) string {
	var b strings.Builder
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "%s id=%q title=%q anchor=%s\n", s.Status, s.ID, s.Title, s.Anchor)
	}
	return b.String()
}

// TestGolden runs every testdata/*.txtar case: files "old" and "new" hold
// the two versions as HTML (one block per top-level element); "want",
// "summary" and "sections" hold the expected redline, refreshed with
// -update.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runGolden(t, path)
		})
	}
}

// goldenFiles are the files of a golden case that hold results.
var goldenFiles = []string{"want", "summary", "sections"}

// runGolden runs one golden case.
func runGolden(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(string(data))
	r := diff(blocksFromHTML(a.files["old"]), blocksFromHTML(a.files["new"]))
	if err := checkWellFormed(r.HTML, true); err != nil {
		t.Errorf("output not well-formed: %v\n%s", err, r.HTML)
	}
	got := map[string]string{"want": r.HTML, "summary": r.Summary() + "\n", "sections": describeSections(r)}
	if *update {
		for _, name := range goldenFiles {
			a.set(name, got[name])
		}
		if err := os.WriteFile(path, []byte(a.format()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range goldenFiles {
		if got[name] != a.files[name] {
			t.Errorf("%s mismatch (run with -update to refresh)\ngot:\n%s\nwant:\n%s", name, got[name], a.files[name])
		}
	}
	checkWellFormedBlocks(t, a, r)
}

// checkWellFormedBlocks diffs a golden case again with every block marked
// WellFormed, so that unchanged blocks are copied rather than parsed, and
// checks that the redline says the same: the same sections and summary,
// and HTML that differs at most in how unchanged markup is serialized.
func checkWellFormedBlocks(t *testing.T, a *archive, want *Redline) {
	t.Helper()
	old, new := blocksFromHTML(a.files["old"]), blocksFromHTML(a.files["new"])
	for _, bs := range [][]Block{old, new} {
		for i := range bs {
			bs[i].WellFormed = true
		}
	}
	got := diff(old, new)
	if got.Summary() != want.Summary() || describeSections(got) != describeSections(want) {
		t.Errorf("WellFormed blocks: sections differ\ngot:\n%s%s\nwant:\n%s%s",
			got.Summary(), describeSections(got), want.Summary(), describeSections(want))
	}
	if g, w := renderString(parseHTML(got.HTML)), renderString(parseHTML(want.HTML)); g != w {
		t.Errorf("WellFormed blocks: HTML differs\ngot:\n%s\nwant:\n%s", g, w)
	}
}
