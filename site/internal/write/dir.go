package write

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// MarkerFile marks a folder as written by clause, so that a later build
// may replace it. A non-empty folder without it is never touched.
const MarkerFile = ".clause-output"

// MarkerText is what MarkerFile holds. Stale cleanup removes a leftover
// temporary folder only when its marker holds exactly this text.
const MarkerText = "This folder is written by `clause build`. Every build replaces it whole.\n"

// Dir is an Output that writes into a fresh temporary folder beside the
// destination and swaps it in on Commit. The folder is new and only
// clause writes in it, so no symbolic link can be inside; every path is
// checked to be local before it is joined, so nothing is written outside.
// (os.Root would walk each path component with its own system call,
// which tripled the cost of writing a site on slow file systems.)
//
// The temporary folder holds the marker from the start and stays locked
// until Commit or Discard, so that a later build can tell a folder left
// by a killed build (marked and unlocked) from one another build is
// still writing; see removeStale.
//
// Write may be called from many goroutines at once; Commit and Discard
// only by the one that called Open, after every Write has returned.
type Dir struct {
	ctx    context.Context
	dest   string
	tmp    string
	unlock func()
	mu     sync.Mutex
	dirs   map[string]bool
	done   bool      // Commit or Discard has run
	prev   *previous // the output being replaced, as a source of links; nil for none
}

// Open removes what killed builds left beside dest, then creates the
// temporary folder that Commit will swap in at dest. dest should have
// passed Check. Writes fail once ctx is done, and Commit then discards.
func Open(ctx context.Context, dest string) (*Dir, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("destination: %w", err)
	}
	removeStale(parent, filepath.Base(dest))
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(dest)))
	if err != nil {
		return nil, fmt.Errorf("destination: %w", err)
	}
	unlock, err := lockDir(tmp)
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("destination: %w", err)
	}
	d := &Dir{ctx: ctx, dest: dest, tmp: tmp, unlock: unlock, dirs: map[string]bool{".": true}}
	if err := os.Chmod(tmp, 0o755); err != nil {
		d.Discard()
		return nil, fmt.Errorf("destination: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte(MarkerText), 0o644); err != nil {
		d.Discard()
		return nil, fmt.Errorf("destination: %w", err)
	}
	d.prev = openPrevious(dest, filepath.Join(tmp, MarkerFile))
	return d, nil
}

// tempPrefix is how the temporary folders of a destination named base
// begin.
func tempPrefix(base string) string { return "." + base + ".clause-tmp-" }

// Write stores one file below the temporary folder: a hard link to the
// previous output's file at p when that holds exactly data (see
// previous), else a new file.
func (d *Dir) Write(p string, data []byte) error {
	name, err := d.prepare(p)
	if err != nil {
		return err
	}
	if d.prev.linkUnchanged(p, name, data) {
		return nil
	}
	return writeFile(name, data)
}

// prepare checks p, makes its folder below the temporary folder and
// returns the file's name there.
func (d *Dir) prepare(p string) (string, error) {
	if err := d.ctx.Err(); err != nil {
		return "", err
	}
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		return "", fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	d.mu.Lock()
	err := d.makeDir(path.Dir(p))
	d.mu.Unlock()
	if err != nil {
		return "", err
	}
	return filepath.Join(d.tmp, filepath.FromSlash(p)), nil
}

// makeDir creates the folder dir (a slash path below the temporary
// folder) and its missing parents. The temporary folder is new and only
// Write makes folders in it, so one that is not recorded does not exist
// yet and costs one mkdir system call (os.MkdirAll would stat it first:
// a thousand policies make two thousand folders). If mkdir fails anyway,
// os.MkdirAll decides. The caller holds d.mu.
func (d *Dir) makeDir(dir string) error {
	if d.dirs[dir] {
		return nil
	}
	if err := d.makeDir(path.Dir(dir)); err != nil {
		return err
	}
	abs := filepath.Join(d.tmp, filepath.FromSlash(dir))
	if err := os.Mkdir(abs, 0o755); err != nil {
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return err
		}
	}
	d.dirs[dir] = true
	return nil
}

// Discard removes the temporary folder, leaving the destination as it
// was. After Commit or an earlier Discard it does nothing, so it may be
// deferred.
func (d *Dir) Discard() {
	if d.done {
		return
	}
	d.done = true
	d.prev.close()
	removeOwned(d.tmp)
	d.unlock()
}
