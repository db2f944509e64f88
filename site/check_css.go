package site

import (
	"regexp"
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
	if !strings.Contains(strings.ToLower(css), "url(") && !strings.Contains(strings.ToLower(css), "@import") {
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
	out := make([]string, 0, len(hits))
	for len(hits) > 0 { // in source order; there are few
		first := 0
		for i, h := range hits {
			if h.at < hits[first].at {
				first = i
			}
		}
		out = append(out, hits[first].url)
		hits = append(hits[:first], hits[first+1:]...)
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
