package markdown

import (
	"bytes"
	"fmt"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// rewriteLink maps a relative link to a content file (".md"/".markdown")
// through Options.Link, keeping the ?query and #fragment. A missing file is
// an Error at off and leaves the destination unchanged.
func (w *walker) rewriteLink(dest []byte, off int) []byte {
	if len(dest) == 0 || dest[0] == '/' || dest[0] == '#' || urlpath.Scheme(string(dest)) != "" {
		return dest
	}
	path, suffix := dest, []byte(nil)
	if i := bytes.IndexAny(dest, "?#"); i >= 0 {
		path, suffix = dest[:i], dest[i:]
	}
	p := string(path)
	p = urlpath.Decode(p)
	if !isContentPath(path) {
		return w.rewriteFile(dest, p, suffix)
	}
	link := w.st.opts.Link
	if link == nil {
		return dest
	}
	u, ok := link(p)
	if !ok {
		w.st.addError(off, fmt.Sprintf("link to missing file %q", p),
			"check the file name and path; relative links are resolved from this page's directory")
		return dest
	}
	return append([]byte(u), suffix...)
}

// rewriteFile maps a relative link to another file through Options.File,
// keeping the ?query and #fragment; an unknown file keeps dest.
func (w *walker) rewriteFile(dest []byte, p string, suffix []byte) []byte {
	file := w.st.opts.File
	if file == nil || p == "" {
		return dest
	}
	u, ok := file(p)
	if !ok {
		return dest
	}
	return append([]byte(u), suffix...)
}

// isContentPath reports whether path names a Markdown content file.
func isContentPath(path []byte) bool {
	return hasSuffixFold(path, ".md") || hasSuffixFold(path, ".markdown")
}

// hasSuffixFold is bytes.HasSuffix ignoring ASCII case.
func hasSuffixFold(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && bytes.EqualFold(b[len(b)-len(suffix):], []byte(suffix))
}
