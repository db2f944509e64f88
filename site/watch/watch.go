// Package watch reports changes below a set of roots as debounced,
// deduplicated batches, ready to drive one rebuild at a time.
//
// Directories are watched recursively; directories created later are added
// as they appear and files already inside them are reported as created.
// Editor temp files and hidden directories are ignored, and atomic saves
// (write a temp file, rename it over the original) surface as a change of
// the original path. Event paths are absolute and cleaned. An Event for a
// directory (for example one that was renamed away) applies to everything
// below it.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Op is a set of file operations; a merged Event carries exactly one.
type Op uint8

// The operations reported in an Event.
const (
	Create Op = 1 << iota // the path did not exist before the batch and exists now
	Write                 // the path existed before and exists now, with new contents
	Remove                // the path existed before and was deleted
	Rename                // the path existed before and was moved away
)

// Has reports whether o contains any of the operations in h.
func (o Op) Has(h Op) bool { return o&h != 0 }

// String returns the operation names joined by "|".
func (o Op) String() string {
	var names []string
	for i, n := range []string{"CREATE", "WRITE", "REMOVE", "RENAME"} {
		if o.Has(1 << i) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "|")
}

// Event is one changed path.
type Event struct {
	Path string // absolute, cleaned path
	Op   Op
}

// String formats the event as `OP "path"`.
func (e Event) String() string { return fmt.Sprintf("%s %q", e.Op, e.Path) }

// Options configures a Watcher.
type Options struct {
	// Roots are directories (watched recursively) or single files (their
	// parent directory is watched, filtered to the file). Missing roots are
	// fine: their nearest existing ancestor is watched so creation is noticed.
	Roots []string
	// Debounce is the quiet period that closes a batch; zero means 20ms.
	Debounce time.Duration
	// Ignore, when set, leaves out more paths below the roots: it gets an
	// absolute, cleaned path and whether it is known to be a directory,
	// and a directory it ignores is not watched. It is called from the
	// watcher's goroutines.
	Ignore func(path string, isDir bool) bool
	// Admit, when set, re-admits paths inside hidden directories, which
	// are otherwise ignored: for a caller whose own rules publish some of
	// them, as Jekyll's include does. Editor temp files stay ignored, and
	// Ignore still applies. It is called like Ignore.
	Admit func(path string, isDir bool) bool
}

// defaultDebounce is used when Options.Debounce is zero.
const defaultDebounce = 20 * time.Millisecond

// maxWait caps how long a batch stays open under a continuous event storm.
const maxWait = 500 * time.Millisecond

// Watcher watches roots and delivers batches of changes.
type Watcher struct {
	fw       *fsnotify.Watcher
	roots    []string        // absolute, cleaned
	debounce time.Duration   //
	watched  map[string]bool // every path registered with fsnotify
	batches  chan []Event
	errors   chan error
	done     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
	closeErr error

	ignore func(path string, isDir bool) bool // Options.Ignore
	admit  func(path string, isDir bool) bool // Options.Admit
}

// New starts watching opts.Roots. It fails if a root cannot be resolved or
// an existing directory cannot be watched (for example when the inotify
// watch limit is reached).
func New(opts Options) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fw:       fw,
		debounce: cmp(opts.Debounce, defaultDebounce),
		ignore:   opts.Ignore,
		admit:    opts.Admit,
		watched:  make(map[string]bool),
		batches:  make(chan []Event),
		errors:   make(chan error, 8),
		done:     make(chan struct{}),
	}
	if err := w.addRoots(opts.Roots); err != nil {
		fw.Close()
		return nil, err
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// cmp returns d, or def when d is not positive.
func cmp(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// addRoots resolves every root and sets up its watches.
func (w *Watcher) addRoots(roots []string) error {
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		w.roots = append(w.roots, abs)
		if err := w.syncRoot(abs, nil); err != nil {
			return err
		}
	}
	return nil
}

// Batches delivers closed batches: one Event per path, sorted by path. The
// channel is unbuffered; while the consumer is busy new events keep merging
// into the pending batch, so it never sees a backlog of stale batches. It is
// closed by Close.
func (w *Watcher) Batches() <-chan []Event { return w.batches }

// Errors delivers non-fatal errors (unwatchable directories, event queue
// overflows). Errors are dropped when nobody reads them. It is closed by
// Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close releases the fsnotify watcher and stops all goroutines. It is safe
// to call more than once; later calls return nil.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		w.wg.Wait()
		w.closeErr = w.fw.Close()
	})
	return w.closeErr
}

// syncRoot makes sure root is watched as well as it can be now: its nearest
// existing ancestor (so its creation or removal is seen) and, when it is a
// directory, its whole tree. With a non-nil batch, entries found in a newly
// watched tree are reported as created.
func (w *Watcher) syncRoot(root string, b *batch) error {
	anc := filepath.Dir(root)
	for anc != filepath.Dir(anc) && !isDir(anc) {
		anc = filepath.Dir(anc)
	}
	if err := w.add(anc); err != nil {
		return err
	}
	fi, err := os.Stat(root)
	switch {
	case err != nil:
		return nil // missing root: the ancestor watch notices its creation
	case !fi.IsDir():
		if b != nil {
			b.add(root, Create)
		}
		return nil
	}
	return w.addTree(root, b)
}

