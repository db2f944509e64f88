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
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if r.m.in.cfg.multilingual() {
		buf.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	buf.WriteString(">\n")
	for _, l := range r.m.langs {
		r.sitemapLanguage(&buf, l)
	}
	buf.WriteString("</urlset>\n")
	r.put(out, "sitemap.xml", buf.Bytes())
}

// sitemapLanguage writes the entries of one language: its home page, its
// policies and its changelog, each with its translations as xhtml:link
// alternates on a multilingual site.
func (r *renderer) sitemapLanguage(buf *bytes.Buffer, l *siteLanguage) {
	var latest Date
	for _, p := range l.policies {
		if d := r.m.pastDate(p.LastRevised); !p.NoIndex && d.After(latest) {
			latest = d
		}
	}
	r.m.sitemapEntry(buf, l.prefix, latest, r.m.translationsOf(&Page{Kind: KindHome, Lang: l.Code}))
	for _, p := range l.policies {
		if !p.NoIndex {
			r.m.sitemapEntry(buf, p.sitePath, r.m.pastDate(p.LastRevised), p.Translations)
		}
	}
	r.m.sitemapEntry(buf, l.path("/changelog/"), latest, r.m.translationsOf(&Page{Kind: KindChangelog, Lang: l.Code}))
}

// pastDate returns d, or no date when d is after the build's now.
func (m *model) pastDate(d Date) Date {
	if d.Time().After(m.in.now) {
		return Date{}
	}
	return d
}

// sitemapEntry writes one <url>: its location, its last change when
// known, and the translations that are its alternates, with x-default at
// the default language's.
func (m *model) sitemapEntry(buf *bytes.Buffer, u string, lastmod Date, alternates []*Translation) {
	buf.WriteString("  <url><loc>")
	xml.EscapeText(buf, []byte(m.in.cfg.absBase()+urlpath.Escape(u)))
	buf.WriteString("</loc>")
	if !lastmod.IsZero() {
		buf.WriteString("<lastmod>" + lastmod.ISO() + "</lastmod>")
	}
	for _, t := range alternates {
		if t.Alternate {
			sitemapAlternate(buf, t.Lang, t.Abs)
		}
	}
	for _, t := range alternates {
		if t.Alternate && t.Default {
			sitemapAlternate(buf, "x-default", t.Abs)
		}
	}
	buf.WriteString("</url>\n")
}

// sitemapAlternate writes one xhtml:link alternate of a sitemap entry.
func sitemapAlternate(buf *bytes.Buffer, lang, href string) {
	buf.WriteString(`<xhtml:link rel="alternate" hreflang="`)
	xml.EscapeText(buf, []byte(lang))
	buf.WriteString(`" href="`)
	xml.EscapeText(buf, []byte(href))
	buf.WriteString(`"/>`)
}

// writeRobots writes robots.txt, naming the sitemap when base_url is set.
func (r *renderer) writeRobots(out output) {
	text := "User-agent: *\nAllow: /\n"
	if r.m.in.cfg.BaseURL != "" {
		text += "\nSitemap: " + r.m.in.cfg.absBase() + "/sitemap.xml\n"
	}
	r.put(out, "robots.txt", []byte(text))
}
