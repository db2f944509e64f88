package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// bigTree returns a marked site with nested folders, enough of them to
// keep every removal goroutine busy.
func bigTree() map[string]string {
	files := map[string]string{MarkerFile: MarkerText, "index.html": "home"}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("p%d/index.html", i)] = "page"
		files[fmt.Sprintf("p%d/changes/v%d/index.html", i, i)] = "version"
		files[fmt.Sprintf("legal/%d/a/b/index.html", i)] = "deep"
	}
	return files
}

// TestRemoveOwnedRemovesTreeNotLinks checks that the parallel removal
// removes a whole tree and does not follow symbolic links out of it.
func TestRemoveOwnedRemovesTreeNotLinks(t *testing.T) {
	t.Parallel()
	parent, outside := t.TempDir(), t.TempDir()
	writeTree(t, outside, map[string]string{"keep/me.txt": "mine", "file.txt": "mine"})
	dir := filepath.Join(parent, ".public.clause-tmp-1")
	writeTree(t, dir, bigTree())
	for name, target := range map[string]string{"linkdir": filepath.Join(outside, "keep"), "p3/linkfile": filepath.Join(outside, "file.txt")} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeOwned(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder is still there: %v", err)
	}
	assertTree(t, outside, map[string]string{"keep/me.txt": "mine", "file.txt": "mine"})
	if err := removeOwned(dir); err != nil {
		t.Errorf("removing a folder that is gone: %v", err)
	}
}

// TestRemovalCutShortIsFinishedLater checks the guarantee that makes
// removal safe to stop at any point: while anything else is left, the
// marker is, so the folder stays recognisably clause's and the next
// build's stale cleanup removes the rest.
func TestRemovalCutShortIsFinishedLater(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, ".public.clause-tmp-1")
	writeTree(t, dir, bigTree())
	broken := filepath.Join(dir, "legal", "7", "a", "b", "index.html")
	r := newTreeRemover()
	r.removeFile = func(name string) error {
		if name == broken {
			return &os.PathError{Op: "remove", Path: name, Err: errors.New("device gone")}
		}
		return os.Remove(name)
	}
	if err := r.removeOwned(dir); err == nil {
		t.Fatal("a failed removal reported no error")
	}
	left := readTree(t, dir)
	if len(left) != 2 || left[MarkerFile] != MarkerText || left["legal/7/a/b/index.html"] != "deep" {
		t.Errorf("after the failure the folder holds %v, want the marker and the file that failed", left)
	}
	if !ownedLeftover(dir) {
		t.Fatal("the folder left by a failed removal is not recognised as clause's")
	}
	if !canLockDirs {
		return
	}
	removeStale(parent, "public")
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale cleanup did not finish the removal: %v", err)
	}
}

// BenchmarkRemoveOwned removes the shape of a 1,000-policy site's output
// (a folder and a page per policy, a few shared files) one entry at a
// time and with the parallel remover. TMPDIR picks the file system.
func BenchmarkRemoveOwned(b *testing.B) {
	files := map[string]string{MarkerFile: MarkerText, "index.html": "home", "css/clause.css": "body{}"}
	for i := 0; i < 1000; i++ {
		files[fmt.Sprintf("policy-%d/index.html", i)] = "<p>policy</p>"
		files[fmt.Sprintf("policy-%d/history/index.html", i)] = "<p>history</p>"
	}
	for _, workers := range []int{0, removeWorkers} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := filepath.Join(b.TempDir(), "old")
				for name, data := range files {
					p := filepath.Join(dir, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						b.Fatal(err)
					}
					if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
						b.Fatal(err)
					}
				}
				r := &treeRemover{slots: make(chan struct{}, workers), removeFile: os.Remove}
				b.StartTimer()
				if err := r.removeOwned(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
