package site

import (
	"regexp"
	"slices"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// cssURLPattern matches a CSS url() reference, quoted or not, and
// cssImportPattern an @import of a quoted URL, the two ways a style
// sheet makes the browser fetch another file.
var (
	cssURLPattern    = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)`)
	cssImportPattern = regexp.MustCompile(`(?i)@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// cssURLs returns the URLs that a style attribute or a <style> element's
// text makes the browser fetch, in the order they are written. Escapes
// and comments are not interpreted: a URL hidden behind them is rare in
// a policy and is still fetched only if the browser reads it as written.
func cssURLs(css string) []string {
	lower := strings.ToLower(css)
	if !strings.Contains(lower, "url(") && !strings.Contains(lower, "@import") {
		return nil
	}
	type hit struct {
		at  int
		url string
	}
	var hits []hit
	for _, re := range []*regexp.Regexp{cssURLPattern, cssImportPattern} {
		for _, m := range re.FindAllStringSubmatchIndex(css, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && m[g+1] > m[g] {
					hits = append(hits, hit{m[0], css[m[g]:m[g+1]]})
					break
				}
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at }) // in the order they are written
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.url
	}
	return out
}

// styleURLs returns the URLs one style attribute or <style> element
// fetches, as contentURLs of that element. A data: URL in a style sheet
// is an image drawn in place, neither a page nor a request, so it is
// left out.
func styleURLs(tag, attr, css string) []contentURL {
	var out []contentURL
	for _, u := range cssURLs(css) {
		if urlpath.BrowserScheme(u) == "data" {
			continue
		}
		out = append(out, contentURL{tag: tag, attr: attr, value: u, fetched: true})
	}
	return out
}
