package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Protected is a folder of the source that a destination may be neither
// at nor inside.
type Protected struct {
	Dir  string // relative to the source, slash-separated
	Name string // how a refusal names it: "the content folder"
}

// Check refuses destinations that a build must never replace: the root of
// the file system, the home folder, the source folder, a parent of the
// source, a folder at or inside one of the protected folders, a file,
// and a non-empty folder without the marker. A destination elsewhere
// inside the source is fine. It returns dest as an absolute path with
// its symbolic links resolved.
func Check(dest, source string, protected ...Protected) (string, error) {
	src, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	src, abs = realPath(src), realPath(abs)
	if why := refusal(abs, src, protected); why != "" {
		return "", unsafeDest(dest, why)
	}
	return abs, checkOwned(abs, dest)
}

// refusal says why the absolute, resolved destination abs may not
// replace anything for the source src, or returns "".
func refusal(abs, src string, protected []Protected) string {
	home, _ := os.UserHomeDir()
	switch {
	case abs == filepath.Dir(abs):
		return "it is the root of the file system"
	case home != "" && abs == realPath(home):
		return "it is your home folder"
	case abs == src:
		return "it is the source folder"
	case within(src, abs):
		return "it contains the source folder"
	}
	for _, p := range protected {
		if inOrAt(abs, realPath(filepath.Join(src, filepath.FromSlash(p.Dir)))) {
			return "it is inside " + p.Name
		}
	}
	return ""
}

// checkOwned refuses an existing non-empty folder without the marker, and
// a file.
func checkOwned(abs, dest string) error {
	info, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return unsafeDest(dest, "it is a file, not a folder")
	}
	entries, err := os.ReadDir(abs)
	if err != nil || len(entries) == 0 {
		return err
	}
	if _, err := os.Stat(filepath.Join(abs, MarkerFile)); err == nil {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and was not written by clause (no %s file)\n\thint: empty or delete that folder, or choose another --destination", dest, MarkerFile)
}

func unsafeDest(dest, why string) error {
	return fmt.Errorf("refusing to write the site into %s: %s\n\thint: choose another --destination, such as public/", dest, why)
}

// inOrAt reports whether p is dir or inside it.
func inOrAt(p, dir string) bool { return p == dir || within(p, dir) }

// within reports whether child is strictly inside parent. It compares
// path elements: a folder named "..site" is inside its parent, while
// "../site" is not.
func within(child, parent string) bool {
	rel, err := filepath.Rel(parent, child)
	if err != nil || rel == "." || filepath.IsAbs(rel) {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return first != ".."
}

// realPath resolves symbolic links in as much of p as exists.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, file := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(realPath(filepath.Clean(dir)), file)
}
