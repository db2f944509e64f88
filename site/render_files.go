package site

import "path"

// write copies every asset to the output.
func (a *assetSet) write(out output, errs *ErrorList) {
	for _, rel := range a.order {
		if err := keepOrWrite(out, rel, a.data[rel]); err != nil { // never changed once read
			errs.Errorf(path.Join(assetsDir, rel), 0, "cannot copy: %v", err)
		}
	}
}

// writeCopies writes the copied content files to the output.
func (r *renderer) writeCopies() {
	for _, f := range r.m.copies {
		if err := keepOrWrite(r.out, f.rel, f.data); err != nil { // never changed once read
			r.errs.Errorf(f.rel, 0, "cannot write: %v", err)
		}
	}
}
