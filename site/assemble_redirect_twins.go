package site

import (
	"fmt"
	"slices"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/redirect"
)

// redirectTwins reports redirect sources whose HTML stubs would differ
// from another's only in letter case or Unicode normalisation (/Old/ and
// /old/): macOS and Windows store them as one file. Sources that differ
// only by a trailing slash or "index.html" are the redirect package's
// to report.
func (m *model) redirectTwins(formats []redirect.Format) {
	if formats != nil && !slices.Contains(formats, redirect.FormatHTML) {
		return // no stubs are written
	}
	seen := map[string]redirect.Redirect{}
	for _, r := range m.redirects {
		key := stubKey(r.From)
		prev, ok := seen[foldPath(key)]
		switch {
		case !ok:
			seen[foldPath(key)] = r
		case stubKey(prev.From) != key:
			m.errs.Add(&Error{Path: r.File, Line: r.Line,
				Msg: fmt.Sprintf("redirect from %s and redirect from %s (%s:%d) differ only in letter case or Unicode normalisation, "+
					"so their pages are one file on macOS and Windows", r.From, prev.From, prev.File, prev.Line),
				Hint: "keep only one of them: on macOS and Windows the second page overwrites the first"})
		}
	}
}

// stubKey is a redirect source as the path of its stub: decoded, without
// a trailing slash or index.html.
func stubKey(from string) string { return urlpath.Key(urlpath.Decode(from)) }
