package site

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// patchListing returns the listing files with the entries at and below
// the stale paths (relative to the site folder) listed again, as a
// walk of the whole content folder would list them, so that creating or
// deleting one policy in the dev server does not walk a thousand
// folders. It reports false, for a walk of the whole folder, when it
// cannot tell: a stale path is the content folder or above it, a
// symbolic link is on the way or in the listing, or a folder cannot be
// read.
func patchListing(src fs.FS, l *layout, errs *ErrorList, files []contentFile, stale []string) ([]contentFile, bool) {
	for _, f := range files {
		if f.real != l.sourcePath(f.rel) {
			return nil, false // a file reached through a link: where its target moved is unknown here
		}
	}
	rels, ok := staleRels(l, stale)
	if !ok {
		return nil, false
	}
	out := slices.DeleteFunc(slices.Clone(files), func(f contentFile) bool {
		return slices.ContainsFunc(rels, func(r string) bool { return inOrUnder(f.rel, r) })
	})
	for _, rel := range rels {
		found, ok := listAgain(src, l, errs, rel)
		if !ok {
			return nil, false
		}
		out = append(out, found...)
	}
	slices.SortFunc(out, func(a, b contentFile) int { return strings.Compare(a.rel, b.rel) })
	return out, true
}

// staleRels returns the stale paths below the content folder, without
// those below another of them; false when one is the folder itself or
// above it.
func staleRels(l *layout, stale []string) ([]string, bool) {
	var rels []string
	for _, p := range stale {
		rel, ok := l.below(p)
		if !ok || rel == "." {
			return nil, false
		}
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	rels = slices.Compact(rels)
	return slices.DeleteFunc(rels, func(r string) bool {
		return slices.ContainsFunc(rels, func(o string) bool { return o != r && inOrUnder(r, o) })
	}), true
}

// listAgain lists what is at rel now, as the walk would: nothing when
// it is gone or a folder above it is skipped or holds a build's output;
// false when a folder above it is a symbolic link or cannot be read.
func listAgain(src fs.FS, l *layout, errs *ErrorList, rel string) ([]contentFile, bool) {
	stack := []string{l.dir}
	for dir := range ancestors(rel) {
		real := l.sourcePath(dir)
		info, err := fs.Lstat(src, real)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, true
		case err != nil || info.Mode()&fs.ModeSymlink != 0:
			return nil, false
		case !info.IsDir() || l.skipped(dir, true):
			return nil, true
		}
		if _, err := fs.Stat(src, path.Join(real, markerFile)); err == nil {
			return nil, true
		}
		stack = append(stack, real)
	}
	info, err := fs.Lstat(src, l.sourcePath(rel))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, true
	}
	if err != nil {
		return nil, false
	}
	// What the lister reports counts only when the patch holds: when it
	// fails, the full walk that follows reports it again.
	scratch := &ErrorList{}
	ls := &lister{fsys: src, l: l, errs: scratch}
	ls.entry(l.sourcePath(rel), rel, fs.FileInfoToDirEntry(info), stack)
	if ls.failed {
		return nil, false
	}
	for _, d := range scratch.Items() {
		errs.Add(d)
	}
	return ls.files, true
}

// ancestors yields the folders above rel, outermost first: "a" and
// "a/b" for "a/b/c.md".
func ancestors(rel string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(rel); i++ {
			if rel[i] == '/' && !yield(rel[:i]) {
				return
			}
		}
	}
}
