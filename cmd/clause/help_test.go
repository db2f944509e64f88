package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/help/*.txt from the current help")

// TestHelpGolden compares every command's --help, and clause help, with
// testdata/help/<command>.txt: one usage block on standard output,
// flags spelled --name as the usage line spells them, defaults shown.
func TestHelpGolden(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		args := []string{c.name, "--help"}
		if c.name == "help" {
			args = []string{"help"}
		}
		status, stdout, stderr := runCLI(t, args...)
		if status != exitOK || stderr != "" {
			t.Errorf("clause %s: status %d, stderr %q; want 0 and nothing", strings.Join(args, " "), status, stderr)
		}
		if n := strings.Count(stdout, "Usage"); n != 1 {
			t.Errorf("clause %s prints Usage %d times:\n%s", strings.Join(args, " "), n, stdout)
		}
		if regexp.MustCompile(`(?m)^\s+-[a-z]`).MatchString(stdout) {
			t.Errorf("clause %s spells a flag with one dash:\n%s", strings.Join(args, " "), stdout)
		}
		golden := filepath.Join("testdata", "help", c.name+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/clause -run TestHelpGolden -update)", err)
		}
		if stdout != string(want) {
			t.Errorf("clause %s:\n%s\nwant (%s):\n%s", strings.Join(args, " "), stdout, golden, want)
		}
	}
}

// TestHelpForms checks that every way of asking for help prints the same
// text, once.
func TestHelpForms(t *testing.T) {
	t.Parallel()
	_, want, _ := runCLI(t, "build", "--help")
	for _, args := range [][]string{{"build", "-h"}, {"build", "-help"}, {"help", "build"}, {"build", "--source", "x", "--help"}} {
		if status, stdout, stderr := runCLI(t, args...); status != exitOK || stdout != want || stderr != "" {
			t.Errorf("clause %v: status %d, stderr %q, stdout:\n%s", args, status, stderr, stdout)
		}
	}
	_, root, _ := runCLI(t, "help")
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help", "help"}} {
		if status, stdout, _ := runCLI(t, args...); status != exitOK || stdout != root {
			t.Errorf("clause %v: status %d, stdout:\n%s", args, status, stdout)
		}
	}
}

// TestUsageLinesMatchFlags checks that each command's usage line names
// every flag its help lists, with the same value name (the help names the
// value of a flag that takes one even when the usage line does not, and
// never names one for a flag that takes none), and no other flag.
func TestUsageLinesMatchFlags(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		_, stdout, _ := runCLI(t, c.name, "--help")
		values := valueNames(c.usage)
		for _, m := range regexp.MustCompile(`(?m)^  --([a-z-]+)(?: (\S+))?$`).FindAllStringSubmatch(stdout, -1) {
			v, listed := values[m[1]]
			switch {
			case !listed:
				t.Errorf("%s: the usage line %q lacks --%s", c.name, c.usage, m[1])
			case v != m[2]:
				t.Errorf("%s: the usage line gives --%s the value %q, the flag takes %q", c.name, m[1], v, m[2])
			}
			delete(values, m[1])
		}
		for name := range values {
			t.Errorf("%s: the usage line names --%s, which the command does not define", c.name, name)
		}
	}
}

// TestREADMECommandLine checks that the README's Command line block lists
// exactly the usage lines of the commands.
func TestREADMECommandLine(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Command line\n\n```\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README.md has no Command line block")
	}
	var want strings.Builder
	for _, c := range commands() {
		want.WriteString(c.usage + "\n")
	}
	if string(m[1]) != want.String() {
		t.Errorf("README.md's Command line block:\n%s\nwant the usage lines:\n%s", m[1], want.String())
	}
}
