package site

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/redirect"
)

// buildCache carries work from one build to the next, so the dev server
// re-renders only what a change affects. It has two sides. The input
// side keeps the content listing, parsed sources and copied files by
// path until the watcher reports a change to that path (invalidate). The
// output side is a memo (package internal/memo): the parsed templates,
// the resolved redirects, the redirect files and every rendered unit are
// kept under a key hashed from the values the stage that made them was
// given (see cache_keys.go), so an entry is used only when a full build would
// produce the same bytes, and a failed build never evicts what the last
// good build used (it drops only what it added itself).
type buildCache struct {
	mu      sync.Mutex
	listing []contentFile
	layout  *layout            // the layout the listing was made with
	stale   []string           // paths whose entries in the listing may have changed (see patchListing)
	sources map[string]*Source // by content path
	files   map[string][]byte  // content files copied as they are, by the path they are read from

	memo *memo.Memo
	view *memo.View // the running build's; nil between builds
	made *made      // what the last build made rather than recalled
}

// made counts what a build made rather than recalled from the memo.
type made struct {
	pages     atomic.Int64 // pages rendered
	templates atomic.Int64 // template sets parsed
}

// unit is the recorded output of one cacheable piece of a build.
type unit struct {
	files    map[string][]byte
	pages    int
	warnings []*Error // warnings about the output itself, replayed with it
}

// resolution is a redirect.Resolve result, as the memo keeps it.
type resolution struct {
	list []redirect.Redirect
	errs []redirect.Error
}

// redirectFiles is the redirect files and their warnings, as the memo
// keeps them.
type redirectFiles struct {
	files map[string][]byte
	errs  []redirect.Error
}

// newBuildCache returns an empty cache.
func newBuildCache() *buildCache {
	return &buildCache{sources: map[string]*Source{}, files: map[string][]byte{}, memo: memo.New()}
}

// begin starts a build's view of the memo.
func (c *buildCache) begin() {
	c.mu.Lock()
	c.view, c.made = c.memo.Begin(), &made{}
	c.mu.Unlock()
}

// end finishes the build begin started; ok tells whether it succeeded
// (see memo.View.End for what is kept).
func (c *buildCache) end(ok bool) {
	c.mu.Lock()
	v := c.view
	c.view = nil
	c.mu.Unlock()
	v.End(ok)
}

// counts returns the counters of the running or last build, or nil
// without a cache or before any build.
func (c *buildCache) counts() *made {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made
}

// memoView returns the running build's view of the memo, or nil without
// a cache: memo.Do then always computes.
func (c *buildCache) memoView() *memo.View {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.view
}

// invalidate forgets the parsed sources and copied files at the given
// paths (slash paths relative to the site folder), or under them when a
// path is a folder, and marks the paths in relist stale in the list of
// content files, for when files were created, removed or renamed there.
// Rendered outputs need no invalidation: their keys change with their
// inputs.
func (c *buildCache) invalidate(paths, relist []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		deleteUnder(c.sources, p)
		deleteUnder(c.files, p)
		for k, s := range c.sources {
			if s.real != "" && inOrUnder(s.real, p) {
				delete(c.sources, k) // a symbolic link to the changed file
			}
		}
	}
	c.stale = append(c.stale, relist...)
}

// deleteUnder deletes the entry for p and every entry below p/; p "."
// (the site folder) deletes them all.
func deleteUnder[V any](m map[string]V, p string) {
	if p == "." {
		clear(m)
		return
	}
	delete(m, p)
	prefix := strings.TrimSuffix(p, "/") + "/"
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			delete(m, k)
		}
	}
}

