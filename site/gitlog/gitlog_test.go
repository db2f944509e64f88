package gitlog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHistorySeveralCommits(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	var hashes []string
	r.write("privacy.md", "v1\n")
	hashes = append(hashes, r.commit("Add privacy policy"))
	r.write("other.md", "unrelated\n")
	r.commit("Add other file")
	r.write("privacy.md", "v2\n")
	hashes = append(hashes, r.commit("Update retention"))
	r.write("privacy.md", "v1\n") // back to an earlier content
	hashes = append(hashes, r.commit("Revert retention"))

	revs := r.history("privacy.md")["privacy.md"]
	if len(revs) != 3 {
		t.Fatalf("got %d revisions, want 3: %v", len(revs), summary(revs))
	}
	want := []struct {
		content, subject string
		n                int // commit number, for the time
	}{{"v1\n", "Add privacy policy", 1}, {"v2\n", "Update retention", 3}, {"v1\n", "Revert retention", 4}}
	for i, w := range want {
		got := revs[i]
		if string(got.Content) != w.content || got.Subject != w.subject || got.Commit != hashes[i] {
			t.Errorf("revision %d = %q %q %s, want %q %q %s", i, got.Content, got.Subject, got.Commit, w.content, w.subject, hashes[i])
		}
		if wantTime := r.commitTime(w.n); !got.Time.Equal(wantTime) || got.Time.Location() != wantTime.Location() {
			t.Errorf("revision %d time = %v, want %v", i, got.Time, wantTime)
		}
		if got.Author != "Ada Lovelace" || got.Path != "privacy.md" {
			t.Errorf("revision %d author, path = %q, %q", i, got.Author, got.Path)
		}
	}
	revs[0].Content[0] = 'X'
	if string(revs[2].Content) != "v1\n" {
		t.Error("revisions with identical content share memory")
	}
}

func TestHistoryRenameWithEdits(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("privacy.md", policyText("Privacy", "first"))
	r.commit("Add")
	r.write("privacy.md", policyText("Privacy", "second"))
	r.commit("Edit")
	if err := os.Mkdir(filepath.Join(r.dir, "legal"), 0o755); err != nil {
		t.Fatal(err)
	}
	r.git("mv", "privacy.md", "legal/privacy.md")
	r.write("legal/privacy.md", policyText("Privacy notice", "third"))
	r.commit("Move and edit")
	r.write("legal/privacy.md", policyText("Privacy notice", "fourth"))
	r.write("privacy.md", "A new, unrelated file at the old path.\n")
	r.commit("Edit again")

	h := r.history("legal/privacy.md", "privacy.md")
	got := summary(h["legal/privacy.md"])
	want := []string{"privacy.md@Add", "privacy.md@Edit", "legal/privacy.md@Move and edit", "legal/privacy.md@Edit again"}
	if !slices.Equal(got, want) {
		t.Fatalf("moved file history = %q, want %q", got, want)
	}
	if c := string(h["legal/privacy.md"][1].Content); !strings.HasSuffix(c, "second\n") {
		t.Errorf("content before the move = %q", c)
	}
	if got := summary(h["privacy.md"]); !slices.Equal(got, []string{"privacy.md@Edit again"}) {
		t.Errorf("file re-created at the old path: history = %q", got)
	}
}

func TestHistoryTwoFilesInOneCommit(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("privacy.md", "p1\n")
	r.write("terms.md", "t1\n")
	r.commit("Add both")
	r.write("terms.md", "t2\n")
	r.commit("Edit terms")
	r.write("privacy.md", "p2\n")
	r.write("terms.md", "t3\n")
	r.commit("Edit both")

	h := r.history("privacy.md", "terms.md")
	if got := summary(h["privacy.md"]); !slices.Equal(got, []string{"privacy.md@Add both", "privacy.md@Edit both"}) {
		t.Errorf("privacy.md history = %q", got)
	}
	if got := summary(h["terms.md"]); !slices.Equal(got, []string{"terms.md@Add both", "terms.md@Edit terms", "terms.md@Edit both"}) {
		t.Errorf("terms.md history = %q", got)
	}
	if h["privacy.md"][1].Commit != h["terms.md"][2].Commit {
		t.Error("the shared commit has different hashes in the two histories")
	}
}

