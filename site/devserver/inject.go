package devserver

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"strings"
)

// liveReloadJS is the browser side of live reload. It evaluates to a
// function taking the page configuration.
//
//go:embed livereload.js
var liveReloadJS string

// Script parts wrapped around the per-request configuration.
var (
	scriptOpen  = []byte("<script data-clause-livereload>" + strings.TrimSpace(liveReloadJS) + "(")
	scriptClose = []byte(");</script>")
)

// config is what the injected script learns about the page it runs in.
type config struct {
	Root     string    `json:"root"`     // relative URL of the site root, e.g. "../../"
	Page     string    `json:"page"`     // snapshot name of the page, e.g. "a/b/index.html"
	Build    string    `json:"build"`    // build the page was served from
	Problems []Problem `json:"problems"` // shown at once when non-empty
}

// pageConfig returns the script configuration for a request as JSON. The
// encoder escapes <, > and & (and U+2028/9), so the result is safe inside a
// <script> element whatever the problem messages contain.
func pageConfig(r *http.Request, st *state, page string) []byte {
	cfg := config{Root: relativeRoot(r.URL.EscapedPath()), Page: page, Build: st.build, Problems: st.problems}
	if cfg.Problems == nil {
		cfg.Problems = []Problem{}
	}
	data, err := json.Marshal(cfg)
	if err != nil { // cannot happen with these types; keep the page usable
		return []byte("{}")
	}
	return data
}

// relativeRoot returns the URL of the site root relative to a request path,
// counting the directories the browser resolves against: "./" for "/" and
// "/a.html", "../../" for "/a/b/" and "/a/b/c.html". It uses the escaped
// path, as the browser does, so an encoded slash is not a directory.
func relativeRoot(escapedPath string) string {
	i := strings.LastIndexByte(escapedPath, '/')
	if i <= 0 {
		return "./"
	}
	return strings.Repeat("../", strings.Count(escapedPath[:i], "/"))
}

// injectScript returns a copy of page with the live reload script inserted
// right before </head>, else right after the <body> tag, else at the start
// (after a doctype, which must stay first). page itself is never modified.
func injectScript(page, cfg []byte) []byte {
	at := injectionPoint(page)
	out := make([]byte, 0, len(page)+len(scriptOpen)+len(cfg)+len(scriptClose))
	out = append(out, page[:at]...)
	out = append(out, scriptOpen...)
	out = append(out, cfg...)
	out = append(out, scriptClose...)
	return append(out, page[at:]...)
}

// injectionPoint returns the offset where the script goes.
func injectionPoint(page []byte) int {
	if i := indexTag(page, "</head"); i >= 0 {
		return i
	}
	if i := indexTag(page, "<body"); i >= 0 {
		return tagEnd(page, i)
	}
	return afterDoctype(page)
}

// indexTag returns the offset of the first case-insensitive occurrence of
// tag that is followed by '>', '/' or whitespace (so "</head" does not
// match "</header>"), or -1.
func indexTag(page []byte, tag string) int {
	for off := 0; off+len(tag) <= len(page); {
		i := indexFold(page[off:], tag)
		if i < 0 {
			return -1
		}
		end := off + i + len(tag)
		if end == len(page) || strings.IndexByte(">/ \t\r\n\f", page[end]) >= 0 {
			return off + i
		}
		off = end
	}
	return -1
}

// indexFold is a case-insensitive bytes.Index for an ASCII needle.
func indexFold(s []byte, needle string) int {
	n := []byte(needle)
	for i := 0; i+len(needle) <= len(s); i++ {
		j := bytes.IndexByte(s[i:], n[0])
		if j < 0 || i+j+len(needle) > len(s) {
			return -1
		}
		i += j
		if bytes.EqualFold(s[i:i+len(n)], n) {
			return i
		}
	}
	return -1
}

// tagEnd returns the offset just past the '>' closing the tag that starts
// at start, skipping quoted attribute values; len(page) if unterminated.
func tagEnd(page []byte, start int) int {
	var quote byte
	for i := start; i < len(page); i++ {
		switch c := page[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(page)
}

// afterDoctype returns the offset after a leading <!DOCTYPE …> (and the
// byte order mark and whitespace before it), else after the byte order
// mark, else 0.
func afterDoctype(page []byte) int {
	bom := 0
	if bytes.HasPrefix(page, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	i := bom
	for i < len(page) && strings.IndexByte(" \t\r\n\f", page[i]) >= 0 {
		i++
	}
	if i+9 <= len(page) && bytes.EqualFold(page[i:i+9], []byte("<!doctype")) {
		return tagEnd(page, i)
	}
	return bom
}
