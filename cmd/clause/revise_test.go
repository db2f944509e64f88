package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewAndReviseCommands(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"clause.yaml": "title: T\ngroups:\n  - id: privacy\n"})
	status, stdout, stderr := runCLI(t, "new", "policy", "cookies", "--source", src, "--title", "Cookie Policy", "--now", "2026-01-05")
	if status != exitOK || !strings.HasPrefix(stdout, "wrote content/cookies.md\n") {
		t.Fatalf("new: %d\n%s\n%s", status, stdout, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(src, "content", "cookies.md"))
	if !strings.Contains(string(data), "title: Cookie Policy\n") || !strings.Contains(string(data), "group: privacy\n") ||
		!strings.Contains(string(data), "effective: 2026-01-05\n") {
		t.Errorf("new file:\n%s", data)
	}
	if status, _, stderr := runCLI(t, "new", "--source", src, "policy", "cookies"); status != exitError || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: %d %q", status, stderr)
	}
	status, stdout, stderr = runCLI(t, "revise", "cookies", "--source", src, "--effective", "2026-03-01", "--summary", "Fewer cookies.", "--material", "--now", "2026-02-01")
	if status != exitOK || !strings.Contains(stdout, "archived the text effective 2026-01-05 as content/cookies/versions/2026-01-05.md") ||
		!strings.Contains(stdout, "Next:") || strings.Contains(stdout, "Add summary") {
		t.Fatalf("revise: %d\n%s\n%s", status, stdout, stderr)
	}
	data, _ = os.ReadFile(filepath.Join(src, "content", "cookies.md"))
	if !strings.Contains(string(data), "last_revised: 2026-02-01\neffective: 2026-03-01\nmaterial: true\ntoc: true\nsummary: Fewer cookies.\n") {
		t.Errorf("revised file:\n%s", data)
	}
	status, _, stderr = runCLI(t, "revise", "cookies", "--source", src, "--effective", "2026-02-15")
	if status != exitError || !strings.Contains(stderr, "is not after 2026-03-01") || !strings.Contains(stderr, "hint:") {
		t.Errorf("revise to an earlier date: %d %q", status, stderr)
	}
	status, stdout, _ = runCLI(t, "check", "--source", src, "--now", "2026-02-10")
	if status != exitOK || !strings.Contains(stdout, "policy has no description") || strings.Contains(stdout, "summary") {
		t.Errorf("check after revise: %d\n%s", status, stdout)
	}
}

func TestNewAndReviseUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"new"}, {"new", "policy"}, {"new", "page", "x"}, {"new", "policy", "a", "b"}, {"new", "policy", "x", "--now", "soon"},
		{"revise"}, {"revise", "x"}, {"revise", "x", "--effective", "next week"}, {"revise", "a", "b", "--effective", "2026-01-01"},
	} {
		if status, _, _ := runCLI(t, args...); status != exitUsage {
			t.Errorf("clause %v: status %d; want 2", args, status)
		}
	}
	if status, _, stderr := runCLI(t, "new", "policy", "Bad Slug", "--source", t.TempDir()); status != exitError || !strings.Contains(stderr, "not a valid policy slug") {
		t.Errorf("bad slug: %d %q", status, stderr)
	}
	if status, stdout, _ := runCLI(t, "revise", "--help"); status != exitOK || !strings.Contains(stdout, "-effective") {
		t.Errorf("revise --help: %d %q", status, stdout)
	}
}
