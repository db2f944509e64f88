package site

import (
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
)

// fileChange is one changed input path, absolute or relative to the source.
type fileChange struct {
	Path    string
	Created bool // created, removed or renamed: the file list changed
}

// session is a sequence of in-memory builds of one site that share a
// buildCache, as the dev server runs them. Each rebuild gives the same files a
// full build would, re-rendering only what changed.
type session struct {
	opts  Options
	cache *buildCache
	last  map[string][]byte
}

// newSession prepares in-memory builds of the site in opts.Source.
func newSession(opts Options) *session {
	opts = opts.withDefaults()
	opts.cache = newBuildCache()
	return &session{opts: opts, cache: opts.cache}
}

// rebuildContext builds the site after the given changes and returns its
// files, the output paths that differ from the previous successful build,
// and the result. After a failed build the previous files stay current.
// It stops once ctx is done and then returns ctx's error, leaving the
// previous files current as a failed build does. The changes it was given need not be given again: the next
// build reads them, and reports the outputs they change.
func (s *session) rebuildContext(ctx context.Context, changes []fileChange) (map[string][]byte, []string, *Result, error) {
	return s.rebuildFirst(ctx, changes, nil)
}

// rebuildFirst is rebuildContext with a first pass (nil for none): the
// pages it names are rendered before the rest of the site and handed to
// its publish while the build goes on (see firstPass).
func (s *session) rebuildFirst(ctx context.Context, changes []fileChange, fp *firstPass) (map[string][]byte, []string, *Result, error) {
	s.invalidate(changes)
	s.cache.begin()
	opts := s.opts
	opts.first = fp
	var compared map[string]bool
	if fp != nil {
		fp.last = s.last
	}
	files, res, err := renderContext(ctx, opts)
	s.cache.end(err == nil)
	if err != nil {
		return s.last, nil, res, err
	}
	if fp != nil {
		compared = fp.compared
	}
	changed := diffFiles(s.last, files, compared)
	s.last = files
	return files, changed, res, nil
}

// invalidate drops the cached sources the changes touch.
func (s *session) invalidate(changes []fileChange) {
	root, _ := filepath.Abs(s.opts.Source)
	var paths, relist []string
	for _, c := range changes {
		p := c.Path
		if filepath.IsAbs(p) {
			if rel, err := filepath.Rel(root, p); err == nil {
				p = rel
			}
		}
		p = filepath.ToSlash(p)
		paths = append(paths, p)
		if (c.Created || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".markdown")) && s.cache.inContent(p) {
			relist = append(relist, p)
		}
	}
	s.cache.invalidate(paths, relist)
}

// diffFiles lists the paths whose contents differ between two builds,
// including files that appeared or disappeared, sorted. compared holds
// the paths of new already compared with old, each true when it differs
// (a first pass's; see changedSince), which it does not compare again.
func diffFiles(old, new map[string][]byte, compared map[string]bool) []string {
	var out []string
	for p, data := range new {
		if differs, ok := compared[p]; ok {
			if differs {
				out = append(out, p)
			}
			continue
		}
		if prev, ok := old[p]; !ok || !bytes.Equal(prev, data) {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := new[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
