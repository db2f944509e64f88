package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// layerFile is a file found under a folder of the site or of the theme,
// such as layouts/ or assets/.
type layerFile struct {
	path string // as the build sees it, e.g. layouts/policy.html
	real string // where it is read from in fsys: path, or where its symbolic link leads
	fsys fs.FS
}

// read returns the file's contents.
func (f layerFile) read() ([]byte, error) { return fs.ReadFile(f.fsys, f.real) }

// walkLayers lists the files under dir in every layer, sorted by path;
// for a path present in several layers the first layer's file wins.
// Symbolic links, the folder dir itself included, are followed when they
// lead inside their layer (for the site: inside the site folder), as in
// the content folder; a link that leads outside it, an absolute, a
// dangling or a looping one is skipped with a warning. skip leaves out
// files and folders by name.
func walkLayers(l layers, dir string, skip func(name string) bool, errs *ErrorList) []layerFile {
	w := &layerWalker{skip: skip, errs: errs, seen: map[string]bool{}}
	for _, fsys := range l {
		w.fsys = fsys
		w.root(dir)
	}
	sort.Slice(w.files, func(i, j int) bool { return w.files[i].path < w.files[j].path })
	return w.files
}

// layerWalker walks one folder of each layer in turn.
type layerWalker struct {
	fsys  fs.FS
	skip  func(name string) bool
	errs  *ErrorList
	seen  map[string]bool // paths already found in an earlier layer
	files []layerFile
}

// root walks dir, which may itself be a symbolic link.
func (w *layerWalker) root(dir string) {
	info, err := fs.Lstat(w.fsys, dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return
	case err != nil:
		w.errs.Errorf(dir, 0, "cannot read: %v", unwrapPathError(err))
		return
	}
	real, _, ok := w.follow(dir, dir, info.Mode().Type())
	if !ok {
		return
	}
	if info, err := fs.Stat(w.fsys, real); err == nil && info.IsDir() {
		w.walk(real, dir, []string{real})
	}
}

// follow resolves the symbolic link at real, shown as shown, and returns
// where it leads and what it says, warning when it is not followed;
// other files are returned as they are.
func (w *layerWalker) follow(real, shown string, mode fs.FileMode) (to, target string, ok bool) {
	if mode&fs.ModeSymlink == 0 {
		return real, "", true
	}
	to, target, err := resolveLink(w.fsys, real)
	if err != nil {
		w.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: err.Error(), Hint: linkHint})
		return "", "", false
	}
	return to, target, true
}

// walk lists the folder at real (a path without links), which the build
// sees at shown; stack holds the real folders being walked, to stop loops.
func (w *layerWalker) walk(real, shown string, stack []string) {
	entries, err := fs.ReadDir(w.fsys, real)
	if err != nil {
		w.errs.Errorf(shown, 0, "cannot read: %v", unwrapPathError(err))
		return
	}
	for _, d := range entries {
		if w.skip != nil && w.skip(d.Name()) {
			continue
		}
		w.entry(path.Join(real, d.Name()), path.Join(shown, d.Name()), d.Type(), stack)
	}
}

// entry lists one file or folder.
func (w *layerWalker) entry(real, shown string, mode fs.FileMode, stack []string) {
	real, target, ok := w.follow(real, shown, mode)
	if !ok {
		return
	}
	info, err := fs.Stat(w.fsys, real)
	if err != nil {
		w.errs.Errorf(shown, 0, "cannot read: %v", unwrapPathError(err))
		return
	}
	switch {
	case info.IsDir() && makesLoop(real, stack):
		w.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: fmt.Sprintf("symbolic link to %q makes a loop; skipped", target), Hint: linkHint})
	case info.IsDir():
		w.walk(real, shown, append(stack[:len(stack):len(stack)], real))
	case info.Mode().IsRegular() && !w.seen[shown]:
		w.seen[shown] = true
		w.files = append(w.files, layerFile{path: shown, real: real, fsys: w.fsys})
	}
}