// addTree watches dir and every non-ignored directory below it. With a
// non-nil batch every entry found is reported as created, since events for
// it may have been missed before the watch existed. A root that is a
// symbolic link to a directory is followed; links below it are not.
func (w *Watcher) addTree(dir string, b *batch) error {
	start := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		start += string(filepath.Separator) // makes WalkDir follow the link
	}
	return filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		p = filepath.Clean(p)
		if err != nil {
			if p != dir && errors.Is(err, fs.ErrNotExist) {
				return nil // vanished while walking
			}
			return fmt.Errorf("watch: %w", err)
		}
		if p != dir && !w.relevant(p, d.IsDir()) {
			return skip(d)
		}
		if b != nil {
			b.add(p, Create)
		}
		if d.IsDir() || p == dir {
			return w.add(p)
		}
		return nil
	})
}

// skip returns the WalkDir result that skips d.
func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// add registers one directory with fsnotify, once.
func (w *Watcher) add(dir string) error {
	if w.watched[dir] {
		return nil
	}
	if err := w.fw.Add(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed meanwhile; its removal event follows
		}
		return fmt.Errorf("watch: cannot watch %s: %w", dir, err)
	}
	w.watched[dir] = true
	return nil
}

// drop forgets dir and every watched directory below it.
func (w *Watcher) drop(dir string) {
	for p := range w.watched {
		if p == dir || isStrictAncestor(dir, p) {
			_ = w.fw.Remove(p) // often already gone with the directory
			delete(w.watched, p)
		}
	}
}

// handle applies one fsnotify event: it keeps the watch set in step with
// the tree and merges the event into b. It reports whether b changed.
func (w *Watcher) handle(ev fsnotify.Event, b *batch) bool {
	p := filepath.Clean(ev.Name)
	adds := b.adds
	switch {
	case ev.Has(fsnotify.Create):
		w.created(p, b)
	case ev.Has(fsnotify.Remove):
		w.removed(p, Remove, b)
	case ev.Has(fsnotify.Rename):
		w.removed(p, Rename, b)
	case ev.Has(fsnotify.Write):
		w.merge(p, Write, b)
	}
	// Chmod and friends never change content: they are not merged.
	return b.adds != adds
}

// created handles a Create event: a root or an ancestor of a root that
// appears is synced, and a new directory under a root is watched with its
// contents reported as created.
func (w *Watcher) created(p string, b *batch) {
	isRoot := false
	for _, r := range w.roots {
		if p == r || isStrictAncestor(p, r) {
			w.report(w.syncRoot(r, b))
			isRoot = isRoot || p == r
		}
	}
	if isRoot {
		return // syncRoot reported it and everything below it
	}
	fi, err := os.Lstat(p)
	if err == nil && fi.IsDir() {
		if w.relevant(p, true) {
			w.report(w.addTree(p, b))
		}
		return
	}
	w.merge(p, Create, b)
}

// removed handles a Remove or Rename event: a watched directory is dropped
// with everything below it, and roots at or below it fall back to watching
// their nearest existing ancestor so their re-creation is noticed.
func (w *Watcher) removed(p string, op Op, b *batch) {
	if w.watched[p] {
		w.drop(p)
		for _, r := range w.roots {
			if r == p || isStrictAncestor(p, r) {
				w.report(w.syncRoot(r, nil))
			}
		}
	}
	w.merge(p, op, b)
}

// merge adds the operation to b when p is relevant.
func (w *Watcher) merge(p string, op Op, b *batch) {
	if w.relevant(p, false) {
		b.add(p, op)
	}
}

// relevant reports whether p is a root, or lies below a root without
// passing through an ignored directory (unless Options.Admit re-admits
// it) and is not a temp file nor ignored by Options.Ignore. A known
// directory (isDir) is irrelevant when its own name is ignored.
func (w *Watcher) relevant(p string, isDir bool) bool {
	for _, r := range w.roots {
		if p == r {
			return true
		}
		rel, ok := relBelow(r, p)
		if !ok {
			continue
		}
		hidden := ignoredRel(rel) || isDir && isIgnoredDir(filepath.Base(p))
		if hidden && (IsTempFile(filepath.Base(p)) || w.admit == nil || !w.admit(p, isDir)) {
			continue
		}
		return w.ignore == nil || !w.ignore(p, isDir)
	}
	return false
}

// handleError forwards err; on an event queue overflow, when events were
// lost, every root is reported as written so the consumer rebuilds fully.
func (w *Watcher) handleError(err error, b *batch) bool {
	w.report(err)
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		return false
	}
	for _, r := range w.roots {
		b.add(r, Write)
	}
	return true
}

// report sends a non-nil error without blocking; it is dropped when the
// buffer is full.
func (w *Watcher) report(err error) {
	if err == nil {
		return
	}
	select {
	case w.errors <- err:
	default:
	}
}

// relBelow returns p relative to dir when dir is a proper ancestor of p.
func relBelow(dir, p string) (string, bool) {
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if len(p) > len(prefix) && strings.HasPrefix(p, prefix) {
		return p[len(prefix):], true
	}
	return "", false
}

// isStrictAncestor reports whether dir is a proper ancestor of p.
func isStrictAncestor(dir, p string) bool {
	_, ok := relBelow(dir, p)
	return ok
}

// isDir reports whether p is an existing directory.
func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
