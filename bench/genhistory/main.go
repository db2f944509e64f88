// Command genhistory writes a deterministic git repository shaped like a
// real policy repository's history (see corpus.GitHistory): N policies,
// K commits, several a day, a migration commit into content/, bulk
// front-matter commits and white-space fixes.
//
//	go run ./bench/genhistory -policies 350 -commits 4000 -out /tmp/history
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/clause-dev/clause/site/corpus"
)

func main() {
	policies := flag.Int("policies", 350, "number of policy files")
	commits := flag.Int("commits", 4000, "number of commits")
	out := flag.String("out", "", "folder for the repository (required; must not exist or be empty)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genhistory: -out is required")
		os.Exit(2)
	}
	if err := generate(*out, corpus.GitHistory(corpus.HistoryOptions{Policies: *policies, Commits: *commits})); err != nil {
		fmt.Fprintln(os.Stderr, "genhistory:", err)
		os.Exit(1)
	}
}

// generate creates the repository in dir from a fast-import stream, packs
// it as a clone would be, and checks out main.
func generate(dir string, stream []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	steps := [][]string{{"init", "-q", "-b", "main"}, {"fast-import", "--quiet"}, {"repack", "-adfq"}, {"checkout", "-q", "-f", "main"}}
	for _, args := range steps {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if args[0] == "fast-import" {
			cmd.Stdin = bytes.NewReader(stream)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v\n%s", args[0], err, out)
		}
	}
	return nil
}
