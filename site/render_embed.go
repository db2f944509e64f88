package site

import "html/template"

// renderEmbed writes a policy's embed page: the text its current page
// shows, without navigation, in layouts/embed.html, for
// assets/js/clause-embed.js to insert into an app's page. Like a version
// page it carries noindex and a canonical link to the policy, and it is
// not in the sitemap. It is not counted as a page of its own.
func (r *renderer) renderEmbed(out output, p *Page, content template.HTML) {
	q := r.m.versionPage(p, p.Policy.Shown(), KindEmbed, p.Policy.embedPath, "embed.html")
	q.Content = content
	r.executeForm(out, q)
}