func TestHistoryDeletedAndReadded(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("privacy.md", "old 1\n")
	r.write("gone.md", "gone\n")
	r.commit("Add")
	r.write("privacy.md", "old 2\n")
	r.commit("Edit")
	r.git("rm", "-q", "privacy.md", "gone.md")
	r.commit("Delete")
	r.write("privacy.md", "new 1\n")
	r.commit("Re-add")
	r.write("privacy.md", "new 2\n")
	r.commit("Edit new")

	h := r.history("privacy.md", "gone.md", "never.md")
	revs := h["privacy.md"]
	if got := summary(revs); !slices.Equal(got, []string{"privacy.md@Re-add", "privacy.md@Edit new"}) {
		t.Fatalf("history = %q", got)
	}
	if string(revs[0].Content) != "new 1\n" {
		t.Errorf("content = %q", revs[0].Content)
	}
	for _, p := range []string{"gone.md", "never.md"} {
		if revs, ok := h[p]; !ok || len(revs) != 0 {
			t.Errorf("%s: got %v (present %v), want an empty history", p, summary(revs), ok)
		}
	}
}

func TestHistoryPathWithSpaceAndUnicode(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("docs/privacy policy.md", policyText("Privacy", "one"))
	r.commit("Add")
	r.git("mv", "docs/privacy policy.md", "docs/política de privacidad \"ñ\".md")
	r.commit("Rename")
	r.write("docs/política de privacidad \"ñ\".md", policyText("Privacidad", "two"))
	r.commit("Edit")

	h := r.history("docs/política de privacidad \"ñ\".md")
	got := summary(h["docs/política de privacidad \"ñ\".md"])
	want := []string{"docs/privacy policy.md@Add", "docs/política de privacidad \"ñ\".md@Rename", "docs/política de privacidad \"ñ\".md@Edit"}
	if !slices.Equal(got, want) {
		t.Errorf("history = %q, want %q", got, want)
	}
}

func TestHistorySkipsMergeCommits(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("privacy.md", policyText("Privacy", "base"))
	r.commit("Base")
	r.git("checkout", "-q", "-b", "topic")
	r.write("terms.md", "terms\n")
	r.write("privacy.md", strings.Replace(policyText("Privacy", "base"), "Clause 0", "Clause zero", 1))
	r.commit("Topic edit")
	r.git("checkout", "-q", "main")
	r.write("privacy.md", policyText("Privacy", "main edit"))
	r.commit("Main edit")
	date := "1800000000 +0000"
	gitIn(t, r.dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "merge", "-q", "--no-edit", "topic")

	h := r.history("privacy.md", "terms.md")
	got := summary(h["privacy.md"])
	if want := []string{"privacy.md@Base", "privacy.md@Topic edit", "privacy.md@Main edit"}; !slices.Equal(got, want) {
		t.Errorf("privacy.md history = %q, want %q", got, want)
	}
	if got := summary(h["terms.md"]); !slices.Equal(got, []string{"terms.md@Topic edit"}) {
		t.Errorf("terms.md history = %q", got)
	}
}

func TestHistoryStopsEarly(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	busy := 50 // commits older than the file, which the walk must not need
	if testing.Short() {
		busy = 8 // three git commands each: keep -short fast
	}
	for i := range busy {
		r.write("busy.md", strings.Repeat("line\n", i+1))
		r.commit("Busy")
	}
	r.write("privacy.md", "new\n")
	r.commit("Add privacy")
	for range 3 {
		revs := r.history("privacy.md")["privacy.md"]
		if got := summary(revs); !slices.Equal(got, []string{"privacy.md@Add privacy"}) {
			t.Fatalf("history = %q", got)
		}
	}
}

