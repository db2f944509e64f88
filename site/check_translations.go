package site

import (
	"fmt"
	"strings"
)

// translations reports, on a multilingual site, the state of every
// policy's translations: stale ones (warnings), an upcoming version with
// no translation in a language the policy has (a warning), translations
// whose translation_of names no version or that have no source, and the
// languages a policy is missing in or has only an untranslated stub in
// (information).
func (c *checker) translations() {
	if !c.in.Config.multilingual() {
		return
	}
	def := c.in.Config.DefaultLanguage
	for _, p := range c.in.Policies {
		pol := p.Policy
		if !editable(p.src) {
			continue
		}
		if pol.Lang == def {
			c.missingTranslations(p)
			c.untranslatedUpcoming(p)
			continue
		}
		c.translationState(p)
	}
}

// translationState reports a translation that is stale, that does not
// say which version it translates, whose translation_of names no version
// of its source, or that has no source.
func (c *checker) translationState(p *Page) {
	pol, v := p.Policy, p.Policy.Shown()
	if v == nil || !editable(v.src) {
		return
	}
	fm := v.src.FM
	line := fm.Lines["translation_of"]
	switch {
	case pol.Source == nil:
		if line > 0 {
			c.warn(v.src.Path, line, 0, fmt.Sprintf("translation_of is set but no %s text matches this translation", c.in.Config.DefaultLanguage),
				"give the default language's text the same path without the language, or set the same translation_key on both")
		}
	case v.translates == nil && fm.TranslationOf.IsZero():
		c.info(v.src.Path, fm.Start, fmt.Sprintf("this translation does not say which version of %s it translates", pol.Source.page.src.Path),
			fmt.Sprintf("add translation_of: %s (the effective date of the version it translates)", shownISO(pol.Source)))
	case v.translates == nil:
		c.warn(v.src.Path, line, 0, fmt.Sprintf("translation_of %s is before the first version of %s", fm.TranslationOf.ISO(), pol.Source.page.src.Path),
			"write the effective date of the version this text translates")
	default:
		if !fm.TranslationOf.IsZero() && !fm.TranslationOf.Equal(v.translates.Effective) {
			c.warn(v.src.Path, line, 0, fmt.Sprintf("translation_of %s is not the date of a version of %s; read as the version of %s",
				fm.TranslationOf.ISO(), pol.Source.page.src.Path, v.translates.Effective.ISO()), "write the effective date of the version this text translates")
		}
		if st := v.Staleness(); st != nil {
			at := line
			if at == 0 {
				at = fm.Start
			}
			c.warn(v.src.Path, at, 0, fmt.Sprintf("stale translation: it translates the version of %s, but %s changed on %s",
				st.Of.Effective.ISO(), pol.Source.page.src.Path, st.Current.Effective.ISO()),
				fmt.Sprintf("translate the changes (%s) and set translation_of: %s", st.Of.CompareURL(), st.Current.Effective.ISO()))
		}
	}
}

// missingTranslations notes the languages a policy of the default
// language has no text in, and those where it has an untranslated stub.
func (c *checker) missingTranslations(p *Page) {
	var missing, stubs []string
	for _, l := range c.in.Config.Languages {
		switch {
		case l.Code == c.in.Config.DefaultLanguage || p.Policy.translationIn(l.Code) != nil:
		case p.Policy.fallbackIn(l.Code) != nil:
			stubs = append(stubs, l.Code)
		default:
			missing = append(missing, l.Code)
		}
	}
	line := p.src.FM.Lines["title"]
	if line == 0 {
		line = 1 // a title from the first heading or the file name: the file as a whole
	}
	if len(missing) > 0 {
		c.info(p.src.Path, line, fmt.Sprintf("missing translations: %s has no text in %s", p.Title, strings.Join(missing, ", ")),
			"its language switcher leads visitors of those languages to their home page")
	}
	if len(stubs) > 0 {
		c.info(p.src.Path, line, fmt.Sprintf("untranslated: %s has only a stub in %s; visitors of those languages read this text", p.Title, strings.Join(stubs, ", ")), "")
	}
}

// untranslatedUpcoming warns when a policy's upcoming version has no
// translation in a language the policy is translated into.
func (c *checker) untranslatedUpcoming(p *Page) {
	up := p.Policy.Upcoming
	if up == nil || !editable(up.src) {
		return
	}
	var langs []string
	for _, t := range p.Policy.Translations() {
		if t == p.Policy {
			continue
		}
		translated := false
		for _, v := range t.Versions {
			translated = translated || v.translates == up
		}
		if !translated {
			langs = append(langs, t.Lang)
		}
	}
	if len(langs) > 0 {
		c.warn(up.src.Path, up.src.FM.Lines["effective"], 0, fmt.Sprintf("the version taking effect on %s has no translation in %s", up.Effective.ISO(), strings.Join(langs, ", ")),
			fmt.Sprintf("translate it before it takes effect and set translation_of: %s in each translation", up.Effective.ISO()))
	}
}

// shownISO is the effective date of the version a policy shows, or "YYYY-MM-DD".
func shownISO(p *Policy) string {
	if v := p.Shown(); v != nil && !v.Effective.IsZero() {
		return v.Effective.ISO()
	}
	return "YYYY-MM-DD"
}

// info records a note of the linter: something to know, not to fix.
func (c *checker) info(path string, line int, msg, hint string) {
	c.errs.Add(&Error{Path: path, Line: line, Msg: msg, Hint: hint, Severity: SeverityInfo})
}
