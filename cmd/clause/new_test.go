package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewGroupAndPlaceholders checks that new refuses a group clause.yaml
// lacks, and that check --strict fails on the TODO text new writes.
func TestNewGroupAndPlaceholders(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"clause.yaml": "title: T\ngroups:\n  - id: privacy\n    title: Privacy\n"})
	status, stdout, stderr := runCLI(t, "new", "policy", "cookies", "--source", src, "--group", "privcy")
	want := `clause.yaml:2: --group "privcy" is not one of the groups in clause.yaml (privacy); did you mean privacy?`
	if status != exitError || stdout != "" || !strings.HasPrefix(stderr, want+"\n\thint: ") {
		t.Errorf("unknown group: %d\nstdout %q\nstderr %q", status, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err == nil {
		t.Error("new wrote content/ although the group is unknown")
	}
	if status, _, stderr := runCLI(t, "new", "policy", "cookies", "--source", src, "--group", "privacy", "--now", "2026-01-05"); status != exitOK {
		t.Fatalf("new: %d %s", status, stderr)
	}
	status, stdout, _ = runCLI(t, "check", "--source", src, "--strict", "--now", "2026-01-06")
	if status != exitError || !strings.Contains(stdout, `content/cookies.md:11:1: warning: placeholder text would be published: "TODO: introduce the policy`) {
		t.Errorf("check --strict of a new policy: %d\n%s", status, stdout)
	}
}

func TestInitCommand(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "privacy-center")
	status, stdout, stderr := runCLI(t, "init", dir, "--now", "2026-01-05")
	if status != exitOK || !strings.Contains(stdout, "clause serve --source "+dir) || !strings.Contains(stdout, filepath.ToSlash(filepath.Join(dir, "content/privacy.md"))) {
		t.Fatalf("init: %d\n%s\n%s", status, stdout, stderr)
	}
	status, stdout, _ = runCLI(t, "check", "--source", dir, "--strict", "--now", "2026-01-06")
	if status != exitOK || stdout != "" {
		t.Errorf("check --strict of the starter site: %d\n%s", status, stdout)
	}
	status, stdout, stderr = runCLI(t, "init", dir)
	if status != exitError || stdout != "" || !strings.Contains(stderr, "clause.yaml: already exists") {
		t.Errorf("second init: %d %q %q", status, stdout, stderr)
	}
	for _, args := range [][]string{{"init", "a", "b"}, {"init", "--now", "soon", t.TempDir()}} {
		if status, _, _ := runCLI(t, args...); status != exitUsage {
			t.Errorf("clause %v: status %d; want 2", args, status)
		}
	}
}
