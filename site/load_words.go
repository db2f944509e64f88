package site

import (
	"io/fs"
	"path"

	"github.com/clause-dev/clause/site/internal/i18n"
)

// wordsDir holds a site's own words: i18n/<lang>.yaml beside layouts/
// and assets/, overriding or adding to the theme's (see package i18n).
const wordsDir = "i18n"

// readWords reads the site's words files (i18n/*.yaml, not the theme's,
// which are built in) and returns them by path with the catalog they
// make. Each bad file or entry is an error; the rest applies.
func readWords(src fs.FS, errs *ErrorList) (map[string][]byte, *i18n.Catalog) {
	files := map[string][]byte{}
	for _, f := range walkLayers(layers{src}, wordsDir, nil, errs) {
		if ext := path.Ext(f.path); ext != ".yaml" && ext != ".yml" {
			continue
		}
		data, err := f.read()
		if err != nil {
			errs.Errorf(f.path, 0, "cannot read: %v", unwrapPathError(err))
			continue
		}
		files[f.path] = data
	}
	words, problems := i18n.Theme().With(files)
	for _, p := range problems {
		errs.Add(p)
	}
	return files, words
}
