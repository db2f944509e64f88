package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
)

// assetsDir is the folder, in the theme and in a site, whose files are copied
// to the root of the output: assets/css/clause.css becomes /css/clause.css.
const assetsDir = "assets"

// assetFile is one file under assets/ of a layer, read and hashed.
type assetFile struct {
	rel  string // path below assets/, which is its output path
	path string // path as the build sees it, e.g. assets/css/clause.css
	data []byte
	hash string // short sha256, for cache busting
}

// readAssets reads and hashes the assets of every layer; the user's file
// wins over the theme's of the same path. Hidden files and editor or
// system junk (isJunk) are left out, and so are Jekyll templates, which
// clause cannot run (with a warning).
func readAssets(fsys layers, errs *ErrorList) []assetFile {
	var files []assetFile
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
		sum := sha256.Sum256(data)
		files = append(files, assetFile{rel: rel, path: f.path, data: data, hash: hex.EncodeToString(sum[:])[:10]})
	}
	return files
}

// copiedFile is a file of the content folder that is not Markdown, such
// as an image or a PDF, to be copied as it is.
type copiedFile struct {
	rel  string // path below the content folder, which is its output path
	path string // path from the source, for messages
	real string // path to read it from: rel's file, or where its symbolic link leads
}

// checkCopies lists the files in the content folder that are not
// Markdown, to be copied to the same path in the output, and leaves out
// a Jekyll template (a file that starts with front matter) with a
// warning. It reads only the first bytes of each: render reads a file
// whole as it copies it, so that a site's PDFs and images are never all
// in memory at once.
func (in *input) checkCopies(errs *ErrorList) {
	in.copiedFiles = map[string]bool{}
	for _, f := range in.contentFiles {
		if f.markdown {
			continue
		}
		in.copiedFiles[f.rel] = true
		p := in.layout.sourcePath(f.rel)
		head, err := in.head(f.real)
		if err != nil {
			errs.Errorf(p, 0, "cannot read: %v", unwrapPathError(err))
			continue
		}
		if isJekyllTemplate(head) {
			errs.Add(jekyllTemplateWarning(p, f.rel, false))
			continue
		}
		in.copies = append(in.copies, copiedFile{rel: f.rel, path: p, real: f.real})
	}
}

// head returns the first bytes of a content file, enough to tell a
// Jekyll template: the dev server's cached copy, or what the file holds.
func (in *input) head(real string) ([]byte, error) {
	if data := in.opts.cache.file(real); data != nil {
		return data, nil
	}
	f, err := in.src.Open(real)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, len("---\r\n"))
	n, err := io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil // a file shorter than that
	}
	return buf[:n], err
}