// inOrUnder reports whether the slash path p is dir or below it; dir
// "." (the site folder) holds everything.
func inOrUnder(p, dir string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// cachedListing returns the remembered content listing if it was made
// with the layout of this key, or nil, and the paths (relative to the
// site folder) whose entries in it may have changed since.
func (c *buildCache) cachedListing(key string) ([]contentFile, []string) {
	if c == nil {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.layout == nil || c.layout.key() != key {
		return nil, nil
	}
	return c.listing, c.stale
}

// inContent reports whether p, a slash path relative to the site folder,
// is in the content folder of the last listing (the default one before
// any), so that creating or removing it changes the listing.
func (c *buildCache) inContent(p string) bool {
	c.mu.Lock()
	l := c.layout
	c.mu.Unlock()
	if l == nil {
		l = defaultLayout()
	}
	_, ok := l.below(p)
	return ok || inOrUnder(l.dir, p)
}

// storeListing remembers the content listing and forgets copied files
// that are no longer in it.
func (c *buildCache) storeListing(l *layout, files []contentFile) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listing, c.layout, c.stale = files, l, nil
	listed := make(map[string]bool, len(files))
	for _, f := range files {
		listed[f.real] = true
	}
	for p := range c.files {
		if !listed[p] {
			delete(c.files, p)
		}
	}
}

// file returns the remembered bytes of a copied content file, or nil.
func (c *buildCache) file(p string) []byte {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files[p]
}

// storeFile remembers the bytes of a copied content file; they are never
// modified afterwards.
func (c *buildCache) storeFile(p string, data []byte) {
	if c != nil {
		c.mu.Lock()
		c.files[p] = data
		c.mu.Unlock()
	}
}

// source returns the remembered parse of a content file, or nil.
func (c *buildCache) source(p string) *Source {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sources[p]
}

func (c *buildCache) storeSource(s *Source) {
	if c != nil {
		s.key = memo.OfTarget(s)
		c.mu.Lock()
		c.sources[s.Path] = s
		c.mu.Unlock()
	}
}

// recorder is an output that keeps a copy of what one unit writes.
type recorder struct {
	out      output
	mu       sync.Mutex
	files    map[string][]byte
	pages    int
	warnings []*Error
}

func (r *recorder) Write(p string, data []byte) error {
	return r.keep(p, bytes.Clone(data))
}

// keep records data that nobody will change again (an asset, a copied
// file, a unit's page) without copying it, and hands it on.
func (r *recorder) keep(p string, data []byte) error {
	r.mu.Lock()
	r.files[p] = data
	r.mu.Unlock()
	return keepOrWrite(r.out, p, data)
}

// warnOutput reports a warning about output that out writes, so that a
// recorder replays it with that output.
func (r *renderer) warnOutput(out output, e *Error) {
	r.errs.Add(e)
	if r, ok := out.(*recorder); ok {
		r.mu.Lock()
		r.warnings = append(r.warnings, e)
		r.mu.Unlock()
	}
}

// countPage counts a rendered page in a recorder.
func countPage(out output) {
	if r, ok := out.(*recorder); ok {
		r.mu.Lock()
		r.pages++
		r.mu.Unlock()
	}
}

// cached runs render for the unit name, or replays its recorded output
// when the memo holds it under the same key. Output that came with any
// new error is not kept.
func (r *renderer) cached(name string, key func() memo.Key, render func(out output)) {
	c := r.m.in.opts.cache
	v := c.memoView()
	if v == nil {
		render(r.out)
		return
	}
	u, hit := memo.Do(v, func() memo.Key { return memo.Of(name, key()) }, func() (unit, bool) {
		before := r.errs.ErrorCount()
		rec := &recorder{out: r.out, files: map[string][]byte{}}
		render(rec)
		if m := c.counts(); m != nil {
			m.pages.Add(int64(rec.pages))
		}
		return unit{files: rec.files, pages: rec.pages, warnings: rec.warnings}, r.errs.ErrorCount() == before
	})
	if !hit {
		return
	}
	for p, data := range u.files {
		if err := keepOrWrite(r.out, p, data); err != nil {
			r.errs.Errorf(p, 0, "cannot write: %v", err)
		}
	}
	r.pages.Add(int64(u.pages))
	for _, w := range u.warnings {
		e := *w
		r.errs.Add(&e)
	}
}
