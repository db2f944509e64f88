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
// finds those pages and puts the script into them as they render.

// findMovedSections records, by output path, the pages that get a script
// for sections moved from them, after the redirects are resolved. Such a
// page must be one that clause renders; a copied file or asset cannot
// carry the script. The sections are part of the shape (renderInputs),
// since the pages they change are cached under it.
func (b *builder) findMovedSections() {
	b.moved = map[string]*redirect.PageFragments{}
	opts := redirect.Options{BasePath: b.cfg.basePath()}
	for page, pf := range redirect.Fragments(b.redirects, opts) {
		out := urlpath.File(page)
		if !strings.HasSuffix(out, ".html") || b.copiedFiles[out] || b.assets.hashes[out] != "" {
			b.notRenderedHost(pf, out)
			continue
		}
		b.moved[out] = pf
	}
}

// notRenderedHost reports the sections of pf, whose page is the file out
// that clause copies rather than renders.
func (b *builder) notRenderedHost(pf *redirect.PageFragments, out string) {
	for _, r := range b.redirects {
		if r.Page != pf.Page || r.Fragment() == "" {
			continue
		}
		b.errs.Add(&Error{Path: r.File, Line: r.Line,
			Msg:  fmt.Sprintf("redirect source %s needs a page that clause renders at %s, but %s is a copied file", r.From, pf.Page, out),
			Hint: "sections can move only from a page made from Markdown"})
	}
}

// withMovedSections returns the rendered page written to name with the
// script for the sections moved from it, if any, and warns about sections
// it still has; the dev server's cache replays the warnings with the page.
func (b *builder) withMovedSections(out output, name string, page []byte) []byte {
	pf := b.moved[name]
	if pf == nil {
		return page
	}
	page, errs := pf.Apply(page)
	for _, e := range errs {
		e.Severity = SeverityWarning
		b.warnOutput(out, &e)
	}
	return page
}

// movedTo returns where section id of the page written to out moved, if
// it is a moved section of that page or of the stub written there.
func (b *builder) movedTo(out, id string) (string, bool) {
	for _, r := range b.redirects {
		if r.Fragment() != id {
			continue
		}
		file := redirect.StubFile(r.From)
		if r.Page != "" {
			file = urlpath.File(r.Page)
		}
		if file == out {
			return r.To, true
		}
	}
	return "", false
}

// titleAt returns the title of the policy whose current page is at the
// decoded URL path u, or "".
func (b *builder) titleAt(u string) string {
	for _, p := range b.policies {
		if p.sitePath == u {
			return p.Title
		}
	}
	return ""
}
