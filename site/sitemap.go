package site

import (
	"bytes"
	"encoding/xml"
)

// writeSitemap writes sitemap.xml listing the home page and every policy,
// with <lastmod> from its last-revised date. Locations are absolute when
// base_url is set, as the sitemap protocol requires.
func (b *builder) writeSitemap(out output) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	b.sitemapEntry(&buf, "/", Date{})
	for _, p := range b.policies {
		if !p.NoIndex {
			b.sitemapEntry(&buf, p.url, p.LastRevised)
		}
	}
	buf.WriteString("</urlset>\n")
	b.put(out, "sitemap.xml", buf.Bytes())
}

func (b *builder) sitemapEntry(buf *bytes.Buffer, u string, lastmod Date) {
	buf.WriteString("  <url><loc>")
	xml.EscapeText(buf, []byte(b.cfg.absBase()+escapeURLPath(u)))
	buf.WriteString("</loc>")
	if !lastmod.IsZero() {
		buf.WriteString("<lastmod>" + lastmod.ISO() + "</lastmod>")
	}
	buf.WriteString("</url>\n")
}

// writeRobots writes robots.txt, naming the sitemap when base_url is set.
func (b *builder) writeRobots(out output) {
	text := "User-agent: *\nAllow: /\n"
	if b.cfg.BaseURL != "" {
		text += "\nSitemap: " + b.cfg.absBase() + "/sitemap.xml\n"
	}
	b.put(out, "robots.txt", []byte(text))
}
