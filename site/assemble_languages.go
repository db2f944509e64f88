package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/clause-dev/clause/internal/suggest"
	"github.com/clause-dev/clause/site/internal/i18n"
)

// siteLanguage is one language of the site as the model builds it: its
// home, policies and groups and the .Site its pages see. A site in one
// language has exactly one, at the root.
type siteLanguage struct {
	Language
	prefix   string    // the site path of its home page: "/" or "/fr/"
	home     *Source   // its _index.md or index.md, if any
	policies []*Page   // its policies, in group order
	listed   []*Page   // .Site.Policies: its policies and the pages showing the default text where it has stubs
	groups   []*Group  // its groups
	site     *SiteData // .Site of its pages
}

// path returns site path u (such as /privacy/) below the language's home.
func (l *siteLanguage) path(u string) string { return strings.TrimSuffix(l.prefix, "/") + u }

// stub is an untranslated stub: a file in a language other than the
// default whose body is empty or whose front matter says untranslated.
type stub struct {
	lang *siteLanguage
	base string // its path without the language
	src  *Source
}

// initLanguages sets up the site's languages from clause.yaml: without
// languages:, one language at the root, named by language:.
func (m *model) initLanguages() {
	cfg := m.in.cfg
	if !cfg.multilingual() {
		code := cfg.Language
		if code == "" {
			code = "en"
		}
		m.langs = []*siteLanguage{{Language: Language{Code: code, Name: code, Dir: i18n.Dir(code)}, prefix: "/"}}
		return
	}
	for i := range cfg.Languages {
		l := &siteLanguage{Language: cfg.Languages[i], prefix: "/" + cfg.Languages[i].Code + "/"}
		if l.Code == cfg.DefaultLanguage {
			if !cfg.DefaultLanguageInSubdir {
				l.prefix = "/"
			}
			m.langs = append([]*siteLanguage{l}, m.langs...)
			continue
		}
		m.langs = append(m.langs, l)
	}
}

// defaultLanguage returns the language at the root: the default one.
func (m *model) defaultLanguage() *siteLanguage { return m.langs[0] }