func TestOpenSubdirectory(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("content/privacy.md", "v1\n")
	r.commit("Add")
	repo, err := Open(filepath.Join(r.dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := repo.fullHistory([]string{"privacy.md", "./privacy.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"privacy.md", "./privacy.md"} {
		if got := summary(h[p]); !slices.Equal(got, []string{"content/privacy.md@Add"}) {
			t.Errorf("%s: history = %q", p, got)
		}
	}
	h["privacy.md"][0].Content[0] = 'X'
	if string(h["./privacy.md"][0].Content) != "v1\n" {
		t.Error("two requests for one file share memory")
	}
}

func TestHistoryIgnoresGitEnvironment(t *testing.T) {
	other := newTestRepo(t)
	other.write("privacy.md", "other\n")
	other.commit("Other repository")
	r := newTestRepo(t)
	r.write("privacy.md", "mine\n")
	r.commit("Mine")
	t.Setenv("GIT_DIR", filepath.Join(other.dir, ".git"))
	t.Setenv("GIT_WORK_TREE", other.dir)
	t.Setenv("LC_ALL", "de_DE.UTF-8")

	if got := summary(r.history("privacy.md")["privacy.md"]); !slices.Equal(got, []string{"privacy.md@Mine"}) {
		t.Errorf("history = %q", got)
	}
}

func TestHistoryIgnoresUserConfig(t *testing.T) {
	r := newTestRepo(t)
	r.write("docs/privacy é.md", policyText("Privacy", "one"))
	r.commit("Add")
	r.git("mv", "docs/privacy é.md", "docs/privacy ü.md")
	r.commit("Rename")
	home := t.TempDir()
	config := "[log]\n\tshowRoot = false\n\tfollow = true\n\tdate = relative\n\tdecorate = full\n" +
		"[diff]\n\trenames = false\n\trelative = true\n\tmnemonicPrefix = true\n" +
		"[color]\n\tui = always\n[core]\n\tquotepath = true\n[format]\n\tpretty = oneline\n" +
		"[i18n]\n\tlogOutputEncoding = ISO-8859-1\n"
	if err := os.WriteFile(filepath.Join(home, ".gitconfig"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", home)

	revs, err := Open(filepath.Join(r.dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := revs.fullHistory([]string{"privacy ü.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(h["privacy ü.md"]); !slices.Equal(got, []string{"docs/privacy é.md@Add", "docs/privacy ü.md@Rename"}) {
		t.Errorf("history = %q", got)
	}
}

func TestHistoryNoCommits(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	h := r.history("privacy.md")
	if revs, ok := h["privacy.md"]; !ok || len(revs) != 0 {
		t.Errorf("got %v, want an empty history", h)
	}
}

func TestHistoryRejectsPathsOutsideRepository(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("a.md", "a\n")
	r.commit("Add")
	repo := r.open()
	for _, p := range []string{"", "../a.md", "/etc/passwd", ".", "x/../.."} {
		if _, err := repo.fullHistory([]string{p}); err == nil {
			t.Errorf("History(%q) succeeded, want an error", p)
		}
	}
}

func TestShallowClone(t *testing.T) {
	t.Parallel()
	src := newTestRepo(t)
	for i := range 3 {
		src.write("privacy.md", strings.Repeat("v\n", i+1))
		src.commit("Edit")
	}
	dst := filepath.Join(t.TempDir(), "clone")
	gitIn(t, src.dir, nil, "clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(src.dir), dst)

	repo, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	if shallow, err := repo.isShallow(); err != nil || !shallow {
		t.Errorf("Shallow() = %v, %v; want true", shallow, err)
	}
	_, err = repo.fullHistory([]string{"privacy.md"})
	var se *ShallowError
	if !errors.As(err, &se) {
		t.Fatalf("History error = %v, want a *ShallowError", err)
	}
	const want = "git history is incomplete: this is a shallow clone. Run `git fetch --unshallow`, or set `fetch-depth: 0` in actions/checkout."
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if shallow, err := src.open().isShallow(); err != nil || shallow {
		t.Errorf("Shallow() on the full repository = %v, %v; want false", shallow, err)
	}
}

func TestOpenNotARepository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "not inside a git work tree") ||
		!strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("Open(%s) error = %v", dir, err)
	}
	if _, err := Open(filepath.Join(dir, "missing")); err == nil {
		t.Error("Open of a missing directory succeeded")
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Open of a file: error = %v", err)
	}
}

func TestOpenWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Open(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "git is not installed") {
		t.Errorf("error = %v, want a missing-git message", err)
	}
}
