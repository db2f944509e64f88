// Package statichost imitates, for tests, the static hosts a built site
// is published on: GitHub Pages and S3, which ignore _redirects, and
// Netlify and Cloudflare Pages, which apply it each in its own way, and
// the response headers their _headers file sets.
package statichost

import (
	"bufio"
	"bytes"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Host names the static host whose handling of _redirects a test host
// imitates.
type Host int

// The hosts New imitates.
const (
	// Plain ignores _redirects, as GitHub Pages and S3 do: old URLs
	// reach the HTML stubs.
	Plain Host = iota
	// Netlify applies a _redirects rule only when no file answers the
	// path, unless its status ends in "!" (Netlify's shadowing).
	Netlify
	// Cloudflare applies every _redirects rule before any file, and
	// ignores a line whose status is not a plain number (Cloudflare Pages).
	Cloudflare
)

// redirectsFile is the rules file Netlify and Cloudflare Pages read
// (redirect's netlifyFile; not imported, so redirect's tests can use
// this package).
const redirectsFile = "_redirects"

// New returns a handler that serves files (output-relative paths
// mapped to contents) the way static hosts such as GitHub Pages, Netlify or
// Cloudflare Pages do. It serves index.html for folders, redirects "/dir" to
// "/dir/" with 301 when dir/index.html exists, also serves "x.html" for
// "/x", and answers missing paths with 404.html and status 404. Rules of
// the _redirects file apply as host says.
func New(files map[string][]byte, host Host) http.Handler {
	return NewAt("", files, host)
}

// NewAt is New for a site published under a base path
// such as "/policies", like a GitHub Pages project site: files are served
// below the base path, _redirects rules are matched against the full
// request path, and 404.html is served for every missing path.
func NewAt(basePath string, files map[string][]byte, host Host) http.Handler {
	h := &staticHost{base: strings.TrimSuffix(basePath, "/"), files: files, host: host}
	if host != Plain {
		h.rules = parseRules(files[redirectsFile], host)
		h.headers = parseHeaders(files[headersFile])
	}
	return h
}

// staticHost is the handler behind New.
type staticHost struct {
	base  string
	files map[string][]byte
	host  Host
	rules map[string]hostRule // nil unless redirects are applied

	headers []headerRule // the _headers rules Netlify and Cloudflare Pages apply (headers.go)
}

// hostRule is one parsed _redirects line.
type hostRule struct {
	to     string
	status int
	force  bool // the status ended in "!"
}

// parseRules reads a _redirects file: "FROM TO [STATUS]" lines, comments
// starting with "#", status 301 by default; the first rule for a path wins.
// Cloudflare skips a line whose status is not a number, such as "301!".
func parseRules(b []byte, host Host) map[string]hostRule {
	rules := make(map[string]hostRule)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		rule := hostRule{to: f[1], status: http.StatusMovedPermanently}
		if len(f) > 2 {
			code := f[2]
			if host == Netlify {
				code, rule.force = strings.CutSuffix(code, "!")
			}
			n, err := strconv.Atoi(code)
			if err != nil {
				continue
			}
			rule.status = n
		}
		if _, dup := rules[f[0]]; !dup {
			rules[f[0]] = rule
		}
	}
	return rules
}

// ServeHTTP answers one request.
func (h *staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if rule, ok := h.match(r); ok && (h.host != Netlify || rule.force || !h.answers(r.URL.Path)) {
		w.Header().Set("Location", rule.to)
		w.WriteHeader(rule.status)
		return
	}
	h.setHeaders(w, r)
	p := r.URL.Path
	if p == h.base && h.base != "" {
		h.redirectToFolder(w, r)
		return
	}
	if !strings.HasPrefix(p, h.base+"/") {
		h.notFound(w, r)
		return
	}
	h.serve(w, r, p[len(h.base):])
}

// match finds the _redirects rule for the request path, decoded or not.
func (h *staticHost) match(r *http.Request) (hostRule, bool) {
	if h.rules == nil {
		return hostRule{}, false
	}
	if rule, ok := h.rules[r.URL.EscapedPath()]; ok {
		return rule, true
	}
	rule, ok := h.rules[r.URL.Path]
	return rule, ok
}

// serve answers sub, the request path below the base path.
func (h *staticHost) serve(w http.ResponseWriter, r *http.Request, sub string) {
	rel := strings.TrimPrefix(path.Clean(sub), "/")
	if rel == "" || strings.HasSuffix(sub, "/") {
		h.serveFile(w, r, path.Join(rel, "index.html"), http.StatusOK)
		return
	}
	if h.rules != nil && (rel == redirectsFile || rel == headersFile) {
		h.notFound(w, r)
		return
	}
	switch {
	case h.has(rel):
		h.serveFile(w, r, rel, http.StatusOK)
	case h.has(rel + "/index.html"):
		h.redirectToFolder(w, r)
	case h.has(rel + ".html"):
		h.serveFile(w, r, rel+".html", http.StatusOK)
	default:
		h.notFound(w, r)
	}
}

// answers reports whether a file answers the request path p, which
// shadows a rule on Netlify.
func (h *staticHost) answers(p string) bool {
	if !strings.HasPrefix(p, h.base+"/") {
		return false
	}
	sub := p[len(h.base):]
	rel := strings.TrimPrefix(path.Clean(sub), "/")
	if rel == "" || strings.HasSuffix(sub, "/") {
		return h.has(path.Join(rel, "index.html"))
	}
	return h.has(rel) || h.has(rel+"/index.html") || h.has(rel+".html")
}

// has reports whether name is one of the site's files.
func (h *staticHost) has(name string) bool {
	_, ok := h.files[name]
	return ok
}

// redirectToFolder answers "/dir" with a 301 to "/dir/", keeping the query.
func (h *staticHost) redirectToFolder(w http.ResponseWriter, r *http.Request) {
	loc := r.URL.EscapedPath() + "/"
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusMovedPermanently)
}

// serveFile writes name with status, or the 404 page when it is missing.
func (h *staticHost) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	b, ok := h.files[name]
	if !ok {
		h.notFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// notFound answers with 404.html and status 404, or a plain 404.
func (h *staticHost) notFound(w http.ResponseWriter, r *http.Request) {
	if h.has("404.html") {
		h.serveFile(w, r, "404.html", http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}