// language returns the site language with code, or nil.
func (m *model) language(code string) *siteLanguage {
	for _, l := range m.langs {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// sourceLanguage returns the language of a content file and its path
// without the language: a first folder named after a language
// (fr/privacy.md), a suffix (privacy.fr.md) or front matter lang or
// language, which wins. Only the codes of languages: count, so a folder
// legal/ is never a language. Without languages: every file is in the
// one language, at its own path.
func (m *model) sourceLanguage(s *Source) (*siteLanguage, string) {
	cfg := m.in.cfg
	if !cfg.multilingual() {
		return m.defaultLanguage(), s.Rel
	}
	lang, base := m.defaultLanguage(), s.Rel
	if first, rest, ok := strings.Cut(s.Rel, "/"); ok {
		if c := cfg.languageCode(first); c != "" {
			lang, base = m.language(c), rest
		}
	}
	if lang == m.defaultLanguage() && base == s.Rel {
		if l, b := m.suffixLanguage(s.Rel); l != nil {
			lang, base = l, b
		}
	}
	if s.FM.Lang != "" {
		if c := cfg.languageCode(s.FM.Lang); c != "" {
			lang = m.language(c)
		} else {
			m.unknownLanguage(s)
		}
	}
	return lang, base
}

// suffixLanguage reads the language of privacy.fr.md: the last part of
// the name before the extension, when it is a language's code.
func (m *model) suffixLanguage(rel string) (*siteLanguage, string) {
	ext := path.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	i := strings.LastIndexByte(stem, '.')
	if i < 0 || strings.Contains(stem[i:], "/") {
		return nil, ""
	}
	if c := m.in.cfg.languageCode(stem[i+1:]); c != "" {
		return m.language(c), stem[:i] + ext
	}
	return nil, ""
}

// unknownLanguage reports front matter naming a language that
// clause.yaml does not list.
func (m *model) unknownLanguage(s *Source) {
	key := "lang"
	if _, ok := s.FM.Lines[key]; !ok {
		key = "language"
	}
	codes := make([]string, len(m.langs))
	for i, l := range m.langs {
		codes[i] = l.Code
	}
	e := &Error{Path: s.Path, Line: s.FM.Lines[key], Msg: fmt.Sprintf("%s %q is not one of the site's languages: %s", key, s.FM.Lang, strings.Join(codes, ", ")),
		Hint: "add it under languages: in clause.yaml, or correct the code"}
	if c, ok := suggest.Closest(s.FM.Lang, codes); ok {
		e.Msg += fmt.Sprintf("; did you mean %s?", c)
	}
	m.errs.Add(e)
}

// isStub reports whether s is an untranslated stub: a file in a
// language other than the default with an empty body or untranslated
// set in its front matter.
func (m *model) isStub(lang *siteLanguage, s *Source) bool {
	return lang != m.defaultLanguage() && (s.FM.Untranslated || s.Empty)
}

// translationKey is what matches a policy's translations: its
// translation_key, or its path without the language and extension, so
// that conditions.md with translation_key: terms translates terms.md.
func translationKey(s *Source, base string) string {
	if s.FM.TranslationKey != "" {
		return s.FM.TranslationKey
	}
	return policyID(base)
}

// groupLanguages sorts each language's policies into its groups and
// lists every policy, language by language, in m.policies; the default
// language's groups are m.groups.
func (m *model) groupLanguages() {
	var all []*Page
	for _, l := range m.langs {
		var mine []*Page
		for _, p := range m.policies {
			if p.Policy.Lang == l.Code {
				mine = append(mine, p)
			}
			if f := p.Policy.fallbackIn(l.Code); f != nil {
				mine = append(mine, f)
			}
		}
		l.listed, l.groups = m.groupPolicies(mine, l.Code)
		for _, p := range l.listed {
			if p.Fallback == nil {
				l.policies = append(l.policies, p)
			}
		}
		all = append(all, l.policies...)
	}
	m.policies, m.groups = all, m.defaultLanguage().groups
}

// languageSites gives every language the .Site its pages see.
func (m *model) languageSites() {
	base := m.in.cfg.basePath()
	for _, l := range m.langs {
		s := *m.site
		s.Language, s.Groups, s.Policies = l.Code, l.groups, l.listed
		s.Home, s.Changelog, s.Feed = base+l.prefix, base+l.path("/changelog/"), base+l.path("/changelog.xml")
		if m.in.cfg.multilingual() {
			s.Languages = m.in.cfg.Languages
		}
		l.site = &s
	}
	m.site = m.defaultLanguage().site
}

// claimLanguages reserves the home, changelog and feed of every language
// below its own folder.
func (m *model) claimLanguages() {
	for _, l := range m.langs {
		if l.prefix == "/" {
			continue
		}
		for _, p := range []string{"index.html", "changelog/index.html", "changelog.xml"} {
			name := strings.TrimPrefix(l.prefix, "/") + p
			m.claims.reserve(name, generatedOwner(name))
		}
	}
}

// suffixedVersion reads a version file of a translation named with a
// suffix: privacy/versions/2025-01-10.fr.md is a version of privacy.fr.md
// (policy id privacy.fr) or, when that does not exist, of fr/privacy.md.
// Other names are returned as they are.
func (m *model) suffixedVersion(dir, name string, byID map[string]*Policy) (string, string) {
	if !m.in.cfg.multilingual() {
		return dir, name
	}
	l, base := m.suffixLanguage(name + ".md")
	if l == nil {
		return dir, name
	}
	name = strings.TrimSuffix(base, ".md")
	if folder := l.Code + "/" + dir; byID[dir+"."+l.Code] == nil && byID[folder] != nil {
		return folder, name
	}
	return dir + "." + l.Code, name
}
