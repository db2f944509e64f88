package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process and returns its status and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"build", "--frob"}, "clause build: unknown flag --frob\nUsage: clause build ["},
		{[]string{"build", "--destinaton", "x"}, "unknown flag --destinaton; did you mean --destination?"},
		{[]string{"serve", "-prot", "8080"}, "unknown flag --prot; did you mean --port?"},
		{[]string{"check", "--sourc"}, "unknown flag --sourc; did you mean --source?"},
		{[]string{"buidl"}, `unknown command "buidl"; did you mean clause build?`},
		{[]string{"help", "chekc"}, `unknown command "chekc"; did you mean clause check?`},
		{[]string{"build", "--source"}, "flag needs an argument: --source"},
		{[]string{"build", "extra"}, `unexpected argument "extra"`},
		{[]string{"build", "--now", "someday"}, "--now"},
		{[]string{"serve", "--port", "x"}, `invalid value "x" for flag --port: want a whole number`},
		{[]string{"build", "--history", "svn"}, `invalid value "svn" for flag --history: must be "files" or "git"`},
		{[]string{"check", "--history=Git"}, `invalid value "Git" for flag --history`},
		{[]string{"serve", "--history", ""}, "invalid value"},
		{[]string{"serve", "--allowed-host", "https://preview.example.com"}, `invalid value "https://preview.example.com" for flag --allowed-host: "https://preview.example.com": want a host name only`},
	}
	for _, tt := range tests {
		status, _, stderr := runCLI(t, tt.args...)
		if status != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("clause %v: status %d, stderr %q; want 2 and %q", tt.args, status, stderr, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "build"}, {"build", "--help"}, {"serve", "-h"}} {
		status, stdout, _ := runCLI(t, args...)
		if status != exitOK || !strings.Contains(stdout, "Usage") {
			t.Errorf("clause %v: status %d, stdout %q", args, status, stdout)
		}
	}
	if status, stdout, _ := runCLI(t, "version"); status != 0 || !strings.HasPrefix(stdout, "clause ") {
		t.Errorf("version: %d %q", status, stdout)
	}
}

func TestBuildCommand(t *testing.T) {
	src := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(src, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/privacy.md", "---\ntitle: Privacy\n---\n## Data\n")
	dest := filepath.Join(t.TempDir(), "out")
	status, stdout, stderr := runCLI(t, "build", "--source", src, "--destination", dest)
	if status != exitOK || !strings.HasPrefix(stdout, "built 4 pages (1 policy, 0 redirects) in ") {
		t.Fatalf("status %d\nstdout %s\nstderr %s", status, stdout, stderr)
	}
	write("content/terms.md", "---\ndate: tomorrow\n---\n")
	write("content/cookies.md", "---\ntoc: often\n---\n")
	status, _, stderr = runCLI(t, "build", "--source", src, "--destination", dest)
	if status != exitError || !strings.Contains(stderr, "content/cookies.md:2: toc must be true or false") ||
		!strings.Contains(stderr, "content/terms.md:2: date: cannot read date") || !strings.Contains(stderr, "build failed: 2 errors") {
		t.Errorf("status %d, stderr:\n%s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "privacy", "index.html")); err != nil {
		t.Errorf("previous output damaged: %v", err)
	}
	t.Setenv("CLAUSE_DESTINATION", filepath.Join(t.TempDir(), "env-out"))
	os.Remove(filepath.Join(src, "content", "terms.md"))
	os.Remove(filepath.Join(src, "content", "cookies.md"))
	if status, stdout, _ := runCLI(t, "build", "--source", src, "--quiet"); status != 0 || stdout != "" {
		t.Errorf("--quiet with CLAUSE_DESTINATION: %d %q", status, stdout)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("CLAUSE_DESTINATION"), "index.html")); err != nil {
		t.Errorf("CLAUSE_DESTINATION ignored: %v", err)
	}
}
