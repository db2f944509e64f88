package site

import (
	"fmt"
	"strings"
)

// assetSet is every asset of the build that claimed its output path,
// with a content hash for cache busting.
type assetSet struct {
	hashes map[string]string // path below assets/ → short sha256
	data   map[string][]byte // path below assets/ → contents, read once
	order  []string
}

// claimAssets claims the output path of every asset read; an asset that
// clashes with a generated file is reported and left out.
func claimAssets(files []assetFile, c *claims, errs *ErrorList) *assetSet {
	set := &assetSet{hashes: map[string]string{}, data: map[string][]byte{}}
	for _, f := range files {
		if c.claim(f.rel, f.path, 0, errs) {
			set.hashes[f.rel] = f.hash
			set.data[f.rel] = f.data
			set.order = append(set.order, f.rel)
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

// claimCopies claims the output path of every copied file and returns
// those that may be written.
func claimCopies(files []copiedFile, c *claims, errs *ErrorList) []copiedFile {
	var kept []copiedFile
	for _, f := range files {
		if c.claim(f.rel, f.path, 0, errs) {
			kept = append(kept, f)
		}
	}
	return kept
}
