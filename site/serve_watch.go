package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/clause-dev/clause/site/watch"
)

// watchFilter decides which changed paths serve rebuilds for: the
// content folder's files that a build reads (include and exclude
// apply), layouts/, assets/, i18n/ and clause.yaml, never the destination. It
// follows the layout of the latest build, so an edit of content_dir or
// the patterns in clause.yaml takes effect at once.
type watchFilter struct {
	source string // the source folder, absolute
	cur    atomic.Pointer[layout]
}

// newWatchFilter starts from the layout clause.yaml describes now.
func newWatchFilter(o Options) *watchFilter {
	abs, err := filepath.Abs(o.Source)
	if err != nil {
		abs = o.Source
	}
	f := &watchFilter{source: abs}
	src := o.sourceFS
	if src == nil {
		src = os.DirFS(o.Source)
	}
	f.cur.Store(loadConfig(src, &ErrorList{}).layout.withDestination(destinationInSource(o.Source, o.Destination)))
	return f
}

// roots lists the folders and files to watch. With content_dir: . the
// source folder holds every input, so it is the only root.
func (f *watchFilter) roots() []string {
	l := f.cur.Load()
	if l.dir == "." {
		return []string{f.source}
	}
	return []string{filepath.Join(f.source, filepath.FromSlash(l.dir)), filepath.Join(f.source, layoutsDir),
		filepath.Join(f.source, assetsDir), filepath.Join(f.source, wordsDir), filepath.Join(f.source, configFile), filepath.Join(f.source, path.Dir(registerFile))}
}

// follow takes the layout of the latest build and reports whether the
// content folder moved, so the watcher must watch other roots.
func (f *watchFilter) follow(l *layout) bool {
	old := f.cur.Swap(l)
	return old.dir != l.dir
}

// locate returns p (absolute) as a slash path relative to the source,
// with the current layout; ok is false for a path outside the source.
func (f *watchFilter) locate(p string) (rel string, l *layout, ok bool) {
	r, err := filepath.Rel(f.source, p)
	if err != nil || !filepath.IsLocal(r) {
		return "", nil, false
	}
	return filepath.ToSlash(r), f.cur.Load(), true
}

// ignore reports whether a change at p (absolute) cannot affect the site.
func (f *watchFilter) ignore(p string, isDir bool) bool {
	rel, l, ok := f.locate(p)
	switch {
	case !ok:
		return false
	case l.dest != "" && inOrUnder(rel, l.dest):
		return true
	case rel == configFile || rel == registerFile || inOrUnder(rel, layoutsDir) || inOrUnder(rel, assetsDir) || inOrUnder(rel, wordsDir):
		return false
	}
	c, ok := l.below(rel)
	return ok && c != "." && l.skippedPath(c, isDir)
}

// admit reports whether p (absolute) is a path in the content folder
// that the build reads although it is hidden, because include re-admits
// it (include: [.well-known]); the watcher ignores other hidden folders.
func (f *watchFilter) admit(p string, isDir bool) bool {
	rel, l, ok := f.locate(p)
	if !ok || l.dest != "" && inOrUnder(rel, l.dest) {
		return false
	}
	c, ok := l.below(rel)
	return ok && c != "." && !l.skippedPath(c, isDir)
}

// startWatcher watches the roots of the current layout.
func (l *serveLoop) startWatcher() error {
	w, err := watch.New(watch.Options{Roots: l.filter.roots(), Debounce: 10 * time.Millisecond,
		Ignore: l.filter.ignore, Admit: l.filter.admit})
	if err != nil {
		return fmt.Errorf("watching %s: %w", l.o.Source, err)
	}
	l.w = w
	return nil
}

// restartWatcher watches the roots of a new content folder, keeping the
// old watcher when the new one cannot start.
func (l *serveLoop) restartWatcher() {
	old := l.w
	if err := l.startWatcher(); err != nil {
		fmt.Fprintf(l.o.Stderr, "watch: %v\n", err)
		return
	}
	old.Close()
	l.rebuild([]fileChange{{Path: ".", Created: true}}) // files may have changed while no watcher saw them
}
