package site

import (
	"bytes"
	"encoding/xml"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// writeSitemap writes sitemap.xml listing the home page, every policy and
// the changelog, with <lastmod> from last-revised dates: a policy's own,
// and the latest of them for the home page and the changelog. A date
// after the build's "now" (a policy not yet in effect whose last_revised
// defaults to its effective date) is left out rather than announced as a
// change in the future. Locations are absolute when base_url is set, as
// the sitemap protocol requires.
func (r *renderer) writeSitemap(out output) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var latest Date
	for _, p := range r.m.policies {
		if d := r.m.pastDate(p.LastRevised); !p.NoIndex && d.After(latest) {
			latest = d
		}
	}
	r.m.sitemapEntry(&buf, "/", latest)
	for _, p := range r.m.policies {
		if !p.NoIndex {
			r.m.sitemapEntry(&buf, p.sitePath, r.m.pastDate(p.LastRevised))
		}
	}
	r.m.sitemapEntry(&buf, "/changelog/", latest)
	buf.WriteString("</urlset>\n")
	r.put(out, "sitemap.xml", buf.Bytes())
}

// pastDate returns d, or no date when d is after the build's now.
func (m *model) pastDate(d Date) Date {
	if d.Time().After(m.in.now) {
		return Date{}
	}
	return d
}

func (m *model) sitemapEntry(buf *bytes.Buffer, u string, lastmod Date) {
	buf.WriteString("  <url><loc>")
	xml.EscapeText(buf, []byte(m.in.cfg.absBase()+urlpath.Escape(u)))
	buf.WriteString("</loc>")
	if !lastmod.IsZero() {
		buf.WriteString("<lastmod>" + lastmod.ISO() + "</lastmod>")
	}
	buf.WriteString("</url>\n")
}

// writeRobots writes robots.txt, naming the sitemap when base_url is set.
func (r *renderer) writeRobots(out output) {
	text := "User-agent: *\nAllow: /\n"
	if r.m.in.cfg.BaseURL != "" {
		text += "\nSitemap: " + r.m.in.cfg.absBase() + "/sitemap.xml\n"
	}
	r.put(out, "robots.txt", []byte(text))
}
