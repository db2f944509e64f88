package site

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/internal/suggest"
	"github.com/clause-dev/clause/site/internal/i18n"
)

// Language is one language of a multilingual site, as clause.yaml's
// languages: lists it and templates see it in .Site.Languages.
type Language struct {
	Code string `yaml:"code"` // a BCP 47 code in its canonical form, e.g. en or pt-BR
	Name string `yaml:"name"` // the language's name in itself, e.g. Deutsch
	Dir  string `yaml:"dir"`  // ltr or rtl; right to left by default for the languages i18n.Dir names
}

// decodeLanguages reads languages:, default_language and
// default_language_in_subdir, checking each code with
// golang.org/x/text/language and writing it in its canonical form
// (pt-br becomes pt-BR), so that a folder, a suffix and front matter may
// spell it in any letter case.
func (cfg *Config) decodeLanguages(root *yaml.Node, errs *ErrorList) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "languages" {
			cfg.Languages = readLanguages(root.Content[i+1], errs)
		}
	}
	if cfg.DefaultLanguage != "" && len(cfg.Languages) == 0 {
		errs.Add(&Error{Path: configFile, Line: cfg.lines["default_language"], Msg: "default_language needs a list of languages:",
			Hint: "add languages: [{code: en, name: English}, …], or use language: for a site in one language"})
		cfg.DefaultLanguage = ""
	}
	if len(cfg.Languages) == 0 {
		return
	}
	cfg.DefaultLanguage = cfg.checkDefaultLanguage(errs)
	cfg.Language = cfg.DefaultLanguage
}

// checkDefaultLanguage returns the default language's code: the one
// default_language names, else language: when it is in the list, else
// the first language.
func (cfg *Config) checkDefaultLanguage(errs *ErrorList) string {
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	want := cfg.DefaultLanguage
	if want == "" {
		if c := cfg.languageCode(cfg.Language); c != "" {
			return c
		}
		return codes[0]
	}
	if c := cfg.languageCode(want); c != "" {
		return c
	}
	e := &Error{Path: configFile, Line: cfg.lines["default_language"],
		Msg:  fmt.Sprintf("default_language %q is not one of the languages: %s", want, strings.Join(codes, ", ")),
		Hint: "name one of the codes under languages:"}
	if s, ok := suggest.Closest(want, codes); ok {
		e.Msg += fmt.Sprintf("; did you mean %s?", s)
	}
	errs.Add(e)
	return codes[0]
}

// readLanguages reads the list under languages:, reporting each bad
// entry at its line and column.
func readLanguages(v *yaml.Node, errs *ErrorList) []Language {
	bad := func(n *yaml.Node, msg, hint string) {
		errs.Add(&Error{Path: configFile, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint})
	}
	if v.Kind != yaml.SequenceNode {
		bad(v, "languages must be a list", "languages: [{code: en, name: English}, {code: de, name: Deutsch}]")
		return nil
	}
	var out []Language
	seen := map[string]bool{}
	for _, n := range v.Content {
		var l Language
		if n.Kind != yaml.MappingNode || n.Decode(&l) != nil {
			bad(n, "every language is a mapping with a code and a name", "- {code: fr, name: Français}")
			continue
		}
		if !checkLanguageKeys(n, errs) {
			continue
		}
		code, err := canonicalCode(l.Code)
		if err != nil {
			bad(n, err.Error(), "use a BCP 47 code such as en, de, pt-BR or zh-Hans")
			continue
		}
		if seen[code] {
			bad(n, fmt.Sprintf("language %s is listed twice", code), "")
			continue
		}
		seen[code] = true
		l.Code = code
		if l.Name == "" {
			l.Name = code
		}
		switch l.Dir {
		case "":
			l.Dir = i18n.Dir(code)
		case "ltr", "rtl":
		default:
			bad(n, fmt.Sprintf("dir of language %s must be ltr or rtl, not %q", code, l.Dir), "")
			l.Dir = i18n.Dir(code)
		}
		out = append(out, l)
	}
	return out
}

// checkLanguageKeys reports keys of one language entry other than code,
// name and dir, naming the one a typo stands for.
func checkLanguageKeys(n *yaml.Node, errs *ErrorList) bool {
	known := []string{"code", "dir", "name"}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Value == "code" || k.Value == "name" || k.Value == "dir" {
			continue
		}
		e := &Error{Path: configFile, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown key %q in a language", k.Value),
			Hint: "a language has a code, a name and optionally dir"}
		if s, found := suggest.Closest(k.Value, known); found {
			e.Msg += fmt.Sprintf("; did you mean %s?", s)
		}
		errs.Add(e)
		ok = false
	}
	return ok
}

// canonicalCode checks a language code and returns its canonical form.
func canonicalCode(code string) (string, error) {
	if strings.TrimSpace(code) == "" {
		return "", fmt.Errorf("a language needs a code")
	}
	if strings.ContainsAny(code, "/\\ ") {
		return "", fmt.Errorf("language code %q is not a BCP 47 code", code)
	}
	tag, err := language.Parse(strings.ReplaceAll(code, "_", "-"))
	if err != nil {
		return "", fmt.Errorf("language code %q is not a BCP 47 code", code)
	}
	return tag.String(), nil
}

// languageCode returns the configured code that s spells (in any letter
// case, with - or _), or "".
func (cfg *Config) languageCode(s string) string {
	if s == "" {
		return ""
	}
	want := strings.ReplaceAll(s, "_", "-")
	for _, l := range cfg.Languages {
		if strings.EqualFold(l.Code, want) {
			return l.Code
		}
	}
	return ""
}

// multilingual reports whether clause.yaml lists languages.
func (cfg *Config) multilingual() bool { return len(cfg.Languages) > 0 }
