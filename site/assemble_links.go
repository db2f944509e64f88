package site

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// linkResolver returns the function that rewrites a relative link to a
// content file, as seen from source s, into that page's URL.
func (m *model) linkResolver(s *Source) func(string) (string, bool) {
	dir := path.Dir(s.Rel)
	return func(target string) (string, bool) {
		rel := path.Join(dir, target)
		if rel == ".." || strings.HasPrefix(rel, "../") {
			return "", false // outside content/
		}
		if p, ok := m.bySource[rel]; ok {
			return m.in.cfg.basePath() + p.sitePath, true
		}
		if u, ok := m.in.unloaded[rel]; ok {
			return m.in.cfg.basePath() + u, true // the file's own error is the one to fix
		}
		if isHomeSource(rel) || (rel == "index.md" && m.home != nil) {
			return m.in.cfg.basePath() + "/", true
		}
		return "", false
	}
}

// fileResolver returns the File callback for a source: a relative link to
// a file copied from content/ (an image, a PDF) becomes that file's URL,
// so it works on the policy's page and on every version page alike.
func (m *model) fileResolver(s *Source) func(string) (string, bool) {
	dir := path.Dir(s.Rel)
	return func(target string) (string, bool) {
		rel := path.Join(dir, target)
		if rel == ".." || strings.HasPrefix(rel, "../") || !m.in.copiedFiles[rel] {
			return "", false
		}
		return m.in.cfg.basePath() + urlpath.Escape("/"+rel), true
	}
}

// varResolver answers {{ site.KEY }} and {{ page.KEY }} for one version
// of a page: an archived version prints its own dates and title.
func (m *model) varResolver(ver *Version, p *Page) func(scope, key string) (string, bool) {
	return func(scope, key string) (string, bool) {
		var v any
		var ok bool
		switch {
		case scope == "site" && key == registerVar && m.in.register.found():
			return m.registerTable(ver), true
		case scope == "site":
			v, ok = m.siteVar(key)
		case scope == "page":
			v, ok = pageVar(ver, p, key)
		}
		if !ok {
			return "", false
		}
		return formatVar(v), true
	}
}

// siteVar looks a key up in clause.yaml: title, description, base_url,
// language, contact, Jekyll's url (the origin of base_url) and baseurl
// (its path, so that {{ site.url }}{{ site.baseurl }}/x works as in
// Jekyll), or params.NAME (also plain NAME for params, as
// Jekyll's site.NAME reads any _config.yml key).
func (m *model) siteVar(key string) (any, bool) {
	switch key {
	case "title":
		return m.in.cfg.Title, true
	case "description":
		return m.in.cfg.Description, true
	case "base_url":
		return m.in.cfg.BaseURL, true
	case "url": // Jekyll: the origin, https://example.com
		return strings.TrimSuffix(m.in.cfg.absBase(), m.in.cfg.basePath()), true
	case "baseurl": // Jekyll: the sub-path, /policies, or ""
		return m.in.cfg.basePath(), true
	case "language", "lang":
		return m.in.cfg.Language, true
	case "contact", "email":
		return m.in.cfg.Contact, true
	}
	key = strings.TrimPrefix(key, "params.")
	v, ok := lookupDotted(m.in.cfg.Params, key)
	if !ok && m.in.cfg.unreadable {
		return "", true // the clause.yaml error is the one to fix, not this
	}
	return v, ok
}

// pageVar looks a key up in the page's front matter, with the computed
// title and url.
func pageVar(v *Version, p *Page, key string) (any, bool) {
	switch key {
	case "title":
		if v.Title != "" {
			return v.Title, true
		}
		return p.Title, true
	case "url", "permalink":
		return p.sitePath, true
	case "description":
		return p.Description, true
	case "last_revised", "lastmod":
		return v.LastRevised, true
	case "effective":
		return v.Effective, true
	}
	return lookupDotted(v.src.FM.Params, strings.TrimPrefix(key, "params."))
}

// lookupDotted follows a dotted key through nested maps.
func lookupDotted(m map[string]any, key string) (any, bool) {
	var v any = m
	for _, part := range strings.Split(key, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = mm[part]; !ok {
			return nil, false
		}
	}
	return v, true
}

// formatVar prints a front matter or config value as text.
func formatVar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case Date:
		return v.Human()
	case time.Time:
		return newDate(v).Human()
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = formatVar(x)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}
