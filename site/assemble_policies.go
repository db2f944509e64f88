package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/markdown"
)

// assemblePolicies turns sources into policies: it derives URLs and
// titles, drops drafts unless wanted, attaches version files, and checks
// that no two pages claim one output path.
func (m *model) assemblePolicies(sources []*Source) {
	var versionFiles []*Source
	skipped := map[string]bool{} // policies left out: their version files go too
	for _, s := range sources {
		lang, base := m.sourceLanguage(s)
		if isHomeSource(base) {
			m.setHome(lang, s)
			continue
		}
		if s.FM.Draft && !m.in.opts.Drafts {
			skipped[policyID(s.Rel)] = true
			continue
		}
		if s.FM.RedirectTo != "" {
			skipped[policyID(s.Rel)] = true
			m.redirectPage(s)
			continue
		}
		if _, _, ok := versionFile(s.Rel); ok {
			versionFiles = append(versionFiles, s)
			continue
		}
		if m.isStub(lang, s) {
			m.stubs = append(m.stubs, stub{lang: lang, base: base, src: s})
			continue
		}
		if p := m.newPolicy(s, lang, base); p != nil {
			m.policies = append(m.policies, p)
			m.bySource[s.Rel] = p
		}
	}
	m.attachVersions(versionFiles, skipped)
	m.announceVersions()
	m.placePolicies()
	m.linkTranslations()
	m.groupLanguages()
}

// placePolicies gives each policy the URL and dates of the version it
// shows, and claims its output paths.
func (m *model) placePolicies() {
	kept := m.policies[:0]
	for _, p := range m.policies {
		v := p.Policy.Shown()
		if v == nil {
			continue
		}
		p.sitePath, p.Version = v.policyPath, v
		p.LastRevised, p.Effective = v.LastRevised, v.Effective
		if v.Title != "" {
			p.Title = v.Title
		}
		if !m.claims.claim(urlpath.File(p.sitePath), p.src.Path, p.src.FM.Lines["permalink"], m.errs) {
			continue
		}
		m.claimVersions(p)
		p.Policy.basePath = m.in.cfg.basePath()
		m.placeRecords(p)
		kept = append(kept, p)
	}
	m.policies = kept
}

// claimVersions reserves the version, history and redline pages.
func (m *model) claimVersions(p *Page) {
	if !p.Policy.HasHistory() {
		return
	}
	base := versionsBase(p.sitePath) + "versions/"
	m.claims.claim(urlpath.File(base), p.src.Path, 0, m.errs)
	m.claims.claim(urlpath.File(base+"feed.xml"), p.src.Path, 0, m.errs)
	for _, v := range p.Policy.Versions {
		u := versionPath(p.sitePath, v)
		v.permalink = m.in.cfg.basePath() + u
		m.claims.claim(urlpath.File(u), v.src.Path, 0, m.errs)
		if v.Prev != nil {
			m.claims.claim(urlpath.File(u+"changes/"), v.src.Path, 0, m.errs)
		}
		if v.hasComparePage() {
			m.claims.claim(urlpath.File(u+"compare/"), v.src.Path, 0, m.errs)
		}
	}
}

// isHomeSource reports whether a content file supplies the home page:
// _index.md (Hugo) or index.md (Jekyll) directly in the content folder.
func isHomeSource(rel string) bool {
	switch rel {
	case "_index.md", "_index.markdown", "index.md", "index.markdown":
		return true
	}
	return false
}

// setHome takes s as the home page's source in its language; a second
// one is an error naming both.
func (m *model) setHome(lang *siteLanguage, s *Source) {
	if lang.home != nil {
		m.errs.Add(&Error{Path: s.Path, Msg: fmt.Sprintf("both %s and %s would be the home page", lang.home.Path, s.Path),
			Hint: "keep one of them: clause reads _index.md (Hugo) and index.md (Jekyll) in the content folder as the home page"})
		return
	}
	lang.home = s
	if lang == m.defaultLanguage() {
		m.home = s
	}
}

