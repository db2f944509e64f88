package gitlog

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
)

const (
	benchFiles   = 50
	benchCommits = 1000
	benchLines   = 80 // about 5 KB per file
)

// benchSetup returns a repository of benchCommits commits across benchFiles
// files, and the files' paths at HEAD.
func benchSetup(b *testing.B) (string, []string) {
	b.Helper()
	r := newTestRepo(b)
	stream, paths := fastImportStream()
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Env, cmd.Stdin = r.dir, testGitEnv(), bytes.NewReader(stream)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("git fast-import: %v\n%s", err, out)
	}
	// Repack as a clone or gc would: fast-import deltifies each blob against
	// its previous version, which makes reading recent versions slow.
	r.git("repack", "-adfq")
	return r.dir, paths
}

// fastImportStream returns a fast-import stream whose first benchFiles
// commits add one file each (files share no lines, so that neither approach
// mistakes one for a copy of another) and whose other commits edit one line of one
// file; every 97th commit also moves the file it edits into archive/. It
// returns the files' final paths too.
func fastImportStream() ([]byte, []string) {
	var buf bytes.Buffer
	paths := make([]string, benchFiles)
	lines := make([][]string, benchFiles)
	for f := range benchFiles {
		paths[f] = fmt.Sprintf("policies/policy-%02d.md", f)
		for l := range benchLines {
			sum := sha256.Sum256([]byte{byte(f), byte(l)})
			lines[f] = append(lines[f], fmt.Sprintf("Policy %02d, line %02d: %x", f, l, sum[:20]))
		}
	}
	for i := range benchCommits {
		f := i
		if i >= benchFiles {
			f = (i * 7) % benchFiles
			lines[f][(i*13)%benchLines] = fmt.Sprintf("Line edited in commit %d: retention is now %d days.", i, i%365)
		}
		fmt.Fprintf(&buf, "commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\n", i+1, 1700000000+i*3600)
		writeData(&buf, fmt.Sprintf("Commit %d edits policy %02d", i, f))
		if i > 0 {
			fmt.Fprintf(&buf, "from :%d\n", i)
		}
		if i >= benchFiles && i%97 == 0 && !strings.HasPrefix(paths[f], "archive/") {
			old := paths[f]
			paths[f] = "archive/" + strings.TrimPrefix(old, "policies/")
			fmt.Fprintf(&buf, "R %s %s\n", old, paths[f])
		}
		fmt.Fprintf(&buf, "M 100644 inline %s\n", paths[f])
		writeData(&buf, strings.Join(lines[f], "\n")+"\n")
	}
	return buf.Bytes(), paths
}

// writeData writes a fast-import data command with s.
func writeData(buf *bytes.Buffer, s string) {
	fmt.Fprintf(buf, "data %d\n%s\n", len(s), s)
}

// BenchmarkHistory measures the approach Log uses, reading the contents
// as fullHistory does: one whole-repository log and one cat-file process.
func BenchmarkHistory(b *testing.B) {
	dir, paths := benchSetup(b)
	repo, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	checkBenchHistory(b, repo, paths)
	for b.Loop() {
		if _, err := repo.fullHistory(paths); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistoryFollow measures the rejected alternative: one
// `git log --follow` per file, two at a time, then one cat-file process.
func BenchmarkHistoryFollow(b *testing.B) {
	dir, paths := benchSetup(b)
	repo, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := repo.followHistory(paths); err != nil {
			b.Fatal(err)
		}
	}
}

// checkBenchHistory verifies that both approaches agree on the generated
// repository, and that every commit is accounted for.
func checkBenchHistory(b *testing.B, repo *Repo, paths []string) {
	b.Helper()
	h, err := repo.fullHistory(paths)
	if err != nil {
		b.Fatal(err)
	}
	f, err := repo.followHistory(paths)
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, p := range paths {
		total += len(h[p])
		if !slices.EqualFunc(h[p], f[p], func(x, y Revision) bool {
			return x.Commit == y.Commit && x.Path == y.Path && bytes.Equal(x.Content, y.Content)
		}) {
			b.Fatalf("%s: History and --follow disagree:\n%q\n%q", p, summary(h[p]), summary(f[p]))
		}
	}
	if total != benchCommits {
		b.Fatalf("got %d revisions in all, want %d", total, benchCommits)
	}
}

// followHistory is the alternative to History measured by
// BenchmarkHistoryFollow.
func (r *Repo) followHistory(paths []string) (map[string][]Revision, error) {
	walkers := make([]*walker, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, p := range paths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			walkers[i], errs[i] = r.followOne(p)
		})
	}
	wg.Wait()
	all := &walker{}
	for i, w := range walkers {
		if errs[i] != nil {
			return nil, errs[i]
		}
		all.trackers = append(all.trackers, w.trackers...)
	}
	cf, err := r.startCatFile()
	if err != nil {
		return nil, err
	}
	for _, oid := range all.oids() {
		cf.request(oid)
	}
	blobs, err := cf.finish()
	if err != nil {
		return nil, err
	}
	return all.revisions(blobs), nil
}

// followOne walks `git log --follow` for one repository path.
func (r *Repo) followOne(p string) (*walker, error) {
	out, err := r.output("log", "--follow", "-z", "--no-color", logFormat,
		"--raw", "--no-abbrev", "-M", "--no-merges", "--", p)
	if err != nil {
		return nil, err
	}
	w := newWalker([]string{p}, nil)
	_, err = feed(newLogReader(bytes.NewReader(out)), w)
	return w, err
}

// oids returns the distinct blob ids of all recorded revisions.
func (w *walker) oids() []string {
	seen := make(map[string]bool)
	var out []string
	for _, t := range w.trackers {
		for _, pr := range t.revs {
			if !seen[pr.oid] {
				seen[pr.oid] = true
				out = append(out, pr.oid)
			}
		}
	}
	return out
}
