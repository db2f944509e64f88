package site

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// BenchmarkGitHistory builds a repository of 50 policies with 1,000
// commits between them, in history mode (target: under 3 s). Every 20th
// commit of a policy bumps its effective date; the others are typo fixes
// that fold into their version.
func BenchmarkGitHistory(b *testing.B) {
	dir := importHistory(b, fastImport(corpus.Files(corpus.Options{Policies: 50}), 1000))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dest := filepath.Join(b.TempDir(), "public")
		res, err := buildSite(Options{Source: dir, Destination: dest, Theme: clause.Theme, History: HistoryGit, Now: mustDate(b, "2030-01-01")})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(res.Pages), "pages")
		}
	}
}

// fastImport writes a git fast-import stream: the corpus as the first
// commit, then commits edits round-robin over the policies.
func fastImport(files map[string][]byte, commits int) []byte {
	var buf bytes.Buffer
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sortStrings(names)
	var policies []string
	for _, n := range names {
		if filepath.Base(n) == "index.md" {
			policies = append(policies, n)
		}
	}
	writeCommit(&buf, 0, "import", names, files)
	for c := 1; c < commits; c++ {
		p := policies[c%len(policies)]
		round := c / len(policies)
		date := fmt.Sprintf("2025-%02d-%02d", 1+round/20%12, 1+round%20)
		text := bytes.Replace(files[p], []byte("effective: 2025-06-01"), []byte("effective: 2025-"+fmt.Sprintf("%02d", 1+round/20%12)+"-01"), 1)
		text = append(append([]byte(nil), text...), fmt.Sprintf("\nEdit %d on %s.\n", c, date)...)
		files[p] = text
		writeCommit(&buf, c, "edit "+p, []string{p}, files)
	}
	return buf.Bytes()
}

func writeCommit(buf *bytes.Buffer, n int, msg string, names []string, files map[string][]byte) {
	when := 1704067200 + int64(n)*3600
	fmt.Fprintf(buf, "commit refs/heads/main\ncommitter T <t@example.test> %d +0000\ndata %d\n%s\n", when, len(msg), msg)
	for _, name := range names {
		fmt.Fprintf(buf, "M 100644 inline %s\ndata %d\n", name, len(files[name]))
		buf.Write(files[name])
		buf.WriteByte('\n')
	}
}

// BenchmarkGitHistoryRealistic builds, in history mode, a repository
// shaped like a real one (corpus.GitHistory): 350 policies of about 15 KB
// and 4,000 commits, several a day, with a migration commit into
// content/, bulk front-matter commits and white-space fixes (target: well
// under 15 s). bench/history.sh times the same build as a whole process.
func BenchmarkGitHistoryRealistic(b *testing.B) {
	benchHistoryBuild(b, corpus.HistoryOptions{Policies: 350, Commits: 4000})
}