// pageURL computes the URL a source asks for, or "" when its permalink
// is invalid (which is reported).
func (m *model) pageURL(s *Source, rel string) string {
	if s.FM.Permalink == "" {
		u := derivedURL(rel, s.FM.Slug)
		if err := validateURLPath(u, true); err != nil {
			shown := u
			if len(u) > 80 {
				shown = urlpath.Abbrev(u)
			}
			e := &Error{Path: s.Path, Msg: fmt.Sprintf("this file's URL %s is not valid: %v", shown, err),
				Hint: "rename the file, or set a permalink"}
			if s.FM.Slug != "" {
				e.Line, e.Hint = s.FM.Lines["slug"], "a slug is one path segment, such as privacy-notice"
			}
			m.errs.Add(e)
			return ""
		}
		return u
	}
	if err := validatePermalink(s.FM.Permalink); err != nil {
		key := "permalink"
		if _, ok := s.FM.Lines[key]; !ok {
			key = "url"
		}
		m.errs.Add(&Error{Path: s.Path, Line: s.FM.Lines[key], Msg: err.Error(),
			Hint: "write a site path such as /privacy/ or /privacy.html"})
		return ""
	}
	return normalizeURL(s.FM.Permalink)
}

// newPolicy builds the policy and current page for one source, or nil
// when its URL is invalid.
func (m *model) newPolicy(s *Source, lang *siteLanguage, base string) *Page {
	u := m.pageURL(s, base)
	if u == "" {
		return nil
	}
	if s.FM.Permalink == "" {
		u = lang.path(u)
	}
	p := &Page{Kind: KindPolicy, sitePath: u, src: s, Params: s.FM.Params,
		Title: s.FM.Title, Description: s.FM.Description, Summary: s.FM.Summary,
		Group: s.FM.Group, Weight: s.FM.Weight}
	p.toc = m.in.cfg.TOC
	if s.FM.TOC != nil {
		p.toc = *s.FM.TOC
	}
	effective := s.FM.Effective
	if effective.IsZero() {
		effective = s.FM.LastRevised
	}
	if effective.IsZero() && lang != m.defaultLanguage() {
		effective = s.FM.TranslationOf // a translation takes effect with the version it translates
	}
	v := newVersion(s, effective)
	v.policyPath = u
	if p.Title == "" {
		p.Title = m.md.Title(s.Lead, markdown.Page{Var: m.varResolver(v, p)})
	}
	if p.Title == "" {
		p.Title = readableName(s.Rel)
	}
	p.Policy = &Policy{ID: policyID(s.Rel), Versions: []*Version{v}, page: p, Lang: lang.Code, key: translationKey(s, base)}
	if m.in.cfg.multilingual() {
		p.Policy.Language = &lang.Language
	}
	return p
}

// groupPolicies sorts the policies of one language into the configured
// groups, then into groups named only in front matter, alphabetically,
// then "Policies" (in the language lang) for pages with no group. It
// returns them in group order, with the groups that have pages.
func (m *model) groupPolicies(policies []*Page, lang string) ([]*Page, []*Group) {
	var groups []*Group
	byID := map[string]*Group{}
	for _, g := range m.in.cfg.Groups {
		title := g.Title
		if t := g.Titles[lang]; t != "" {
			title = t
		}
		g := &Group{ID: g.ID, Title: title}
		if g.Title == "" {
			g.Title = readableName(g.ID)
		}
		byID[g.ID] = g
		groups = append(groups, g)
	}
	var extra []*Group
	for _, p := range policies {
		g := byID[p.Group]
		if g == nil {
			g = &Group{ID: p.Group, Title: readableName(p.Group)}
			if p.Group == "" {
				g.Title, _ = m.in.words.Text(lang, "policies")
			}
			byID[p.Group] = g
			extra = append(extra, g)
		}
		g.Pages = append(g.Pages, p)
		p.GroupTitle = g.Title
	}
	sort.SliceStable(extra, func(i, j int) bool {
		if (extra[i].ID == "") != (extra[j].ID == "") {
			return extra[j].ID == ""
		}
		return extra[i].ID < extra[j].ID
	})
	return orderPolicies(append(groups, extra...))
}

// orderPolicies sorts each group's pages by weight, title and URL, and
// lists all policies in group order.
func orderPolicies(groups []*Group) ([]*Page, []*Group) {
	var policies []*Page
	kept := groups[:0]
	for _, g := range groups {
		sort.SliceStable(g.Pages, func(i, j int) bool {
			a, c := g.Pages[i], g.Pages[j]
			if a.Weight != c.Weight {
				return a.Weight < c.Weight
			}
			if a.Title != c.Title {
				return a.Title < c.Title
			}
			return a.sitePath < c.sitePath
		})
		policies = append(policies, g.Pages...)
		if len(g.Pages) > 0 {
			kept = append(kept, g)
		}
	}
	return policies, kept
}

// fenceOf returns the fence a line of Markdown opens or closes, or "".
func fenceOf(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}
