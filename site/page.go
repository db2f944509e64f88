package site

import (
	"html/template"
)

// Page is one output page and the data its template receives as ".".
// The fields are documented for template authors in the README.
type Page struct {
	Site         *SiteData `memo:"-"` // hashed once for all pages: see siteShape
	Kind         Kind      // see kind.go: policy, home, 404, version, versions, changes or changelog
	Lang         string    // the page's language, a BCP 47 code such as en or pt-BR
	Dir          string    // the text direction of that language: ltr or rtl
	Title        string
	Description  string
	Summary      string
	Permalink    string // root-relative URL with the base path, e.g. /policies/privacy/
	Canonical    string // absolute URL, or "" without base_url
	NoIndex      bool
	Content      template.HTML
	TOC          template.HTML
	HasTOCMarker bool
	LastRevised  Date
	Effective    Date
	Group        string
	GroupTitle   string
	Weight       int
	Params       map[string]any `memo:"-"` // every front matter key; for a page made from a text, the map of its src, whose key covers it
	Intro        template.HTML
	Policy       *Policy    // the policy this page belongs to, for policy, version, versions and changes pages
	Version      *Version   // the version this page shows
	Redline      *Redline   // the comparison, on a changes or compare page
	From         *Version   // the older version a changes or compare page starts from
	Entries      []*Version // every version of every policy, newest first, on the changelog

	// Translations is this page in each language of the site, for the
	// language switcher and hreflang links (see translation.go); nil for
	// a site in one language. Fallback, on a page that shows the default
	// language's text where a translation is missing, is the language
	// that misses it.
	Translations []*Translation
	Fallback     *Language

	sitePath string  // the URL below the base path, e.g. /privacy/; Permalink adds the base path
	layout   string  // template name, e.g. policy.html
	src      *Source // nil for generated pages
	toc      bool
}

// SiteData is the site as templates see it: .Site.
type SiteData struct {
	Title       string
	Description string
	BaseURL     string
	Language    string
	Languages   []Language // the languages of a multilingual site, from clause.yaml; nil for a site in one language
	Home        string     // the URL of the home page in .Language
	Changelog   string     // the URL of the changelog in .Language
	Feed        string     // the URL of the changelog's Atom feed in .Language
	Contact     string
	Footer      []Link
	Params      map[string]any
	Groups      []*Group
	Policies    []*Page
	Serve       bool
}
