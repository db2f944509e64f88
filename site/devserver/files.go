package devserver

import (
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// contentTypes pins the types of common site files, independent of the
// host's MIME database.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".ico":         "image/x-icon",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
}

// plainTextNames are extension-less files hosts read as configuration.
var plainTextNames = map[string]bool{"_redirects": true, "_headers": true}

// contentType returns the Content-Type for a snapshot file.
func contentType(name string, data []byte) string {
	if plainTextNames[path.Base(name)] {
		return "text/plain; charset=utf-8"
	}
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); ext != "" && t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// cleanPath validates a request path and returns it cleaned, still rooted
// at "/" and keeping a trailing slash. It rejects anything that could
// escape the site root: ".." segments (also percent-encoded, which the URL
// parser has already decoded), backslashes and NUL bytes.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean, true
}

// resolution is where a request path leads in a snapshot.
type resolution int

const (
	notFound resolution = iota
	found
	addSlash // a directory index exists: redirect to the slash form
)

// resolve maps a cleaned request path to a snapshot file name, as the
// static hosts a site is published on do (see internal/statichost): a
// folder's index.html, a redirect to add the slash, or "x.html" for "/x".
func resolve(snap *Snapshot, clean string) (string, resolution) {
	names := candidates(clean)
	for i, name := range names {
		switch {
		case exists(snap, name) == notFound:
		case i == 1: // name/index.html for /name
			return names[0], addSlash
		default:
			return name, found
		}
	}
	return names[0], notFound
}

// candidates returns the snapshot names that resolve looks for, in
// order, for a cleaned request path: a folder's index.html for a path
// ending in "/", else the name itself, its folder's index.html (found
// means a redirect to add the slash) and "name.html".
func candidates(clean string) []string {
	name := strings.TrimPrefix(clean, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		return []string{name + "index.html"}
	}
	return []string{name, name + "/index.html", name + ".html"}
}

// exists reports whether the snapshot has the file.
func exists(snap *Snapshot, name string) resolution {
	if _, ok := snap.Files[name]; ok {
		return found
	}
	return notFound
}

// serveSite answers a page or asset request from the current snapshot.
// While the snapshot holds only a build's first pages, a request for
// any other file asks Options.Demand for it and waits for a snapshot of
// that build that has it, or for the complete one (see PublishFirst), so
// that no response mixes two builds.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	clean, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	st := s.state.Load()
	if st.snap == nil {
		s.serveBuilding(w, r, st)
		return
	}
	name, res := resolve(st.snap, clean)
	asked := false // Demand publishes what it was asked for once: ask once
	for res == notFound && st.pending != nil {
		if s.opts.Demand != nil && !asked {
			asked = true
			s.opts.Demand(candidates(clean))
		}
		next, ok := s.awaitReplaced(r, st)
		if !ok {
			return
		}
		if next == st {
			break // the server is stopping
		}
		st = next
		name, res = resolve(st.snap, clean)
	}
	switch res {
	case found:
		s.serveFile(w, r, st, name, name, http.StatusOK)
	case addSlash:
		redirectToSlash(w, r)
	default:
		s.serveNotFound(w, r, st, name)
	}
}

// redirectToSlash answers 301 with a relative Location, so it stays
// correct behind a proxy that mounts the site under a prefix.
func redirectToSlash(w http.ResponseWriter, r *http.Request) {
	esc := r.URL.EscapedPath()
	loc := "./" + esc[strings.LastIndexByte(esc, '/')+1:] + "/"
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusMovedPermanently)
}

// serveNotFound answers 404 with the site's 404.html, or plain text when the
// site has none. The page is tagged with the requested name so that it
// reloads into the real page once that page is created.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state, name string) {
	if exists(st.snap, "404.html") == found {
		s.serveFile(w, r, st, "404.html", name, http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile writes one snapshot file; HTML gets the live reload script,
// with page as the snapshot name the browser is looking at.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, st *state, name, page string, status int) {
	s.answering.Add(1)
	defer s.answering.Add(-1)
	body := st.snap.Files[name]
	ctype := contentType(name, body)
	if strings.HasPrefix(ctype, "text/html") {
		body = injectScript(body, pageConfig(r, st, page))
	}
	write(w, r, ctype, status, body)
}

// serveBuilding answers every page request before the first build is done.
func (s *Server) serveBuilding(w http.ResponseWriter, r *http.Request, st *state) {
	body := injectScript([]byte(buildingPage), pageConfig(r, st, ""))
	write(w, r, "text/html; charset=utf-8", http.StatusServiceUnavailable, body)
}

// buildingPage is shown until the first Publish; the live reload script
// replaces it with the site as soon as the build is done.
const buildingPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
<body style="font:16px system-ui,sans-serif;margin:3em"><p>Building the site…</p></body></html>
`

// write sends a complete response; HEAD gets the headers only.
func write(w http.ResponseWriter, r *http.Request, ctype string, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
