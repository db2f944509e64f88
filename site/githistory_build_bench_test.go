package site

import (
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// BenchmarkGitHistoryBuild times a whole history-mode build (load,
// assemble, render and write) of a generated repository of 100 policies
// and 2,000 commits, bench/history.sh's issue-15 size: about 2,000
// versions, each with its page, its changes redline and, when archived,
// its comparison with the version in force. It is the in-process form of
// that script's history build, for profiling the cost of each version
// page (-cpuprofile).
func BenchmarkGitHistoryBuild(b *testing.B) {
	benchHistoryBuild(b, corpus.HistoryOptions{Policies: 100, Commits: 2000})
}

// benchHistoryBuild times history-mode builds of the repository
// corpus.GitHistory makes with o, packed as bench/genhistory packs it
// (how git stores the texts decides how much cat-file inflates), and
// reports the pages a build writes.
func benchHistoryBuild(b *testing.B, o corpus.HistoryOptions) {
	dir := importHistory(b, corpus.GitHistory(o))
	git(b, dir, "2024-01-01", "repack", "-adfq")
	pages := 0
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		res, err := buildSite(Options{Source: dir, Destination: dest, Theme: clause.Theme, History: HistoryGit, Now: mustDate(b, "2026-01-01")})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}
