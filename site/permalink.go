package site

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// validatePermalink checks a permalink written by hand in front matter.
func validatePermalink(p string) error { return validateURLPath(p, false) }

// validateURLPath checks a site path. Paths derived from file names may
// hold spaces (templates percent-encode them); hand-written ones may not.
func validateURLPath(p string, spaces bool) error {
	if err := urlpath.CheckLength("permalink", p); err != nil {
		return err
	}
	switch {
	case p == "":
		return fmt.Errorf("permalink is empty")
	case !strings.HasPrefix(p, "/"):
		return fmt.Errorf("permalink %q must start with /", p)
	case strings.Contains(p, "//"):
		return fmt.Errorf("permalink %q must not contain //", p)
	case strings.ContainsAny(p, "?#"):
		return fmt.Errorf("permalink %q must not contain a query or fragment", p)
	case strings.Contains(p, `\`):
		return fmt.Errorf("permalink %q must not contain a backslash", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return fmt.Errorf("permalink %q must not contain %q segments", p, seg)
		}
	}
	return checkDecoded(p, spaces)
}

// checkDecoded holds a permalink to the rules redirect sources follow (see
// site/internal/urlpath/check.go), on the path as written and percent-decoded,
// as a browser or static host reads it: no invisible or bidi characters,
// no encoded slash, no "." or ".." segments.
func checkDecoded(p string, spaces bool) error {
	if err := urlpath.CheckChars("permalink", p, spaces); err != nil {
		return errors.New(err.(*Error).Msg)
	}
	d, err := url.PathUnescape(p)
	switch {
	case err != nil:
		return fmt.Errorf("permalink %q has invalid percent-encoding; write %% as %%25", p)
	case strings.Contains(strings.ToLower(p), "%2f"):
		return fmt.Errorf("permalink %q encodes a slash as %%2F", p)
	}
	if err := urlpath.CheckChars("permalink", d, true); err != nil {
		return fmt.Errorf("permalink %q decodes to a path that %s", p, strings.TrimPrefix(err.(*Error).Msg, "permalink "+urlpath.Abbrev(d)+" "))
	}
	if err := urlpath.CheckDecodedSegments("permalink", p, d); err != nil {
		return errors.New(err.(*Error).Msg)
	}
	return nil
}

// normalizeURL gives a page URL its canonical form: a path ending in
// ".html" stays as it is; any other path gets a trailing slash.
func normalizeURL(p string) string {
	if p == "/" || strings.HasSuffix(p, "/") || urlpath.IsFile(p) {
		return p
	}
	return p + "/"
}

// derivedURL computes a page's URL from its path under content/:
// legal/privacy.md → /legal/privacy/, legal/index.md → /legal/.
// A slug replaces the last segment.
func derivedURL(rel, slug string) string {
	dir, file := path.Split(rel)
	name := strings.TrimSuffix(file, path.Ext(file))
	if name == "index" {
		name = ""
		if slug != "" {
			dir, name = path.Split(strings.TrimSuffix(dir, "/"))
		}
	}
	if slug != "" {
		name = slug
	}
	u := "/" + dir + name
	return normalizeURL(strings.ReplaceAll(u, "//", "/"))
}

// sortStrings sorts s in place.
func sortStrings(s []string) { sort.Strings(s) }
