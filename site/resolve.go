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
func (b *builder) linkResolver(s *Source) func(string) (string, bool) {
	dir := path.Dir(s.Rel)
	return func(target string) (string, bool) {
		rel := path.Join(dir, target)
		if rel == ".." || strings.HasPrefix(rel, "../") {
			return "", false // outside content/
		}
		if p, ok := b.bySource[rel]; ok {
			return b.cfg.basePath() + p.sitePath, true
		}
		if u, ok := b.unloaded[rel]; ok {
			return b.cfg.basePath() + u, true // the file's own error is the one to fix
		}
		if isHomeSource(rel) || (rel == "index.md" && b.home != nil) {
			return b.cfg.basePath() + "/", true
		}
		return "", false
	}
}

// noteUnloaded records the Markdown files that were listed but could not
// be loaded (broken front matter, not UTF-8, unreadable). Their own
// error is reported once; links to them resolve to the URL their path
// gives rather than adding "link to missing file" on every page that
// links to them.
func (b *builder) noteUnloaded(files []contentFile, sources []*Source) {
	loaded := map[string]bool{}
	for _, s := range sources {
		loaded[s.Rel] = true
	}
	b.unloaded = map[string]string{}
	for _, f := range files {
		if f.markdown && !loaded[f.rel] {
			b.unloaded[f.rel] = derivedURL(f.rel, "")
		}
	}
}

// fileResolver returns the File callback for a source: a relative link to
// a file copied from content/ (an image, a PDF) becomes that file's URL,
// so it works on the policy's page and on every version page alike.
func (b *builder) fileResolver(s *Source) func(string) (string, bool) {
	dir := path.Dir(s.Rel)
	return func(target string) (string, bool) {
		rel := path.Join(dir, target)
		if rel == ".." || strings.HasPrefix(rel, "../") || !b.copiedFiles[rel] {
			return "", false
		}
		return b.cfg.basePath() + urlpath.Escape("/"+rel), true
	}
}

// varResolver answers {{ site.KEY }} and {{ page.KEY }} for one version
// of a page: an archived version prints its own dates and title.
func (b *builder) varResolver(ver *Version, p *Page) func(scope, key string) (string, bool) {
	return func(scope, key string) (string, bool) {
		var v any
		var ok bool
		switch scope {
		case "site":
			v, ok = b.siteVar(key)
		case "page":
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
func (b *builder) siteVar(key string) (any, bool) {
	switch key {
	case "title":
		return b.cfg.Title, true
	case "description":
		return b.cfg.Description, true
	case "base_url":
		return b.cfg.BaseURL, true
	case "url": // Jekyll: the origin, https://example.com
		return strings.TrimSuffix(b.cfg.absBase(), b.cfg.basePath()), true
	case "baseurl": // Jekyll: the sub-path, /policies, or ""
		return b.cfg.basePath(), true
	case "language", "lang":
		return b.cfg.Language, true
	case "contact", "email":
		return b.cfg.Contact, true
	}
	key = strings.TrimPrefix(key, "params.")
	v, ok := lookupDotted(b.cfg.Params, key)
	if !ok && b.cfg.unreadable {
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
