package site

import (
	"html/template"

	"github.com/clause-dev/clause/site/redirect"
)

// renderHome renders the home page of one language from its _index.md
// or index.md, if present.
func (r *renderer) renderHome(out output, l *siteLanguage) {
	p := &Page{Kind: KindHome, sitePath: l.prefix, layout: "home.html", Title: r.m.in.cfg.Title,
		Description: r.m.in.cfg.Description, Params: map[string]any{}, Lang: l.Code}
	if s := l.home; s != nil {
		p.src = s
		p.Params = s.FM.Params
		if s.FM.Title != "" {
			p.Title = s.FM.Title
		}
		if s.FM.Description != "" {
			p.Description = s.FM.Description
		}
		home := &Version{src: s, Title: p.Title, LastRevised: s.FM.LastRevised, Effective: s.FM.Effective}
		p.Intro = template.HTML(r.renderDoc(p, home, false).HTML)
	}
	r.m.finish(p)
	r.execute(out, p)
}

// render404 renders the page static hosts serve for missing paths.
func (r *renderer) render404(out output) {
	p := &Page{Kind: KindNotFound, sitePath: "/404.html", layout: "404.html", NoIndex: true, Params: map[string]any{}}
	r.m.finish(p)
	p.Title = r.say(p.Lang, "page_not_found")
	r.execute(out, p)
}

// writeRootRedirect writes the root's index.html of a site whose default
// language lives below its own folder (default_language_in_subdir): a
// redirect to that language's home.
func (r *renderer) writeRootRedirect(out output) {
	def := r.m.defaultLanguage()
	if def.prefix == "/" {
		return
	}
	target := r.m.in.cfg.basePath() + def.prefix
	canonical := target
	if r.m.in.cfg.BaseURL != "" {
		canonical = r.m.in.cfg.absBase() + def.prefix
	}
	data, err := r.stub(redirect.StubData{From: "/", To: def.prefix, URL: target, Canonical: canonical})
	if err != nil {
		r.errs.Errorf("index.html", 0, "cannot write: %v", err)
		return
	}
	r.put(out, "index.html", data)
}
