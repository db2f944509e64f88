package i18n

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/clause-dev/clause/internal/suggest"
	"github.com/clause-dev/clause/site/internal/diag"
	"gopkg.in/yaml.v3"
)

// With returns the catalog with a site's words files on top: files maps
// each file's path, such as i18n/de.yaml, to its contents; the file's
// name is its language. A file overrides the theme's words in its
// language and may add a language the theme lacks.
//
// Every key must be one the theme knows, or one the site's English file
// (i18n/en.yaml) adds: a key elsewhere, or a key in en.yaml that is one
// typo away from a theme key, is an error with the key it probably
// stands for. A message may use only the placeholders and links of the
// English message it translates. A file that cannot be read, and each
// bad entry, is an error; what could be read is kept.
func (c *Catalog) With(files map[string][]byte) (*Catalog, []*diag.Diagnostic) {
	out := &Catalog{theme: c.theme, site: map[string]words{}}
	var problems []*diag.Diagnostic
	parsed := map[string]words{}
	seen := map[string]struct{ lang, name string }{} // normalised language → the file that gave it
	for _, name := range sortedKeys(files) {
		lang := strings.TrimSuffix(path.Base(name), path.Ext(name))
		if !validLanguage(lang) {
			problems = append(problems, &diag.Diagnostic{Path: name,
				Msg:  fmt.Sprintf("%q is not a language code", lang),
				Hint: "name a words file by its language, as in i18n/de.yaml or i18n/pt-BR.yaml"})
			continue
		}
		if first, ok := seen[normalize(lang)]; ok {
			problems = append(problems, &diag.Diagnostic{Path: name, Line: 1,
				Msg:  fmt.Sprintf("a second words file for %s: %s is left out", first.lang, name),
				Hint: fmt.Sprintf("keep the words of one language in one file: merge it into %s", first.name)})
			continue
		}
		seen[normalize(lang)] = struct{ lang, name string }{lang, name}
		w, ps := parse(name, files[name])
		problems = append(problems, ps...)
		parsed[name] = w
		out.site[normalize(lang)] = w
	}
	out.keys = sortedKeys(mergeKeys(c.theme[Source], out.site[Source]))
	for _, name := range sortedKeys(parsed) {
		problems = append(problems, out.check(name, files[name])...)
	}
	return out, diag.Sorted(problems)
}

// validLanguage reports whether s looks like a BCP 47 code: letters,
// digits and hyphens or underscores, starting with 2 or 3 letters.
func validLanguage(s string) bool {
	b := base(s)
	if len(b) < 2 || len(b) > 3 || !isName(strings.NewReplacer("-", "_").Replace(s)) {
		return false
	}
	for _, r := range b {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// check reports the unknown keys and placeholders of the site's file
// name, and drops the entries it reports.
func (c *Catalog) check(name string, data []byte) []*diag.Diagnostic {
	lang := normalize(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	w := c.site[lang]
	lines := keyNodes(data)
	var problems []*diag.Diagnostic
	for _, key := range sortedKeys(w) {
		n := lines[key]
		if p := c.checkKey(name, lang, key, w[key], n); p != nil {
			problems = append(problems, p)
			delete(w, key)
		}
	}
	return problems
}

// checkKey returns the problem with one entry of a site's file, or nil.
func (c *Catalog) checkKey(name, lang, key string, m Message, n *yaml.Node) *diag.Diagnostic {
	source, inTheme := c.theme[Source][key]
	if !inTheme {
		if s, ok := suggest.Closest(key, sortedKeys(c.theme[Source])); ok {
			return at(name, n, fmt.Sprintf("unknown word %q; did you mean %s?", key, s), "rename it to "+s)
		}
		if lang == Source {
			return nil // a word the site adds
		}
		added, ok := c.site[Source][key]
		if !ok {
			return at(name, n, fmt.Sprintf("unknown word %q", key),
				"a site adds a word in i18n/en.yaml first; the theme's words are listed in the README")
		}
		source = added
	}
	allowed := map[string]bool{}
	for _, t := range source.texts() {
		for k := range Names(t) {
			allowed[k] = true
		}
	}
	for _, t := range m.texts() {
		for k := range Names(t) {
			if !allowed[k] {
				return at(name, n, fmt.Sprintf("word %s: unknown placeholder %s", key, k), placeholderHint(k, allowed))
			}
		}
	}
	return nil
}

// placeholderHint names the placeholders a message may use.
func placeholderHint(got string, allowed map[string]bool) string {
	names := sortedKeys(allowed)
	if s, ok := suggest.Closest(got, names); ok {
		return "did you mean " + s + "?"
	}
	if len(names) == 0 {
		return "this word takes no values"
	}
	return "this word takes " + strings.Join(names, ", ")
}

// texts returns every text of m: its text or its plural forms.
func (m Message) texts() []string {
	if m.Forms == nil {
		return []string{m.Text}
	}
	out := make([]string, 0, len(m.Forms))
	for _, t := range m.Forms {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// keyNodes returns the key nodes of a words file by key, for positions.
func keyNodes(data []byte) map[string]*yaml.Node {
	var doc yaml.Node
	out := map[string]*yaml.Node{}
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		out[root.Content[i].Value] = root.Content[i]
	}
	return out
}

// mergeKeys returns the union of the keys of a and b.
func mergeKeys(a, b words) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
