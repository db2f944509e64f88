package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clause-dev/clause"
	"golang.org/x/sys/unix"
)

// TestRebuildKeepsUnchangedFiles rebuilds a site over its previous output
// after one policy changed: the output is what a fresh build writes, the
// changed policy's page is a new file, and files that did not change (the
// other policy's page, the stylesheet) are the very files of the previous
// output (hard links, see site/internal/write).
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	t.Parallel()
	fd, err := unix.Openat2(unix.AT_FDCWD, t.TempDir(), &unix.OpenHow{Flags: unix.O_RDONLY | unix.O_DIRECTORY | unix.O_CLOEXEC})
	if err != nil {
		t.Skipf("openat2: %v: a build writes every file here", err)
	}
	unix.Close(fd)
	src := newSite(t, goodSite)
	dest, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"privacy/index.html", "terms/index.html", "css/clause.css"}
	before := map[string]os.FileInfo{}
	for _, p := range paths {
		if before[p], err = os.Lstat(filepath.Join(dest, p)); err != nil {
			t.Fatal(err)
		}
	}
	writeTree(t, src, revisedSite)
	opts := Options{Source: src, Destination: dest, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	if _, err := buildSite(opts); err != nil {
		t.Fatal(err)
	}
	fresh, _, err := build(t, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, readTree(t, dest), readTree(t, fresh))
	for _, p := range paths {
		after, err := os.Lstat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		if same, want := os.SameFile(before[p], after), p != "privacy/index.html"; same != want {
			t.Errorf("%s: same file as before the rebuild = %v, want %v", p, same, want)
		}
	}
}
