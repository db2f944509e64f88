package site

import (
	"path"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/internal/urlpath"
	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/redirect"
)

// redirectPage records a page that is only a redirect (redirect_to). Its
// old URLs (redirect_from, aliases) lead to its own URL and on from there,
// to a page of the site or to another site.
func (m *model) redirectPage(s *Source) {
	u := m.pageURL(s, s.Rel)
	if u == "" {
		return
	}
	m.redirects = append(m.redirects, redirect.Redirect{From: urlpath.Escape(u), To: s.FM.RedirectTo,
		File: s.Path, Line: s.FM.Lines["redirect_to"], Origin: redirect.RedirectTo})
	m.redirectFrom(s, u, u)
}

// redirectFrom records a source's redirect_from and aliases entries, for
// a page at URL at whose visitors go to to. Both are URLs as the site
// computes them, decoded; they are percent-encoded here.
func (m *model) redirectFrom(s *Source, at, to string) {
	at, to = urlpath.Escape(at), urlpath.Escape(to)
	for _, from := range s.FM.RedirectFrom {
		m.redirects = append(m.redirects, redirect.Redirect{From: from.Value, To: to, File: s.Path, Line: from.Line, Origin: redirect.FrontMatter})
	}
	for _, from := range s.FM.Aliases {
		m.redirects = append(m.redirects, redirect.Redirect{From: hugoAlias(from.Value, at), To: to, File: s.Path, Line: from.Line, Origin: redirect.FrontMatter})
	}
}

// hugoAlias resolves an alias as Hugo does: one that does not start with
// "/" is relative to the folder the page's URL is in, so "old-terms" on
// /legal/terms/ is /legal/old-terms. A trailing slash is kept; anything
// that is not a plain relative path is left for validation to report.
func hugoAlias(alias, at string) string {
	if alias == "" || strings.HasPrefix(alias, "/") || strings.Contains(alias, ":") || strings.HasPrefix(alias, "\\") {
		return alias
	}
	dir := path.Dir(strings.TrimSuffix(at, "/"))
	resolved := path.Join(dir, alias)
	if strings.HasSuffix(alias, "/") && resolved != "/" {
		resolved += "/"
	}
	return resolved
}

// policyRedirects records the redirects of one policy: its old URLs from
// front matter, and automatic ones from every earlier permalink it had,
// for the policy page and for each version page under it.
func (m *model) policyRedirects(p *Page) {
	m.redirectFrom(p.src, p.sitePath, p.sitePath)
	seen := map[string]bool{p.sitePath: true}
	for _, v := range p.Policy.Versions {
		for _, old := range append(v.oldPaths, v.policyPath) {
			if seen[old] || old == "" {
				continue
			}
			seen[old] = true
			m.movedPolicy(p, v, old)
		}
	}
}

// movedPolicy redirects a policy's earlier permalink, and the version
// pages under it, to where they live now. Both ends are percent-encoded:
// a URL derived from a file name may hold spaces and non-ASCII letters.
func (m *model) movedPolicy(p *Page, v *Version, old string) {
	line := v.src.FM.Lines["permalink"]
	enc := urlpath.Escape
	m.redirects = append(m.redirects, redirect.Redirect{From: enc(old), To: enc(p.sitePath), File: v.src.Path, Line: line, Origin: redirect.Automatic})
	if !p.Policy.HasHistory() {
		return
	}
	for _, w := range p.Policy.Versions {
		from, to := versionPath(old, w), versionPath(p.sitePath, w)
		if from == to {
			continue // /x.html and /x/ share their versions folder
		}
		m.redirects = append(m.redirects, redirect.Redirect{From: enc(from), To: enc(to), File: v.src.Path, Line: line, Origin: redirect.Automatic})
	}
}

// redirectFormatList reads redirects.formats, reporting a bad entry at its
// own line. A bad list leaves the formats empty: the build fails anyway.
func (m *model) redirectFormatList(v *yaml.Node) []redirect.Format {
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias // formats: *list names a list defined elsewhere
	}
	var formats []redirect.Format
	if err := v.Decode(&formats); err != nil {
		m.errs.Errorf(configFile, v.Line, "redirects.formats must be a list such as [html, netlify, json]")
		return nil
	}
	ok := true
	for i := range formats {
		if err := redirect.CheckFormat(formats, i); err != nil {
			at := v
			if i < len(v.Content) {
				at = v.Content[i]
			}
			m.errs.Add(&Error{Path: configFile, Line: at.Line, Col: at.Column, Msg: err.Msg, Hint: err.Hint})
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return formats
}

// configRedirects reads the redirects: map of clause.yaml. Its keys are
// old paths; the key "formats" lists the redirect files to write.
func (m *model) configRedirects() []redirect.Format {
	node := &m.in.cfg.Redirects
	if node.Kind == 0 {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		m.errs.Errorf(configFile, node.Line, "redirects must map old paths to new ones, for example \"/old/\": /new/")
		return nil
	}
	var formats []redirect.Format
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if k.Value == "formats" {
			formats = m.redirectFormatList(v)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			m.errs.Errorf(configFile, v.Line, "the target of redirect %q must be a path or URL", k.Value)
			continue
		}
		m.redirects = append(m.redirects, redirect.Redirect{From: k.Value, To: v.Value, File: configFile, Line: k.Line, Origin: redirect.Config})
	}
	return formats
}

// resolveRedirects checks every redirect against the site's outputs and
// flattens chains; problems are reported with their file and line.
func (m *model) resolveRedirects() {
	formats := m.configRedirects()
	for _, p := range m.policies {
		m.policyRedirects(p)
	}
	sort.SliceStable(m.redirects, func(i, j int) bool { return m.redirects[i].From < m.redirects[j].From })
	m.redirectTwins(formats)
	r, _ := memo.Do(m.in.opts.cache.memoView(), m.resolveKey, func() (resolution, bool) {
		list, errs := redirect.Resolve(m.redirects, m.servedBy)
		return resolution{list, errs}, true
	})
	resolved, errs := r.list, r.errs
	m.addRedirectErrors(errs)
	m.redirects = resolved
	m.redirectFormats = formats
	m.findMovedSections()
}

// servedBy reports which input serves a URL path, if any.
func (m *model) servedBy(u string) (string, bool) {
	p := strings.TrimPrefix(u, "/")
	for _, candidate := range []string{p, p + "index.html", strings.TrimSuffix(p, "/") + "/index.html"} {
		if owner, ok := m.claims.owner(strings.TrimPrefix(candidate, "/")); ok {
			return owner, true
		}
	}
	return "", false
}

func (m *model) addRedirectErrors(errs []redirect.Error) {
	for _, e := range errs {
		m.errs.Add(&e) // a copy: the cache keeps errs
	}
}
