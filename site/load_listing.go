package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// contentFile is a file found in the content folder.
type contentFile struct {
	rel      string // path below the content folder, as the site sees it
	real     string // path from the source to read it from: rel's file, or where its symbolic link leads
	markdown bool
}

// listContent lists the content folder's files sorted by path, as
// lister does, reusing the dev server's cached listing when the folder
// and patterns are the same, listed again only where files were created
// or removed since (see patchListing).
func listContent(src fs.FS, l *layout, errs *ErrorList, cache *buildCache) []contentFile {
	if files, stale := cache.cachedListing(l.key()); files != nil {
		if len(stale) == 0 {
			return files
		}
		if patched, ok := patchListing(src, l, errs, files, stale); ok {
			cache.storeListing(l, patched)
			return patched
		}
	}
	ls := &lister{fsys: src, l: l, errs: errs}
	files, ok := ls.list()
	if ok {
		cache.storeListing(l, files)
	}
	return files
}

// lister walks the content folder. It leaves out what layout.skipped
// says, editor temp files and folders holding a build's output; it
// follows symbolic links that lead inside the source and warns about
// the others.
type lister struct {
	fsys   fs.FS
	l      *layout
	errs   *ErrorList
	files  []contentFile
	failed bool // a folder could not be read: the listing is incomplete
}

// list walks the whole folder; ok is false when part of it could not be
// read.
func (ls *lister) list() (files []contentFile, ok bool) {
	info, err := fs.Stat(ls.fsys, ls.l.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if ls.l.line > 0 {
			ls.errs.Add(&Error{Path: configFile, Line: ls.l.line, Msg: fmt.Sprintf("content_dir %q does not exist", ls.l.dir),
				Hint: "create the folder, or set content_dir to the folder that holds your Markdown files"})
		}
		return nil, true
	case err != nil:
		ls.errs.Errorf(ls.l.dir, 0, "cannot read: %v", unwrapPathError(err))
		return nil, false
	case !info.IsDir():
		ls.errs.Add(&Error{Path: configFile, Line: ls.l.line, Msg: fmt.Sprintf("content_dir %q is a file, not a folder", ls.l.dir),
			Hint: "set content_dir to the folder that holds your Markdown files"})
		return nil, false
	}
	ls.walk(ls.l.dir, ".", []string{ls.l.dir})
	sort.Slice(ls.files, func(i, j int) bool { return ls.files[i].rel < ls.files[j].rel })
	return ls.files, !ls.failed
}

// walk lists the folder at real (a path without links), which the site
// sees at rel; stack holds the real folders being walked, to stop loops.
// Below the content folder itself, a folder holding a build's marker is
// a build's output, such as public/ in a repository's root, and is not
// listed.
func (ls *lister) walk(real, rel string, stack []string) {
	entries, err := fs.ReadDir(ls.fsys, real)
	if rel != "." && ls.holdsMarker(real, entries, err) {
		return
	}
	if err != nil {
		ls.errs.Errorf(ls.l.sourcePath(rel), 0, "cannot read: %v", unwrapPathError(err))
		ls.failed = true
		return
	}
	for _, d := range entries {
		ls.entry(path.Join(real, d.Name()), path.Join(rel, d.Name()), d, stack)
	}
}

// entry lists one file or folder.
func (ls *lister) entry(real, rel string, d fs.DirEntry, stack []string) {
	shown := ls.l.sourcePath(rel)
	mode, target := d.Type(), ""
	if mode&fs.ModeSymlink != 0 {
		if ls.l.skipped(rel, false) && ls.l.skipped(rel, true) {
			return
		}
		var err error
		real, target, err = resolveLink(ls.fsys, real)
		if err != nil {
			ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: err.Error(), Hint: linkHint})
			return
		}
		info, err := fs.Stat(ls.fsys, real)
		if err != nil {
			ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: fmt.Sprintf("symbolic link to %q cannot be followed: %v; skipped", target, unwrapPathError(err))})
			return
		}
		mode = info.Mode().Type()
	}
	isDir := mode.IsDir()
	if ls.l.skipped(rel, isDir) {
		return
	}
	switch {
	case isDir && makesLoop(real, stack):
		ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: fmt.Sprintf("symbolic link to %q makes a loop; skipped", target), Hint: linkHint})
	case isDir:
		ls.walk(real, rel, append(stack[:len(stack):len(stack)], real))
	case mode.IsRegular():
		ls.files = append(ls.files, contentFile{rel: rel, real: real, markdown: isMarkdown(rel)})
	default:
		ls.errs.Add(&Error{Path: shown, Msg: "not a regular file", Hint: "devices, pipes and sockets are not read from the content folder"})
	}
}

// holdsMarker reports whether the folder at real, whose entries are
// given (or that could not be listed: err), holds a build's marker, as
// fs.Stat of it would find it. It decides from the entries, which the
// listing reads anyway, without a system call per folder; it asks fs.Stat
// only for a marker that is a symbolic link (does it lead somewhere?) and
// for a folder that could not be listed, which is skipped quietly when it
// is a build's output.
func (ls *lister) holdsMarker(real string, entries []fs.DirEntry, err error) bool {
	if err == nil {
		i := slices.IndexFunc(entries, func(d fs.DirEntry) bool { return d.Name() == markerFile })
		if i < 0 {
			return false
		}
		if entries[i].Type()&fs.ModeSymlink == 0 {
			return true
		}
	}
	_, err = fs.Stat(ls.fsys, path.Join(real, markerFile))
	return err == nil
}

// skipName reports whether a file or folder in the content folder is
// ignored by its name alone: hidden names, names starting with "_" other
// than _index.md, and editor backups.
func skipName(name string) bool {
	if name == "_index.md" || name == "_index.markdown" {
		return false
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// isMarkdown reports whether a file name is a Markdown page.
func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}
