package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// markerFile marks a folder as written by clause, so that a later build
// may replace it. A non-empty folder without it is never touched.
const markerFile = ".clause-output"

const markerText = "This folder is written by `clause build`. Every build replaces it whole.\n"

// output receives the built site's files. Paths are slash paths relative
// to the site root, already validated. The caller may reuse data once
// write returns, so an output that keeps it must copy it.
type output interface {
	write(p string, data []byte) error
}

// memOutput keeps the site in memory, for the dev server.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemOutput() *memOutput { return &memOutput{files: map[string][]byte{}} }

func (m *memOutput) write(p string, data []byte) error {
	return m.keep(p, bytes.Clone(data))
}

// keep stores data that nobody will change again (a cached page) without
// copying it.
func (m *memOutput) keep(p string, data []byte) error {
	m.mu.Lock()
	m.files[p] = data
	m.mu.Unlock()
	return nil
}

// keepOrWrite hands immutable data to out, without a copy when out can
// keep it.
func keepOrWrite(out output, p string, data []byte) error {
	if m, ok := out.(*memOutput); ok {
		return m.keep(p, data)
	}
	return out.write(p, data)
}

// prepareDestination refuses destinations that a build must never
// replace: the source or content folder (contentDir, relative to the
// source), a parent of the source, the file system root, the home folder,
// and non-empty folders clause did not write. When the content folder is
// the source itself (content_dir: .), a destination inside it is fine:
// the build leaves it out of the content.
func prepareDestination(source, contentDir, dest string) (string, error) {
	src, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	src, abs = realPath(src), realPath(abs)
	home, _ := os.UserHomeDir()
	switch {
	case abs == filepath.Dir(abs):
		return "", unsafeDest(dest, "it is the root of the file system")
	case home != "" && abs == realPath(home):
		return "", unsafeDest(dest, "it is your home folder")
	case abs == src:
		return "", unsafeDest(dest, "it is the source folder")
	case within(src, abs):
		return "", unsafeDest(dest, "it contains the source folder")
	case contentDir != "." && inOrAt(abs, realPath(filepath.Join(src, filepath.FromSlash(contentDir)))):
		return "", unsafeDest(dest, "it is inside the content folder")
	case inOrAt(abs, realPath(filepath.Join(src, layoutsDir))) || inOrAt(abs, realPath(filepath.Join(src, assetsDir))):
		return "", unsafeDest(dest, "it is inside the layouts or assets folder")
	}
	return abs, checkOwned(abs, dest)
}

// checkOwned refuses an existing non-empty folder without clause's marker.
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
	if _, err := os.Stat(filepath.Join(abs, markerFile)); err == nil {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and was not written by clause (no %s file)\n\thint: empty or delete that folder, or choose another --destination", dest, markerFile)
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

// put writes one output file to out, reporting failures. The error names
// the output path, not the temporary folder it was written in.
func (r *renderer) put(out output, p string, data []byte) {
	if err := out.write(p, data); err != nil {
		r.errs.Errorf(p, 0, "cannot write: %v", unwrapPathError(err))
	}
}
