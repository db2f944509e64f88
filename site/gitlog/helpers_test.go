package gitlog

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// baseTime is the date of the first commit of every test repository.
var baseTime = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)

// testRepo builds a real git repository in a temporary directory.
type testRepo struct {
	t       testing.TB
	dir     string
	commits int
}

// newTestRepo initialises an empty repository on branch main.
func newTestRepo(t testing.TB) *testRepo {
	t.Helper()
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

// testGitEnv is the environment of the git commands that build fixtures:
// no user or system configuration, and a fixed identity.
func testGitEnv() []string {
	return append(cleanEnv(os.Environ()),
		"GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Ada Lovelace", "GIT_AUTHOR_EMAIL=ada@example.com",
		"GIT_COMMITTER_NAME=Charles Babbage", "GIT_COMMITTER_EMAIL=cb@example.com",
	)
}

// gitIn runs git in dir with extra environment variables and returns its
// trimmed output, failing the test on error.
func gitIn(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(testGitEnv(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// git runs git in the repository.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return gitIn(r.t, r.dir, nil, args...)
}

// write creates or replaces the file at the slash-separated path rel.
func (r *testRepo) write(rel, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit stages everything and commits it one hour after the previous
// commit. It returns the new commit's hash.
func (r *testRepo) commit(subject string) string {
	r.t.Helper()
	r.git("add", "-A")
	date := fmt.Sprintf("%d +0000", r.nextTime().Unix())
	gitIn(r.t, r.dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"commit", "-q", "--allow-empty", "-m", subject)
	return r.git("rev-parse", "HEAD")
}

// nextTime returns the time of the next commit and advances the clock.
func (r *testRepo) nextTime() time.Time {
	r.commits++
	return r.commitTime(r.commits)
}

// commitTime returns the time of the n-th commit, counting from 1.
func (r *testRepo) commitTime(n int) time.Time {
	return baseTime.Add(time.Duration(n-1) * time.Hour)
}

// open opens the repository with the package under test.
func (r *testRepo) open() *Repo {
	r.t.Helper()
	repo, err := Open(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo
}

// history runs History for paths and fails the test on error.
func (r *testRepo) history(paths ...string) map[string][]Revision {
	r.t.Helper()
	h, err := r.open().fullHistory(paths)
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// policyText returns a multi-line document whose lines are mostly stable,
// so that small edits keep it similar enough for rename detection.
func policyText(title string, edit string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\n", title)
	for i := range 20 {
		fmt.Fprintf(&b, "Clause %d: we process personal data only as described here.\n", i)
	}
	b.WriteString(edit + "\n")
	return b.String()
}

// summary describes revisions as "path@subject" items for compact
// comparisons.
func summary(revs []Revision) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		out[i] = r.Path + "@" + r.Subject
	}
	return out
}

// fullHistory is Log with each revision's contents read as well.
func (r *Repo) fullHistory(paths []string) (map[string][]Revision, error) {
	return r.revisions(paths, true)
}
