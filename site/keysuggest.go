package site

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/clause-dev/clause/internal/suggest"
)

// frontMatterKeys are the front matter keys clause reads (see interpret).
var frontMatterKeys = []string{
	"title", "description", "permalink", "url", "slug", "redirect_from", "aliases", "redirect_to",
	"toc", "layout", "group", "weight", "draft", "last_revised", "last_modified_at", "lastmod",
	"date", "effective", "summary", "changes", "material",
	"lang", "language", "translation_key", "translation_of", "untranslated",
	"announced", "notice_days", "kind",
}

// unknownConfigKey is the warning for a top-level key of clause.yaml that
// clause does not read, naming the key it probably stands for.
func unknownConfigKey(key string, line int) *Error {
	e := &Error{Path: configFile, Line: line, Severity: SeverityWarning,
		Msg: fmt.Sprintf("unknown key %q is ignored", key), Hint: "put your own values under params:"}
	known := make([]string, 0, len(knownConfigKeys))
	for k := range knownConfigKeys {
		known = append(known, k)
	}
	sort.Strings(known)
	if s, ok := suggest.Closest(key, known); ok {
		e.Msg += fmt.Sprintf("; did you mean %s?", s)
		e.Hint = fmt.Sprintf("rename it to %s, or put your own values under params:", s)
	}
	return e
}

// misspelledKeys warns about front matter keys that look like a typo of
// a key clause reads (titel for title). Front matter keeps every other
// key for templates, so the rule is narrow: the key must be within a
// small edit distance of exactly one known key (see package suggest), the
// file must not set that known key too, and neither the site's layouts
// nor the file's own text may name the key (.Params.titel or
// index .Params "titel" in a layout, {{ page.titel }} in the text).
func (c *checker) misspelledKeys(s *Source) {
	for key, line := range s.FM.Lines {
		known, ok := suggest.Closest(key, frontMatterKeys)
		if !ok {
			continue
		}
		if _, set := s.FM.Params[known]; set || c.keyUsed(s, key) {
			continue
		}
		c.warn(s.Path, line, 0, fmt.Sprintf("unknown key %q; did you mean %s?", key, known),
			fmt.Sprintf("clause does not read %s, so it only reaches templates as .Params.%s; rename it to %s if that is what you meant", key, key, known))
	}
}

// keyUsed reports whether a front matter key is named by a layout or by
// the file's own text.
func (c *checker) keyUsed(s *Source, key string) bool {
	q := regexp.QuoteMeta(key)
	named := regexp.MustCompile(`Params\.` + q + `\b|"` + q + `"`) // .Params.key, index .Params "key"
	for _, data := range c.in.Layouts {
		if named.Match(data) {
			return true
		}
	}
	return strings.Contains(string(c.in.Body(s)), "page."+key)
}
