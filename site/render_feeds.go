package site

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name  string `xml:"name"`
	Email string `xml:"email,omitempty"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content,omitempty"`
	Category  []atomCat  `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// entryID is a version's stable Atom id: it depends only on the policy and
// the effective date, never on the host or the build.
func entryID(v *Version) string {
	return "urn:clause:" + strings.ReplaceAll(v.Policy.ID, "/", ":") + ":" + v.Effective.ISO()
}

// feedEntry describes one version in a feed. A version not yet in
// force is published when it was announced (its last-revised date), not
// on the future day it takes effect, which its title names instead; no
// date in a feed lies after the build's date. Titles are in lang.
func (r *renderer) feedEntry(lang string, v *Version) atomEntry {
	m := r.m
	title := v.Policy.page.Title + " — " + localDate(lang, v.Effective)
	published := v.Effective
	if v.IsUpcoming() {
		title = r.say(lang, "feed_entry_upcoming", "title", v.Policy.page.Title, "date", v.Effective)
		published = v.LastRevised
	}
	if v.Summary != "" {
		title += ": " + v.Summary
	}
	e := atomEntry{ID: entryID(v), Title: title, Updated: feedTime(m.notAfterNow(v.LastRevised)),
		Published: feedTime(m.notAfterNow(published)), Summary: v.Summary,
		Links: []atomLink{{Rel: "alternate", Href: m.abs(v.Permalink())}}}
	if u := v.ChangesURL(); u != "" {
		e.Links = append(e.Links, atomLink{Rel: "related", Href: m.abs(u)})
	}
	if len(v.Changes) > 0 {
		var buf strings.Builder
		buf.WriteString("<ul>")
		for _, c := range v.Changes {
			buf.WriteString("<li>" + xmlEscape(c) + "</li>")
		}
		buf.WriteString("</ul>")
		e.Content = &atomText{Type: "html", Body: buf.String()}
	}
	if v.Material {
		e.Category = append(e.Category, atomCat{Term: "material"})
	}
	return e
}

// notAfterNow returns d, or the build's date when d lies after it.
// It is the day, not the moment: a feed read twice on one day says the
// same, and the dev server re-renders it once a day, not on every change.
func (m *model) notAfterNow(d Date) Date {
	now := m.in.now.UTC()
	if today := newDate(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)); d.After(today) {
		return today
	}
	return d
}

// feedTime formats a date for Atom; undated versions use the Unix epoch so
// the feed stays valid and deterministic.
func feedTime(d Date) string {
	if d.IsZero() {
		return time.Unix(0, 0).UTC().Format(time.RFC3339)
	}
	return d.RFC3339()
}

func xmlEscape(s string) string {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(s))
	return buf.String()
}

// abs makes a URL that already carries the base path absolute when
// base_url is set, and percent-encodes its path as the sitemap does, so
// that policies.json and the feeds carry valid URLs for pages whose paths
// hold spaces or non-ASCII letters.
func (m *model) abs(u string) string {
	if u == "" {
		return u // "" is no URL, such as the first version's changes page
	}
	if m.in.cfg.BaseURL == "" {
		return urlpath.Escape(u)
	}
	return m.in.cfg.absBase() + urlpath.Escape(strings.TrimPrefix(u, m.in.cfg.basePath()))
}

// writeFeed writes an Atom feed of versions to p, its titles in lang.
func (r *renderer) writeFeed(out output, lang, p, id, title, self, alternate string, versions []*Version) {
	f := atomFeed{ID: id, Title: title, Author: atomAuthor{Name: r.m.in.cfg.Title, Email: r.m.in.cfg.Contact},
		Links: []atomLink{{Rel: "self", Href: r.m.abs(self)}, {Rel: "alternate", Href: r.m.abs(alternate)}}}
	latest := Date{}
	for _, v := range versions {
		f.Entries = append(f.Entries, r.feedEntry(lang, v))
		if v.LastRevised.After(latest) {
			latest = v.LastRevised
		}
	}
	f.Updated = feedTime(r.m.notAfterNow(latest))
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		r.errs.Errorf(p, 0, "cannot write feed: %v", err)
		return
	}
	r.put(out, p, append([]byte(xml.Header), append(data, '\n')...))
}

// writeChangelogFeed writes one language's /changelog.xml with every
// version of every policy in it.
func (r *renderer) writeChangelogFeed(out output, l *siteLanguage) {
	base, id := r.m.in.cfg.basePath(), "urn:clause:changelog"
	if l.prefix != "/" {
		id += ":" + l.Code
	}
	r.writeFeed(out, l.Code, strings.TrimPrefix(l.path("/changelog.xml"), "/"), id, r.say(l.Code, "feed_changelog_title", "site", r.m.in.cfg.Title), base+l.path("/changelog.xml"), base+l.path("/changelog/"), r.m.allVersions(l))
}

// writePolicyFeed writes <permalink>versions/feed.xml for one policy.
func (r *renderer) writePolicyFeed(out output, p *Page) {
	pol := p.Policy
	name := strings.TrimSuffix(urlpath.File(versionsBase(p.sitePath)+"versions/"), "index.html") + "feed.xml"
	r.writeFeed(out, p.Lang, name, "urn:clause:"+strings.ReplaceAll(pol.ID, "/", ":"), r.say(p.Lang, "feed_policy_title", "title", p.Title), pol.FeedURL(), p.Permalink, reverseVersions(pol.Versions))
}
