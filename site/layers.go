package site

import (
	"errors"
	"io/fs"
	"sort"
)

// layers is a union of file systems: for any name, the first layer that
// has it wins. A user's layouts/ and assets/ thereby override the
// embedded theme file by file, as in golang.org/x/website's internal/web.
type layers []fs.FS

// Open opens name from the first layer that has it.
func (l layers) Open(name string) (fs.File, error) {
	var firstErr error
	for _, layer := range l {
		f, err := layer.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the entries of name across layers; for a name present in
// several layers the first layer's entry wins.
func (l layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, layer := range l {
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
