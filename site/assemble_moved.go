package site

import (
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/redirect"
)

// A redirect_from entry with a #fragment, such as /guidelines#impersonation
// on a page that used to be a section of /guidelines/, is followed by a
// script on the page at its path: see the redirect package. This file
// finds those pages; withMovedSections (render_redirects.go) puts the
// script into them as they render.

// findMovedSections records, by output path, the pages that get a script
// for sections moved from them, after the redirects are resolved. Such a
// page must be one that clause renders; a copied file or asset cannot
// carry the script. The sections are part of the shape (renderInputs),
// since the pages they change are cached under it.
func (m *model) findMovedSections() {
	m.moved = map[string]*redirect.PageFragments{}
	opts := redirect.Options{BasePath: m.in.cfg.basePath()}
	for page, pf := range redirect.Fragments(m.redirects, opts) {
		out := urlpath.File(page)
		if !strings.HasSuffix(out, ".html") || m.in.copiedFiles[out] || m.assets.hashes[out] != "" {
			m.notRenderedHost(pf, out)
			continue
		}
		m.moved[out] = pf
	}
}

// notRenderedHost reports the sections of pf, whose page is the file out
// that clause copies rather than renders.
func (m *model) notRenderedHost(pf *redirect.PageFragments, out string) {
	for _, r := range m.redirects {
		if r.Page != pf.Page || r.Fragment() == "" {
			continue
		}
		m.errs.Add(&Error{Path: r.File, Line: r.Line,
			Msg:  fmt.Sprintf("redirect source %s needs a page that clause renders at %s, but %s is a copied file", r.From, pf.Page, out),
			Hint: "sections can move only from a page made from Markdown"})
	}
}

// titleAt returns the title of the policy whose current page is at the
// decoded URL path u, or "".
func (m *model) titleAt(u string) string {
	for _, p := range m.policies {
		if p.sitePath == u {
			return p.Title
		}
	}
	return ""
}
