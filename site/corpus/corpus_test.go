package corpus

import (
	"bytes"
	"strings"
	"testing"
)

func TestDeterministicAndSized(t *testing.T) {
	a := Files(Options{Policies: 3, Versions: 2, Redirects: 2})
	b := Files(Options{Policies: 3, Versions: 2, Redirects: 2})
	if len(a) != 2+3*3 {
		t.Fatalf("%d files, want clause.yaml, _index.md and 3 policies with 2 versions each", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	p := string(a["content/policy-0001/index.md"])
	if n := len(p); n < 25_000 || n > 45_000 {
		t.Errorf("policy is %d bytes, want about 30 KB", n)
	}
	for _, want := range []string{"toc: true", "  - /old/1/policy-0001/", "## Section 12:", "### Details 12.2", "| Category |", "[^note]", "(../policy-0002/index.md)"} {
		if !strings.Contains(p, want) {
			t.Errorf("policy lacks %q", want)
		}
	}
	if bytes.Equal(a["content/policy-0001/index.md"][400:], a["content/policy-0001/versions/2024-01-15.md"][400:]) {
		t.Error("versions do not differ")
	}
}

func TestGitHistoryDeterministic(t *testing.T) {
	o := HistoryOptions{Policies: 6, Commits: 40}
	a, b := GitHistory(o), GitHistory(o)
	if !bytes.Equal(a, b) {
		t.Fatal("two streams for the same options differ")
	}
	if n := bytes.Count(a, []byte("\ncommit refs/heads/main\n")) + 1; n != o.Commits {
		t.Errorf("%d commits, want %d", n, o.Commits)
	}
	if n := bytes.Count(a, []byte("\nR policy-")); n != o.Policies {
		t.Errorf("the migration commit moves %d files, want %d", n, o.Policies)
	}
}
