package site

// Translation is one language's entry in a page's language switcher and,
// when Alternate is set, in its hreflang links: .Translations.
type Translation struct {
	Lang      string // the language's code, e.g. fr
	Name      string // its name in itself, e.g. Français
	Dir       string // ltr or rtl
	URL       string // the same page in that language, or that language's home page
	Abs       string // URL made absolute when base_url is set, as hreflang links need
	Alternate bool   // URL is this page in that language: a hreflang alternate
	Default   bool   // the site's default language: the x-default alternate
	Current   bool   // the language of the page it is listed on
}

// Staleness describes a translation whose source has changed since the
// version it translates; see Version.Staleness.
type Staleness struct {
	Of       *Version  // the version of the source the translation translates
	Current  *Version  // the source's version shown now
	Language *Language // the source's language
}

// Translates returns the version of the default language's text that
// this version of a translation translates: the one translation_of
// names or, with history from git, the one in force when the
// translation last changed. It is nil for a text in the default
// language and when it is unknown.
func (v *Version) Translates() *Version { return v.translates }

// Staleness returns how a translation is behind its source: non-nil when
// the source's version shown now is later than the one v translates.
func (v *Version) Staleness() *Staleness {
	src := v.Policy.Source
	if src == nil || v.translates == nil {
		return nil
	}
	cur := src.Shown()
	if cur == nil || !v.translates.Effective.Before(cur.Effective) {
		return nil
	}
	return &Staleness{Of: v.translates, Current: cur, Language: src.Language}
}

// Translations returns the policies of every language that are
// translations of one another, this one included, in clause.yaml's order
// of languages; nil when it has none.
func (p *Policy) Translations() []*Policy {
	if len(p.translations) < 2 {
		return nil
	}
	return p.translations
}

// translationIn returns the policy of the translation set in language
// code, or nil.
func (p *Policy) translationIn(code string) *Policy {
	for _, t := range p.translations {
		if t.Lang == code {
			return t
		}
	}
	return nil
}

// fallbackIn returns the page showing p where language code has an
// untranslated stub, or nil.
func (p *Policy) fallbackIn(code string) *Page {
	for _, f := range p.fallbacks {
		if f.Fallback.Code == code {
			return f
		}
	}
	return nil
}
