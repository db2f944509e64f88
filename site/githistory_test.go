package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// git runs a git command in dir with a fixed identity and clock: date is
// YYYY-MM-DD (noon UTC) or a full RFC 3339 time.
func git(t testing.TB, dir string, date string, args ...string) {
	t.Helper()
	if !strings.Contains(date, "T") {
		date += "T12:00:00Z"
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.test", "GIT_COMMITTER_NAME=T",
		"GIT_COMMITTER_EMAIL=t@example.test", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// importHistory returns a new repository holding the commits of the git
// fast-import stream, with main checked out. It skips tb when git is not
// installed.
func importHistory(tb testing.TB, stream []byte) string {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	dir := tb.TempDir()
	git(tb, dir, "2024-01-01", "init", "-q", "-b", "main")
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Stdin = dir, bytes.NewReader(stream)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("fast-import: %v\n%s", err, out)
	}
	git(tb, dir, "2024-01-01", "checkout", "-q", "-f", "main")
	return dir
}

// assembleOrFail runs the load and assemble phases of a build with opts and
// fails tb on errors. The model's git processes end with the test.
func assembleOrFail(tb testing.TB, opts Options) (*model, *ErrorList) {
	tb.Helper()
	opts = opts.withDefaults()
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = root.Close() })
	errs := &ErrorList{}
	m := assemble(load(tb.Context(), opts, root.FS(), errs), errs)
	tb.Cleanup(m.closeBlobs)
	if err := errs.Err(); err != nil {
		tb.Fatal(err)
	}
	return m, errs
}

// commit writes files and commits them on date.
func commit(t *testing.T, dir, date, msg string, files map[string]string) {
	t.Helper()
	writeTree(t, dir, files)
	git(t, dir, date, "add", "-A")
	git(t, dir, date, "commit", "-q", "-m", msg)
}

// The history of one policy, as its three versions' texts.
var (
	histV1 = "---\ntitle: Privacy\neffective: 2024-01-01\nsummary: First.\n---\n## Data\n\nWe collect your name.\n"
	histV2 = "---\ntitle: Privacy\neffective: 2025-01-01\nsummary: Adds e-mail.\n---\n## Data\n\nWe collect your name and e-mail.\n"
	histV3 = "---\ntitle: Privacy\neffective: 2026-01-01\nsummary: Adds phone.\n---\n## Data\n\nWe collect your name, e-mail and phone.\n"
)

// gitSite creates a repository whose privacy policy went through three
// versions, with typo commits in between, a rename, and a file without dates.
func gitSite(t *testing.T) string {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2024-01-01", "init", "-q", "-b", "main")
	commit(t, dir, "2024-01-01", "first", map[string]string{"clause.yaml": "title: Git\ntoc: true\n",
		"content/policy.md": strings.Replace(histV1, "your name", "yuor name", 1),
		"content/notes.md":  "## Notes\n\nOne.\n"})
	commit(t, dir, "2024-01-02", "fix typo", map[string]string{"content/policy.md": histV1})
	git(t, dir, "2024-06-01", "mv", "content/policy.md", "content/privacy.md")
	commit(t, dir, "2024-06-01", "rename", nil)
	commit(t, dir, "2025-01-01", "new version", map[string]string{"content/privacy.md": histV2, "content/notes.md": "## Notes\n\nTwo.\n"})
	commit(t, dir, "2026-01-01", "another version", map[string]string{"content/privacy.md": strings.Replace(histV3, "phone", "fone", 1)})
	commit(t, dir, "2026-01-02", "fix typo again", map[string]string{"content/privacy.md": histV3})
	return dir
}

func TestGitHistory(t *testing.T) {
	t.Parallel()
	src := gitSite(t)
	dest, res, err := build(t, src, func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2026-06-01") })
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dest)
	for _, p := range []string{"privacy/versions/2024-01-01/index.html", "privacy/versions/2025-01-01/index.html", "privacy/versions/2026-01-01/index.html"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if n := strings.Count(string(tree["privacy/versions/index.html"]), `class="version status-`); n != 3 {
		t.Errorf("history lists %d versions, want 3 (typo commits fold into their version)", n)
	}
	if strings.Contains(string(tree["privacy/versions/2024-01-01/index.html"]), "yuor") {
		t.Error("the typo fix did not replace the version's text")
	}
	if !strings.Contains(string(tree["_redirects"]), "/policy/ /privacy/ 301") {
		t.Errorf("no automatic redirect from the old name:\n%s", tree["_redirects"])
	}
	if !hasWarning(res.Warnings, "content/notes.md: warning: no effective date in its git history") {
		t.Errorf("no warning for the undated file: %v", res.Warnings)
	}
	if n := strings.Count(string(tree["notes/versions/index.html"]), `class="version status-`); n != 2 {
		t.Errorf("undated file has %d versions, want one per commit (2)", n)
	}
}

// TestGitEqualsFiles checks that the same history gives the same site from
// git and from version files.
func TestGitEqualsFiles(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2024-01-01", "init", "-q", "-b", "main")
	commit(t, dir, "2024-01-01", "v1", map[string]string{"clause.yaml": "title: Same\ntoc: true\n", "content/privacy.md": histV1})
	commit(t, dir, "2025-01-01", "v2", map[string]string{"content/privacy.md": histV2})
	commit(t, dir, "2026-01-01", "v3", map[string]string{"content/privacy.md": histV3})
	files := newSite(t, map[string]string{"clause.yaml": "title: Same\ntoc: true\n", "content/privacy.md": histV3,
		"content/privacy/versions/2024-01-01.md": histV1, "content/privacy/versions/2025-01-01.md": histV2})
	now := func(o *Options) { o.Now = mustDate(t, "2026-06-01") }
	fromGit, _, err := build(t, dir, func(o *Options) { now(o); o.History = "git" })
	if err != nil {
		t.Fatal(err)
	}
	fromFiles, _, err := build(t, files, now)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, readTree(t, fromGit), readTree(t, fromFiles))
}

func TestGitShallow(t *testing.T) {
	t.Parallel()
	src := gitSite(t)
	clone := filepath.Join(t.TempDir(), "clone")
	git(t, src, "2026-01-03", "clone", "-q", "--depth", "1", "file://"+src, clone)
	_, _, err := build(t, clone, func(o *Options) { o.History = "git" })
	if err == nil || !strings.Contains(err.Error(), "git fetch --unshallow") || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("err = %v, want the shallow clone fix", err)
	}
}

func mustDate(t testing.TB, s string) time.Time {
	t.Helper()
	x, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return x.Time()
}
