package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeQuickStart checks the README's quick start: exactly two
// commands, each of which exists, and the notes around them that a
// newcomer needs: serve blocks, the race detector needs a C compiler and
// the browser tests need scripts/install-browser-deps.
func TestReadmeQuickStart(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n## Quick start\n(.*?)\n## ").FindSubmatch(data)
	if m == nil {
		t.Fatal("README.md has no Quick start section")
	}
	section := string(m[1])
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 1 {
		t.Fatalf("the quick start has %d command blocks, want 1", len(blocks))
	}
	var commands []string
	for _, line := range strings.Split(strings.TrimSpace(blocks[0][1]), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		commands = append(commands, strings.TrimSpace(cmd))
	}
	if len(commands) != 2 || commands[0] != "go run ./cmd/clause serve" || commands[1] != "scripts/test" {
		t.Errorf("the quick start's commands are %q, want serve and scripts/test", commands)
	}
	for _, script := range []string{"scripts/test", "scripts/install-browser-deps"} {
		if fi, err := os.Stat(filepath.Join(root, script)); err != nil || fi.Mode()&0o111 == 0 {
			t.Errorf("%s is not an executable script: %v", script, err)
		}
	}
	prose := strings.ReplaceAll(section, "\n", " ")
	for _, want := range []string{"second terminal", "C compiler", "race detector", "`scripts/install-browser-deps`", "`go test ./e2e/` fails"} {
		if !strings.Contains(prose, want) {
			t.Errorf("the quick start does not say %q", want)
		}
	}
}
