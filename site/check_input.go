package site

import (
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/redirect"
)

// lintInput is everything the linter reads: the site model a build
// assembled, the texts its render phase kept and the files it wrote. The
// linter is a client of these values: it never sees the model itself,
// whose body reader it is handed only to read the files again (the build
// releases bodies after loading them).
type lintInput struct {
	Config    *Config
	Policies  []*Page
	Home      *Source              // the home page's text (_index.md or index.md), or nil
	Texts     *renderedTexts       // what the render phase produced from each text
	Body      func(*Source) []byte // reads a text's body again, as the render phase read it
	Files     map[string][]byte    // the built site, by output path
	Redirects []redirect.Redirect
	Claims    *claims           // the owner of every output path
	Unloaded  map[string]string // Markdown files that could not be loaded → the URL their path gives
	Layouts   map[string][]byte // layouts/… → contents, of the site and the theme
	BaseURLBy string            // what set base_url over clause.yaml: "--base-url", "CLAUSE_BASE_URL" or ""
	Rendered  bool              // the pages were rendered: the layouts parsed
	Now       time.Time         // the moment that decided what is current

	redirectTo map[string]string // urlpath.Key of a whole-page redirect source → its target; see redirectFor
}

// lintInput returns what the linter reads of a finished build: its model,
// the renderer that rendered it (nil when rendering never started) and
// its output files.
func (m *model) lintInput(r *renderer, files map[string][]byte) *lintInput {
	return &lintInput{Config: m.in.cfg, Policies: m.policies, Home: m.home, Texts: m.in.opts.texts, Body: m.body, Files: files,
		Redirects: m.redirects, Claims: m.claims, Unloaded: m.in.unloaded, Layouts: m.in.layouts, BaseURLBy: m.in.baseURLBy(),
		Rendered: r != nil && r.tmpl != nil && r.tmpl.base != nil, Now: m.in.now}
}

// outputFor returns the output file served at a site-relative URL path.
func (in *lintInput) outputFor(p string) (string, bool) {
	rel := strings.TrimPrefix(p, "/")
	for _, cand := range []string{rel, path.Join(rel, "index.html")} {
		if _, ok := in.Files[cand]; ok && cand != "" {
			return cand, true
		}
	}
	return "", false
}

// redirectFor returns where a redirect source sends visitors; a link to
// an old URL still works. The sources are indexed on first use, the first
// of two with one key winning: a site links to each of them many times.
func (in *lintInput) redirectFor(p string) (string, bool) {
	if in.redirectTo == nil {
		in.redirectTo = map[string]string{}
		for _, r := range in.Redirects {
			from, err := url.PathUnescape(r.From) // derived sources are percent-encoded
			if err != nil || r.Fragment() != "" {
				continue
			}
			if _, dup := in.redirectTo[urlpath.Key(from)]; !dup {
				in.redirectTo[urlpath.Key(from)] = r.To
			}
		}
	}
	to, ok := in.redirectTo[urlpath.Key(p)]
	return to, ok
}

// movedTo returns where section id of the page written to out moved, if
// it is a moved section of that page or of the stub written there.
func (in *lintInput) movedTo(out, id string) (string, bool) {
	for _, r := range in.Redirects {
		if r.Fragment() != id {
			continue
		}
		file := redirect.StubFile(r.From)
		if r.Page != "" {
			file = urlpath.File(r.Page)
		}
		if file == out {
			return r.To, true
		}
	}
	return "", false
}

// unloadedAt reports whether the site-relative URL u is where a Markdown
// file that could not be loaded would be published.
func (in *lintInput) unloadedAt(u string) bool {
	for _, v := range in.Unloaded {
		if v == u {
			return true
		}
	}
	return false
}
