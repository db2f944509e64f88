package site

import "html/template"

// renderHome renders the home page from the content folder's _index.md
// or index.md, if present.
func (r *renderer) renderHome(out output) {
	p := &Page{Kind: KindHome, sitePath: "/", layout: "home.html", Title: r.m.in.cfg.Title,
		Description: r.m.in.cfg.Description, Params: map[string]any{}}
	if s := r.m.home; s != nil {
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
