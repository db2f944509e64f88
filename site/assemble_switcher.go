package site

// pageLanguage returns the language whose .Site a page sees: its
// policy's, the one a home or changelog page is made for (p.Lang), the
// one an untranslated stub misses, or the default.
func (m *model) pageLanguage(p *Page) *siteLanguage {
	code := p.Lang
	switch {
	case p.Fallback != nil:
		code = p.Fallback.Code
	case p.Policy != nil:
		code = p.Policy.Lang
	}
	if l := m.language(code); l != nil {
		return l
	}
	return m.defaultLanguage()
}

// translationsOf returns the entries of a page's language switcher: for
// each language, the same policy in it (its translation, or the page
// showing the default text where it has an untranslated stub), the same
// home or changelog page, or else that language's home page. Only a
// policy's current page, the homes and the changelogs are hreflang
// alternates. A site in one language has none.
func (m *model) translationsOf(p *Page) []*Translation {
	if !m.in.cfg.multilingual() {
		return nil
	}
	base, cur := m.in.cfg.basePath(), p.Lang
	if p.Fallback != nil {
		cur = p.Fallback.Code
	}
	out := make([]*Translation, len(m.langs))
	for i, l := range m.langs {
		t := &Translation{Lang: l.Code, Name: l.Name, Dir: l.Dir, URL: base + l.prefix, Default: i == 0, Current: l.Code == cur}
		switch {
		case p.Policy != nil:
			m.policyTranslation(t, p)
		case p.Kind == KindHome:
			t.Alternate = true
		case p.Kind == KindChangelog:
			t.URL, t.Alternate = base+l.path("/changelog/"), true
		}
		t.Abs = m.abs(t.URL)
		out[i] = t
	}
	onlyAlternates(out)
	return out
}

// policyTranslation points t at the policy of page p in t's language,
// when there is one.
func (m *model) policyTranslation(t *Translation, p *Page) {
	base := m.in.cfg.basePath()
	if tp := p.Policy.translationIn(t.Lang); tp != nil {
		t.URL = base + tp.page.sitePath
		t.Alternate = p.Kind == KindPolicy && p.Fallback == nil
		return
	}
	src := p.Policy
	if src.Source != nil {
		src = src.Source
	}
	if f := src.fallbackIn(t.Lang); f != nil {
		t.URL = base + f.sitePath
	}
}

// finishFallbacks finishes the pages that show a policy of the default
// language where a language has an untranslated stub (see placeStubs):
// in the stub's language's .Site, with the default language's lang and
// dir, not indexed, canonical at the default page.
func (m *model) finishFallbacks() {
	def := m.defaultLanguage()
	for _, p := range m.policies {
		for _, f := range p.Policy.fallbacks {
			m.finish(f)
			f.Lang, f.Dir, f.Canonical = def.Code, def.Dir, p.Canonical
		}
	}
}

// onlyAlternates clears Alternate when a page has no other language's
// version than its own: one hreflang link to itself says nothing.
func onlyAlternates(ts []*Translation) {
	n := 0
	for _, t := range ts {
		if t.Alternate {
			n++
		}
	}
	if n < 2 {
		for _, t := range ts {
			t.Alternate = false
		}
	}
}
