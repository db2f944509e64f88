package site

import "html/template"

// versionPage returns a page of kind for one version of policy page p.
func (m *model) versionPage(p *Page, v *Version, kind Kind, u, layout string) *Page {
	title := p.Title
	if v.Title != "" {
		title = v.Title
	}
	q := &Page{Kind: kind, sitePath: u, layout: layout, src: v.src, Title: title, Description: p.Description,
		Summary: v.Summary, LastRevised: v.LastRevised, Effective: v.Effective, Group: p.Group,
		GroupTitle: p.GroupTitle, Params: v.src.FM.Params, Policy: p.Policy, Version: v, NoIndex: true, toc: p.toc}
	m.finish(q)
	q.Canonical = m.in.cfg.absBase() + p.sitePath
	if m.in.cfg.BaseURL == "" {
		q.Canonical = p.Permalink
	}
	return q
}

// renderVersion writes a version's own page.
func (r *renderer) renderVersion(out output, p *Page, v *Version, content, toc template.HTML, marker bool) {
	q := r.m.versionPage(p, v, KindVersion, versionPath(p.sitePath, v), "version.html")
	q.Content, q.TOC, q.HasTOCMarker = content, toc, marker
	r.execute(out, q)
}

// renderHistory writes the list of a policy's versions.
func (r *renderer) renderHistory(out output, p *Page) {
	v := p.Policy.Shown()
	q := r.m.versionPage(p, v, KindVersions, versionsBase(p.sitePath)+"versions/", "versions.html")
	q.Title = r.say(q.Lang, "title_history", "title", p.Title)
	q.Summary = ""
	r.execute(out, q)
}
