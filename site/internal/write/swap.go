package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errNoExchange reports that the system or file system cannot exchange
// two paths in one step.
var errNoExchange = errors.New("atomic exchange not supported")

// exchange swaps two existing paths in one step, or returns
// errNoExchange. It is a variable so that tests can take the fallback.
var exchange = systemExchange

// Commit replaces the destination with the finished build and removes
// the previous output. When the build's context is already done it
// discards the build instead and returns the context's error.
//
// Where the system can exchange two paths in one step, the destination
// always exists: it is the previous output until the instant it is the
// new one, which a kill cannot split. Elsewhere, and on file systems
// without that operation, the previous output is first renamed aside,
// which leaves a moment without a destination; a kill in it leaves the
// previous output in a marked folder beside the destination.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("write: Commit after Commit or Discard")
	}
	pause(d.ctx, "commit")
	if err := d.ctx.Err(); err != nil {
		d.Discard()
		return err
	}
	d.done = true
	d.prev.close()
	defer d.unlock()
	old, err := d.swap()
	if err != nil {
		removeOwned(d.tmp)
		return fmt.Errorf("replacing %s: %w", d.dest, err)
	}
	pause(d.ctx, "swapped")
	return removeOwned(old)
}

// swap puts the temporary folder at the destination and returns where
// the previous output now is ("" on the first build).
func (d *Dir) swap() (string, error) {
	if _, err := os.Lstat(d.dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(d.tmp, d.dest)
	}
	err := exchange(d.tmp, d.dest)
	if err == nil {
		return d.tmp, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", err
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.dest, old); err != nil {
		return "", err
	}
	pause(d.ctx, "moved-aside")
	if err := os.Rename(d.tmp, d.dest); err != nil {
		os.Rename(old, d.dest)
		return "", err
	}
	return old, nil
}
