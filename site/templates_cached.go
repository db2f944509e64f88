package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// partialCache holds, for one build, the output of every partial that a
// template asked for with partialCached, by partialKey. The theme's chrome
// (the site menu above 40 policies, the footer) is the same on every page
// of a language, so it is executed once per language instead of once per
// page: html/template's reflection made it a large part of every page's
// cost.
type partialCache struct {
	set *template.Template // a clone of the base set (baseof.html and the partials), never executed otherwise
	mu  sync.Mutex
	out map[partialKey]template.HTML
}

// partialKey is what a cached partial's output depends on: the partial,
// the site data and language of the page it was called with (a page's
// .Site is its language's), and the variant arguments, printed.
type partialKey struct {
	name     string
	site     *SiteData
	lang     string
	dir      string
	variants string
}

// newPartialCache returns an empty cache that executes partials in a
// clone of base, or nil when base cannot be cloned.
func newPartialCache(base *template.Template) *partialCache {
	set, err := base.Clone()
	if err != nil {
		return nil
	}
	return &partialCache{set: set}
}

// reset empties the cache for a new build: the dev server reuses a parsed
// template set, and so its cache, from one build to the next.
func (c *partialCache) reset() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.out = nil
	c.mu.Unlock()
}

// get returns the output of the partial name executed with data, a page:
// the one already made for the same key, or a new one. Two pages asking
// at once may both execute it, and the output kept is either's; a partial
// that reads nothing of the page but its key gives the same either way.
func (c *partialCache) get(name string, data any, variants []any) (template.HTML, error) {
	if c == nil {
		return "", fmt.Errorf("partialCached %q: the layouts failed to parse", name)
	}
	page, ok := data.(*Page)
	if !ok || page == nil {
		return "", fmt.Errorf("partialCached %q: its data must be the page (.), not %T; use template for other data", name, data)
	}
	key := keyOfPartial(name, page, variants)
	c.mu.Lock()
	html, ok := c.out[key]
	c.mu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := c.set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html = template.HTML(buf.String())
	c.mu.Lock()
	if c.out == nil {
		c.out = map[partialKey]template.HTML{}
	}
	c.out[key] = html
	c.mu.Unlock()
	return html, nil
}

// keyOfPartial returns the key of a partial called with page p and
// variants. Variants are printed with fmt: strings, numbers and booleans
// are what they should be.
func keyOfPartial(name string, p *Page, variants []any) partialKey {
	key := partialKey{name: name, site: p.Site, lang: p.Lang, dir: p.Dir}
	if len(variants) > 0 {
		var b strings.Builder
		for _, v := range variants {
			fmt.Fprintf(&b, "%T\x00%v\x00", v, v)
		}
		key.variants = b.String()
	}
	return key
}
