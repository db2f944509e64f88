package site

import (
	"fmt"
	"sort"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// linkTranslations matches the policies that translate one another (by
// translationKey), gives each translation its source, the version of the
// source each of its versions translates, and turns the untranslated
// stubs into pages that show the source's text.
func (m *model) linkTranslations() {
	if !m.in.cfg.multilingual() {
		return
	}
	order := map[string]int{}
	for i, l := range m.langs {
		order[l.Code] = i
	}
	sets := map[string][]*Policy{}
	var keys []string
	for _, p := range m.policies {
		pol := p.Policy
		set, seen := sets[pol.key]
		if !seen {
			keys = append(keys, pol.key)
		}
		if other := policyIn(set, pol.Lang); other != nil {
			m.errs.Add(&Error{Path: p.src.Path, Msg: fmt.Sprintf("two texts of one policy in %s: %s and %s", pol.Lang, other.page.src.Path, p.src.Path),
				Hint: "give one of them another translation_key, or remove it"})
			continue
		}
		sets[pol.key] = append(set, pol)
	}
	for _, k := range keys {
		set := sets[k]
		sort.SliceStable(set, func(i, j int) bool { return order[set[i].Lang] < order[set[j].Lang] })
		src := policyIn(set, m.defaultLanguage().Code)
		for _, pol := range set {
			pol.translations = set
			if pol != src && src != nil {
				pol.Source = src
				m.findTranslated(pol)
			}
		}
	}
	m.placeStubs(sets)
}

// policyIn returns the policy of set in language code, or nil.
func policyIn(set []*Policy, code string) *Policy {
	for _, p := range set {
		if p.Lang == code {
			return p
		}
	}
	return nil
}

// findTranslated sets the version of the source that each version of a
// translation translates: the latest version of the source in force on
// the date translation_of gives or, with history from git, on the date
// the translation's text changed. Without either it stays unknown.
func (m *model) findTranslated(pol *Policy) {
	for _, v := range pol.Versions {
		date := v.src.FM.TranslationOf
		if date.IsZero() && m.in.history() == HistoryGit {
			date = v.LastRevised
			if date.IsZero() {
				date = v.Effective
			}
		}
		if date.IsZero() {
			continue
		}
		for _, s := range pol.Source.Versions {
			if !s.Effective.IsZero() && !s.Effective.After(date) {
				v.translates = s
			}
		}
	}
}

// placeStubs gives every untranslated stub whose policy exists in the
// default language a page at the stub's URL that shows the default
// language's text with a notice. A stub of a language that has the
// policy translated is left out, and so is one of no policy, with a
// warning.
func (m *model) placeStubs(sets map[string][]*Policy) {
	for _, st := range m.stubs {
		set := sets[translationKey(st.src, st.base)]
		src := policyIn(set, m.defaultLanguage().Code)
		if src == nil {
			m.errs.Add(&Error{Path: st.src.Path, Severity: SeverityWarning,
				Msg:  fmt.Sprintf("untranslated stub of no policy: no %s text has the path %s or translation_key %s", m.defaultLanguage().Code, st.base, translationKey(st.src, st.base)),
				Hint: "it is left out; give it the path of the text it stands for, or its translation_key"})
			continue
		}
		if policyIn(set, st.lang.Code) != nil || src.fallbackIn(st.lang.Code) != nil {
			continue
		}
		u := m.pageURL(st.src, st.base)
		if u == "" {
			continue
		}
		if st.src.FM.Permalink == "" {
			u = st.lang.path(u)
		}
		if !m.claims.claim(urlpath.File(u), st.src.Path, st.src.FM.Lines["permalink"], m.errs) {
			continue
		}
		lang := st.lang.Language
		q := *src.page
		q.sitePath, q.Fallback, q.NoIndex = u, &lang, true
		src.fallbacks = append(src.fallbacks, &q)
	}
}
