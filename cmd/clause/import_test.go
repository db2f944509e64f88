package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "policy.txt")
	os.WriteFile(in, []byte("Big news - learn more\n\nExample Privacy Policy\n\nLast updated: January , 2024\n\n1. INTRODUCTION\n\nWe collect little data about you or anyone else.\n"), 0o644)
	status, stdout, stderr := runCLI(t, "import", in)
	if status != exitOK || !strings.HasPrefix(stdout, "---\ntitle: Example Privacy Policy\n") || !strings.Contains(stdout, "\n## 1. INTRODUCTION\n") {
		t.Errorf("import: %d\n%s\n%s", status, stdout, stderr)
	}
	if !strings.Contains(stderr, in+`:1: note: dropped "Big news - learn more" above the title`) ||
		!strings.Contains(stderr, in+`:5: note: cannot read date "January , 2024"`) {
		t.Errorf("notes:\n%s", stderr)
	}

	out := filepath.Join(dir, "content", "example.md")
	os.MkdirAll(filepath.Dir(out), 0o755)
	stdin = strings.NewReader("<html><body><h1>Terms</h1><p>Plain <b>terms</b>, nothing else to say today.</p></body></html>")
	defer func() { stdin = os.Stdin }()
	status, stdout, stderr = runCLI(t, "import", "--output", out, "-")
	data, _ := os.ReadFile(out)
	if status != exitOK || stdout != "" || !strings.Contains(string(data), "Plain **terms**, nothing else") {
		t.Errorf("import from stdin: %d %q %q\n%s", status, stdout, stderr, data)
	}
	status, _, stderr = runCLI(t, "import", "--output", out, "--html", in)
	if status != exitError || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: %d %q", status, stderr)
	}
	if status, _, _ := runCLI(t, "check", "--source", dir); status != exitOK {
		t.Errorf("the imported file does not check")
	}
}

func TestImportUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"import"}, {"import", "a", "b"}, {"import", "--frob", "a"}} {
		if status, _, _ := runCLI(t, args...); status != exitUsage {
			t.Errorf("clause %v: status %d; want 2", args, status)
		}
	}
	if status, _, stderr := runCLI(t, "import", "https://example.com/privacy"); status != exitError || !strings.Contains(stderr, "not URLs") {
		t.Errorf("URL: %d %q", status, stderr)
	}
	if status, _, _ := runCLI(t, "import", filepath.Join(t.TempDir(), "missing.txt")); status != exitError {
		t.Errorf("missing file: %d", status)
	}
}
