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
