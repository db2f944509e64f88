package site

import (
	"io/fs"
	"path"
)

// write copies every asset to the output.
func (a *assetSet) write(out output, errs *ErrorList) {
	for _, rel := range a.order {
		if err := keepOrWrite(out, rel, a.data[rel]); err != nil { // never changed once read
			errs.Errorf(path.Join(assetsDir, rel), 0, "cannot copy: %v", err)
		}
	}
}

// writeCopies copies the content files that are not Markdown to the
// output, reading each whole only now. The dev server's cache keeps
// their bytes until the watcher reports a change, so a rebuild does not
// read every image again.
func (r *renderer) writeCopies() {
	in := r.m.in
	for _, f := range r.m.copies {
		data := in.opts.cache.file(f.real)
		if data == nil {
			var err error
			if data, err = fs.ReadFile(in.src, f.real); err != nil {
				r.errs.Errorf(f.path, 0, "cannot read: %v", unwrapPathError(err))
				continue
			}
			in.opts.cache.storeFile(f.real, data)
		}
		if err := keepOrWrite(r.out, f.rel, data); err != nil { // never changed once read
			r.errs.Errorf(f.rel, 0, "cannot write: %v", err)
		}
	}
}
