package site

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// dirOutput writes into a fresh temporary folder beside the destination
// and swaps it in on commit. The folder is new and only clause writes in
// it, so no symbolic link can be inside; every path is checked to be local
// before it is joined, so nothing is written outside. (os.Root would walk
// each path component with its own system call, which tripled the cost of
// writing a site on slow file systems.)
//
// The temporary folder is named .<dest>.clause-tmp-<random>, holds
// clause's marker from the start and stays locked while the build runs,
// so that a later build can tell a folder left by a killed build (marked
// and unlocked) from one another build is still writing; see removeStale.
type dirOutput struct {
	ctx    context.Context
	dest   string
	tmp    string
	unlock func()
	mu     sync.Mutex
	dirs   map[string]bool
}

// newDirOutput removes what killed builds left beside dest, then creates
// the temporary folder. Writes fail once ctx is done.
func newDirOutput(ctx context.Context, dest string) (*dirOutput, error) {
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
	d := &dirOutput{ctx: ctx, dest: dest, tmp: tmp, unlock: unlock, dirs: map[string]bool{".": true}}
	if err := os.Chmod(tmp, 0o755); err != nil {
		d.discard()
		return nil, fmt.Errorf("destination: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte(markerText), 0o644); err != nil {
		d.discard()
		return nil, fmt.Errorf("destination: %w", err)
	}
	return d, nil
}

// tempPrefix is how the temporary folders of a destination named base
// begin.
func tempPrefix(base string) string { return "." + base + ".clause-tmp-" }

// write stores one file below the temporary folder.
func (d *dirOutput) write(p string, data []byte) error {
	if err := d.ctx.Err(); err != nil {
		return err
	}
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	dir := path.Dir(p)
	d.mu.Lock()
	if !d.dirs[dir] {
		if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
			d.mu.Unlock()
			return err
		}
		d.dirs[dir] = true
	}
	d.mu.Unlock()
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(p)), data, 0o644)
}

// discard removes the temporary folder, leaving the destination as it was.
func (d *dirOutput) discard() {
	removeOwned(d.tmp)
	d.unlock()
}
