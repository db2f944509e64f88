package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"
	"sync"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// bufPool recycles the buffers pages are executed into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// funcTarget is the build that template functions serve. A parsed
// template set outlives the build that parsed it in the dev server's
// cache, so its functions look up the current build here rather than
// capturing one. Builds of one cache never run at the same time.
type funcTarget struct{ b *builder }

// funcs returns the template functions; see the README for each.
func funcs(ft *funcTarget) template.FuncMap {
	return template.FuncMap{
		"relURL": func(p string) string { return ft.b.cfg.basePath() + "/" + strings.TrimPrefix(p, "/") },
		"absURL": func(p string) string {
			cfg := ft.b.cfg
			if cfg.BaseURL == "" {
				return cfg.basePath() + "/" + strings.TrimPrefix(p, "/")
			}
			return cfg.absBase() + "/" + strings.TrimPrefix(p, "/")
		},
		"first":           first,
		"reverseVersions": reverseVersions,
		"asset": func(p string) (string, error) {
			u, err := ft.b.assets.url(p)
			return ft.b.cfg.basePath() + u, err
		},
	}
}

// genericLayouts are the layout names Jekyll themes give an ordinary
// page. A site that has no such file gets policy.html without a warning:
// nearly every page of a Jekyll repository names one of them.
var genericLayouts = map[string]bool{"default": true, "page": true, "post": true}

// layoutsWanted names every layout file the build will execute, falling
// back to policy.html (with a warning) for layouts the theme lacks.
func (b *builder) layoutsWanted() []string {
	want := []string{"policy.html", "home.html", "404.html", "version.html", "versions.html", "changes.html", "changelog.html", "redirect.html"}
	for _, p := range b.policies {
		p.layout = "policy.html"
		l := p.src.FM.Layout
		if l == "" || l == "policy" {
			continue
		}
		name := l + ".html"
		if genericLayouts[l] && !b.layoutExists(name) {
			continue // Jekyll's ordinary page layout: policy.html is ours
		}
		if path.Base(name) != name || !b.layoutExists(name) {
			b.errs.Add(&Error{Path: p.src.Path, Line: p.src.FM.Lines["layout"], Severity: SeverityWarning,
				Msg:  fmt.Sprintf("layout %q not found; using policy.html", l),
				Hint: fmt.Sprintf("create layouts/%s to use it, or remove the layout key", name)})
			continue
		}
		p.layout = name
		want = append(want, name)
	}
	return want
}

func (b *builder) layoutExists(name string) bool {
	return (&templates{files: b.layouts}).has(name)
}

// renderPolicies renders every policy's pages, policies in parallel.
func (b *builder) renderPolicies() {
	parallel(len(b.policies), func(i int) {
		p := b.policies[i]
		if b.ctx.Err() != nil {
			return // the build was cancelled
		}
		defer b.recoverPanic(p.src.Path, nil)
		b.cached("policy:"+p.Policy.ID, b.policyKey(p), func(out output) { b.renderPolicy(out, p) })
	})
}

// finish fills the fields that depend on the whole site: .Site and the
// URLs that carry the base path. Every page is finished before any is
// rendered, since templates link to other pages.
func (b *builder) finish(p *Page) {
	p.Site = b.site
	p.Permalink = b.cfg.basePath() + p.sitePath
	if b.cfg.BaseURL != "" && !p.NoIndex {
		p.Canonical = b.cfg.absBase() + p.sitePath
	}
}

// execute runs a page's layout and writes the result.
func (b *builder) execute(out output, p *Page) {
	set := b.tmpl.lookup(p.layout)
	if set == nil {
		return // the layout failed to parse; already reported
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if err := set.ExecuteTemplate(buf, entry(set, p.layout), p); err != nil {
		e := templateError(err, p.layout)
		if p.src != nil {
			e.Msg += " (rendering " + p.src.Path + ")"
		}
		b.errs.Add(e)
		return
	}
	name := urlpath.File(p.sitePath)
	b.put(out, name, b.withMovedSections(out, name, buf.Bytes())) // outputs that keep it copy it
	countPage(out)
	b.pages.Add(1)
}

// renderHome renders the home page from the content folder's _index.md
// or index.md, if present.
func (b *builder) renderHome(out output) {
	p := &Page{Kind: KindHome, sitePath: "/", layout: "home.html", Title: b.cfg.Title,
		Description: b.cfg.Description, Params: map[string]any{}}
	if s := b.home; s != nil {
		p.src = s
		p.Params = s.FM.Params
		if s.FM.Title != "" {
			p.Title = s.FM.Title
		}
		if s.FM.Description != "" {
			p.Description = s.FM.Description
		}
		home := &Version{src: s, Title: p.Title, LastRevised: s.FM.LastRevised, Effective: s.FM.Effective}
		p.Intro = template.HTML(b.renderDoc(p, home, false).HTML)
	}
	b.finish(p)
	b.execute(out, p)
}

// render404 renders the page static hosts serve for missing paths.
func (b *builder) render404(out output) {
	p := &Page{Kind: KindNotFound, sitePath: "/404.html", layout: "404.html", Title: "Page not found",
		NoIndex: true, Params: map[string]any{}}
	b.finish(p)
	b.execute(out, p)
}

// first returns at most the first n pages; the theme's navigation uses it
// so that its size, and the build time, stay linear in the number of
// policies.
func first(n int, pages []*Page) []*Page {
	if n < 0 {
		n = 0
	}
	if len(pages) > n {
		return pages[:n]
	}
	return pages
}

// reverseVersions returns versions newest first.
func reverseVersions(vs []*Version) []*Version {
	out := make([]*Version, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v
	}
	return out
}
