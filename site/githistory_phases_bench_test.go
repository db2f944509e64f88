package site

import (
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// BenchmarkGitHistoryPhases times what history mode adds before
// rendering, on a generated repository of 100 policies and 2,000 commits
// (bench/history.sh's issue-15 size): load and assemble with history: git
// (reading the log and every revision from git, parsing them in parallel
// and folding them into versions) against the same phases with history:
// files, for the same checkout. Rendering the versions' pages is not
// timed here; bench/history.sh times whole builds.
func BenchmarkGitHistoryPhases(b *testing.B) {
	dir := importHistory(b, corpus.GitHistory(corpus.HistoryOptions{Policies: 100, Commits: 2000}))
	for _, h := range []History{HistoryGit, HistoryFiles} {
		b.Run(string(h), func(b *testing.B) {
			for b.Loop() {
				loadAndAssemble(b, Options{Source: dir, Theme: clause.Theme, History: h, Now: mustDate(b, "2026-01-01")})
			}
		})
	}
}

// loadAndAssemble runs the load and assemble phases of a build of
// opts.Source and fails on errors.
func loadAndAssemble(b *testing.B, opts Options) {
	m, _ := assembleOrFail(b, opts)
	m.closeBlobs()
}
