package redirect

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// jsonFile is the redirect map written in the style of jekyll-redirect-from.
const jsonFile = "redirects.json"

// renderJSON writes redirects.json: an indented {"from": "to"} object with
// the base path applied to both sides and keys sorted.
func renderJSON(items []item, opts Options, out *fileSet) []Error {
	m := make(map[string]string, len(items))
	for _, it := range items {
		m[sourceURL(sourceKeyForm(it), opts.BasePath)] = it.url
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return []Error{{Path: jsonFile, Msg: fmt.Sprintf("encoding %s: %v", jsonFile, err)}}
	}
	out.put(jsonFile, b.Bytes())
	return nil
}

// sourceKeyForm returns the decoded source of it in the spelling it was
// declared with (trailing slash kept).
func sourceKeyForm(it item) string {
	if it.key != "/" && !urlpath.IsFile(it.key) && hasSlashForm(it.r.From) {
		return it.key + "/"
	}
	return it.key
}

// hasSlashForm reports whether a source was written in folder form, with a
// trailing slash or "/index.html".
func hasSlashForm(from string) bool {
	n := len(from)
	return n > 0 && from[n-1] == '/' || n >= 11 && from[n-11:] == "/index.html"
}
