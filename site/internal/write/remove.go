package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// removeWorkers bounds the goroutines that remove one folder tree.
// Removing waits on the file system far more than it computes, so the
// bound does not follow the number of cores: BenchmarkRemoveOwned on ext4
// took 1.5-1.9 s one entry at a time and 0.5-0.6 s with eight workers
// (0.6-0.7 s with two, 0.55-0.6 s with sixteen). Since unchanged files
// are linked and folders are held open until removed (see removeDir),
// what remains is one wait for the device per folder, and a whole
// rebuild with 32 workers took 0.86-0.95 of the time with eight
// (bench/rebuild.sh, two series of seven pairs, quiet machine); see
// BENCHMARKS.md, "Session 7: relink".
const removeWorkers = 32

// removeOwned removes a folder clause wrote, its marker last, so that a
// removal cut short still leaves a folder the next build recognises. A
// folder that is already gone is not an error.
func removeOwned(dir string) error {
	return newTreeRemover().removeOwned(dir)
}

// treeRemover removes folder trees as os.RemoveAll does, without
// following symbolic links, but works on up to removeWorkers subfolders
// at once. It keeps going after a failure and reports the first one.
type treeRemover struct {
	slots      chan struct{}           // a free slot lets a subfolder go to a goroutine of its own
	removeFile func(name string) error // os.Remove; tests make it fail
	mu         sync.Mutex
	err        error
}

func newTreeRemover() *treeRemover {
	return &treeRemover{slots: make(chan struct{}, removeWorkers), removeFile: os.Remove}
}

// removeOwned removes everything in dir but the marker, then, once all
// of that is gone, the marker and dir.
func (r *treeRemover) removeOwned(dir string) error {
	if dir == "" {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	r.removeEntries(dir, entries, MarkerFile)
	if r.err != nil {
		return r.err
	}
	return os.RemoveAll(dir)
}

// removeEntries removes the entries of dir other than keep, and returns
// once all of them are gone or have failed.
func (r *treeRemover) removeEntries(dir string, entries []fs.DirEntry, keep string) {
	var wg sync.WaitGroup
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Name() == keep:
		case !e.IsDir(): // files and symbolic links, which are never followed
			r.note(r.removeFile(p))
		default:
			select {
			case r.slots <- struct{}{}:
				wg.Add(1)
				go func() {
					defer func() { <-r.slots; wg.Done() }()
					r.removeDir(p)
				}()
			default:
				r.removeDir(p)
			}
		}
	}
	wg.Wait()
}

// removeDir removes the folder p and everything in it. What is already
// gone (another build's stale cleanup may be removing the same folder)
// is not an error.
//
// The folder stays open until it is removed. Where removing a folder
// waits for the device (ext4 without a journal, mounted with discard,
// discards the folder's block when its last reference goes), that wait
// then happens in close, after rmdir has released the lock the kernel
// holds on the parent folder: folders with the same parent, a thousand
// in a 1,000-policy site, are then removed in parallel instead of one
// at a time (see BENCHMARKS.md, "Session 7: relink").
func (r *treeRemover) removeDir(p string) {
	f, err := os.Open(p)
	if err != nil {
		r.note(err)
		r.note(os.Remove(p)) // an empty folder that cannot be read
		return
	}
	entries, err := f.ReadDir(-1)
	r.note(err)
	if runtime.GOOS == "windows" { // where an open folder cannot be removed
		f.Close()
	}
	r.removeEntries(p, entries, "")
	r.note(os.Remove(p))
	f.Close()
}

// note records err if it is the first failure.
func (r *treeRemover) note(err error) {
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return
	}
	r.mu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.mu.Unlock()
}
