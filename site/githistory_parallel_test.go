package site

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// TestGitHistoryParallelDeterminism builds a generated repository of
// many commits (moves, bulk front-matter edits, undated policies that
// warn) in history mode with one, two and four workers. Policies'
// histories are read and parsed in parallel, and their redlines rendered
// in parallel; the files written and the warnings, in their order, must
// not depend on how many run at once.
func TestGitHistoryParallelDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 600-commit history three times")
	}
	dir := importHistory(t, corpus.GitHistory(corpus.HistoryOptions{Policies: 24, Commits: 600}))

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var firstFiles map[string][]byte
	var firstWarnings []string
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		files, res, err := renderSite(Options{Source: dir, Theme: clause.Theme, History: HistoryGit, Now: mustDate(t, "2026-01-01")})
		if err != nil {
			t.Fatalf("GOMAXPROCS=%d: %v", procs, err)
		}
		var warnings []string
		for _, w := range res.Warnings {
			warnings = append(warnings, w.Error())
		}
		if firstFiles == nil {
			firstFiles, firstWarnings = files, warnings
			if len(warnings) == 0 || res.Pages < 24*3 {
				t.Fatalf("the generated history gave %d warnings and %d pages; want warnings and several pages per policy", len(warnings), res.Pages)
			}
			continue
		}
		if got, want := fmt.Sprint(warnings), fmt.Sprint(firstWarnings); got != want {
			t.Errorf("GOMAXPROCS=%d: warnings differ from GOMAXPROCS=1:\n%s\nwant\n%s", procs, got, want)
		}
		if len(files) != len(firstFiles) {
			t.Errorf("GOMAXPROCS=%d: %d files, want %d", procs, len(files), len(firstFiles))
		}
		for name, data := range firstFiles {
			if !bytes.Equal(files[name], data) {
				t.Errorf("GOMAXPROCS=%d: %s differs from GOMAXPROCS=1", procs, name)
			}
		}
	}
}
