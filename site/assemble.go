package site

import (
	"sync"

	"github.com/clause-dev/clause/site/gitlog"
	"github.com/clause-dev/clause/site/internal/i18n"
	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redirect"
)

// model is what the assemble phase decides from an input: the home
// page, the policies with their versions, groups and URLs, the output
// path each file claims, the redirects (with the sections that moved),
// the SiteData templates see and the next date the output changes. It is
// complete before the first page renders: templates link to every page.
type model struct {
	in   *input
	errs *ErrorList

	claims   *claims
	assets   *assetSet          // the assets that claimed their paths
	copies   []copiedFile       // the content files copied as they are that claimed their paths
	layouts  []string           // the layouts the pages use; see chooseLayouts
	md       *markdown.Renderer // reads titles from the bodies that lack one in front matter
	home     *Source
	policies []*Page
	groups   []*Group
	bySource map[string]*Page // content path → the policy it is the current text of
	site     *SiteData

	langs []*siteLanguage // the site's languages, the default first (see assemble_languages.go); site is the default's
	stubs []stub          // untranslated stubs, which become pages showing the default language's text

	redirects       []redirect.Redirect
	redirectFormats []redirect.Format
	moved           map[string]*redirect.PageFragments // output path → sections moved from that page
	blobs           *gitlog.Blobs                      // reads the versions' texts from git history (history: git)

	shape      memo.Key           // see computeShape
	policyKeys map[*Page]memo.Key // see policyKey; computed with the shape
	mu         sync.Mutex
	nextChange Date
}

// assemble decides every page, URL and redirect of the site in in. It
// claims output paths in a fixed order (generated files, assets,
// policies and their versions, copied files), so a clash is reported at
// the later claimant. It reads nothing but git history (history: git),
// whose versions depend on which policies there are.
func assemble(in *input, errs *ErrorList) *model {
	m := newModel(in, errs)
	m.claimGenerated()
	m.claimLanguages()
	m.assets = claimAssets(in.assetFiles, m.claims, errs) // before pages, so a clash is reported at the page
	m.assemblePolicies(in.sources)
	m.copies = claimCopies(in.copies, m.claims, errs)
	m.resolveRedirects()
	m.site = m.siteData()
	m.languageSites()
	m.finishPolicies()
	m.chooseLayouts()
	if in.opts.cache != nil {
		m.computeShape() // only the dev server's memo reads keys
		m.computePolicyKeys()
	}
	return m
}

// newModel returns an empty model of the input, before any decision.
func newModel(in *input, errs *ErrorList) *model {
	m := &model{in: in, errs: errs, claims: newClaims(), bySource: map[string]*Page{}, md: newMarkdown(in.cfg, in.words, in.cfg.Language)}
	m.initLanguages()
	return m
}

// finishPolicies gives every policy page .Site and its permalink, and
// every policy the URL of its history and every version a permalink
// (for a policy with a single version, its page's).
func (m *model) finishPolicies() {
	for _, p := range m.policies {
		m.finish(p)
		p.Policy.historyPermalink = m.in.cfg.basePath() + versionsBase(p.sitePath) + "versions/"
		for _, v := range p.Policy.Versions {
			if v.permalink == "" {
				v.permalink = p.Permalink
			}
		}
	}
	m.finishFallbacks()
}

// newMarkdown returns the Markdown renderer clause.yaml configures for
// texts in the language lang, whose words label the heading anchors.
func newMarkdown(cfg *Config, words *i18n.Catalog, lang string) *markdown.Renderer {
	label, _ := words.Text(lang, "anchor_label", "heading", "%s")
	return markdown.New(markdown.Options{Typographer: cfg.Typographer, TOCMin: cfg.TOCLevels[0], TOCMax: cfg.TOCLevels[1],
		AnchorLabel: label})
}

// claimGenerated reserves the output paths of generated files.
func (m *model) claimGenerated() {
	for _, p := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt", markerFile,
		"changelog/index.html", "changelog.xml", "policies.json"} {
		m.claims.reserve(p, generatedOwner(p))
	}
	if m.in.register.found() {
		m.claims.reserve(registerFeedFile, generatedOwner(registerFeedFile))
	}
	m.claims.reserve("index.html", homeOwner)
}

// siteData is what templates see as .Site.
func (m *model) siteData() *SiteData {
	cfg := m.in.cfg
	return &SiteData{Title: cfg.Title, Description: cfg.Description, BaseURL: cfg.BaseURL,
		Language: cfg.Language, Contact: cfg.Contact, Footer: cfg.Footer,
		Params: cfg.Params, Groups: m.groups, Policies: m.policies, Serve: m.in.opts.serve}
}

// result summarises the build; pages is the number of HTML pages written.
func (m *model) result(pages int) *Result {
	return &Result{Pages: pages, Policies: len(m.policies), Redirects: len(m.redirects),
		Warnings: m.errs.Warnings(), NextChange: m.nextChange, layout: m.in.layout}
}

// finish fills the fields that depend on the whole site: .Site and the
// URLs that carry the base path. Every page is finished before any is
// rendered, since templates link to other pages.
func (m *model) finish(p *Page) {
	l := m.pageLanguage(p)
	p.Site, p.Lang, p.Dir = l.site, l.Code, l.Dir
	p.Permalink = m.in.cfg.basePath() + p.sitePath
	if m.in.cfg.BaseURL != "" && !p.NoIndex {
		p.Canonical = m.in.cfg.absBase() + p.sitePath
	}
	p.Translations = m.translationsOf(p)
}
