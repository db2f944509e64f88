package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// assetsDir is the folder, in the theme and in a site, whose files are copied
// to the root of the output: assets/css/clause.css becomes /css/clause.css.
const assetsDir = "assets"

// assetSet is every asset of the build, with a content hash for cache
// busting.
type assetSet struct {
	hashes map[string]string // path below assets/ → short sha256
	data   map[string][]byte // path below assets/ → contents, read once
	order  []string
}

// loadAssets lists and hashes the assets of every layer; the user's file
// wins over the theme's of the same path. Hidden files and editor or
// system junk (isJunk) are left out.
func loadAssets(fsys layers, c *claims, errs *ErrorList) *assetSet {
	set := &assetSet{hashes: map[string]string{}, data: map[string][]byte{}}
	hidden := func(name string) bool { return strings.HasPrefix(name, ".") || isJunk(name) }
	for _, f := range walkLayers(fsys, assetsDir, hidden, errs) {
		rel := strings.TrimPrefix(f.path, assetsDir+"/")
		data, err := f.read()
		if err != nil {
			errs.Errorf(f.path, 0, "cannot read: %v", unwrapPathError(err))
			continue
		}
		if isJekyllTemplate(data) {
			errs.Add(jekyllTemplateWarning(f.path, rel, true))
			continue
		}
		if c.claim(rel, f.path, 0, errs) {
			sum := sha256.Sum256(data)
			set.hashes[rel] = hex.EncodeToString(sum[:])[:10]
			set.data[rel] = data
			set.order = append(set.order, rel)
		}
	}
	return set
}

// url returns the cache-busting URL of an asset, without the base path.
func (a *assetSet) url(rel string) (string, error) {
	rel = strings.TrimPrefix(rel, "/")
	h, ok := a.hashes[rel]
	if !ok {
		return "", fmt.Errorf("asset %q not found in assets/", rel)
	}
	return "/" + rel + "?v=" + h, nil
}

// write copies every asset to the output.
func (a *assetSet) write(out output, errs *ErrorList) {
	for _, rel := range a.order {
		if err := keepOrWrite(out, rel, a.data[rel]); err != nil { // never changed once read
			errs.Errorf(path.Join(assetsDir, rel), 0, "cannot copy: %v", err)
		}
	}
}

// copyContentFiles copies files in the content folder that are not Markdown, such
// as images and PDFs, to the same path in the output. The dev server's
// cache keeps their bytes until the watcher reports a change, so a
// rebuild does not read every image again.
func (b *builder) copyContentFiles(files []contentFile) {
	for _, f := range files {
		if f.markdown {
			continue
		}
		p := b.layout.sourcePath(f.rel)
		data := b.opts.cache.file(f.real)
		if data == nil {
			var err error
			if data, err = fs.ReadFile(b.src, f.real); err != nil {
				b.errs.Errorf(p, 0, "cannot read: %v", unwrapPathError(err))
				continue
			}
			b.opts.cache.storeFile(f.real, data)
		}
		if isJekyllTemplate(data) {
			b.errs.Add(jekyllTemplateWarning(p, f.rel, false))
			continue
		}
		if !b.claims.claim(f.rel, p, 0, b.errs) {
			continue
		}
		if err := keepOrWrite(b.out, f.rel, data); err != nil { // never changed once read
			b.errs.Errorf(f.rel, 0, "cannot write: %v", err)
		}
	}
}
