package site

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/clause-dev/clause/site/internal/i18n"
	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/redirect"
)

// writeRedirects writes the stubs and host files. A site's own
// layouts/redirect.html renders the stubs.
// The dev server's cache keeps the files and the warnings (such as the
// Cloudflare rule limit) under a key covering every input, and replays
// both; output that came with an error is not kept.
func (r *renderer) writeRedirects() {
	if len(r.m.redirects) == 0 && !(writesServerRules(r.m.redirectFormats) && len(r.m.policies) > 0) {
		return
	}
	opts := redirect.Options{BasePath: r.m.in.cfg.basePath(), BaseURL: r.m.in.cfg.BaseURL, Formats: r.m.redirectFormats, Stub: r.stub, Moved: r.movedPage, Title: r.m.titleAt,
		CORS: r.m.embedPaths()}
	view := r.m.in.opts.cache.memoView()
	if view == nil {
		r.emitRedirects(opts)
		return
	}
	var key memo.Key
	rf, hit := memo.Do(view, func() memo.Key { key = r.m.redirectsKey(); return key }, func() (redirectFiles, bool) {
		files, errs := redirect.Files(r.m.redirects, opts)
		return redirectFiles{files, errs}, false // kept below, when every file could be written
	})
	files, errs := rf.files, rf.errs
	r.m.addRedirectErrors(errs)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	clean := !redirect.HasErrors(errs)
	blocked := make([]bool, len(names))
	for i, name := range names {
		if r.redirectBlocked(name) {
			blocked[i], clean = true, false
		}
	}
	parallel(len(names), func(i int) {
		if !blocked[i] {
			r.putRedirect(names[i], files[names[i]]) // the files map is never changed
		}
	})
	if !hit && clean {
		view.Put(key, rf)
	}
}

// emitRedirects writes the stubs and host files of a build without the
// dev server's cache each as it is rendered, so that a site with
// thousands of redirects never holds every stub at once (16 MB at 10,000
// policies, at the moment the policies start rendering). A file whose
// path another input owns is reported and not written, as in
// writeRedirects.
func (r *renderer) emitRedirects(opts redirect.Options) {
	errs := redirect.Emit(r.m.redirects, opts, func(name string, data []byte) {
		if !r.redirectBlocked(name) {
			r.putRedirect(name, data)
		}
	})
	r.m.addRedirectErrors(errs)
}

// redirectBlocked reports, as an error, a redirect file whose output path
// another input owns; it is not written.
func (r *renderer) redirectBlocked(name string) bool {
	if msg := r.m.claims.conflict(name, "the redirects"); msg != "" {
		r.errs.Errorf(configFile, 0, "redirect %s", msg)
		return true
	}
	return false
}

// putRedirect writes one redirect stub or host file.
func (r *renderer) putRedirect(name string, data []byte) {
	if err := keepOrWrite(r.out, name, data); err != nil {
		r.errs.Errorf(name, 0, "cannot write: %v", err)
	}
}

// stubPage is what layouts/redirect.html receives: the redirect, and the
// site's language and its direction for the stub's few words.
type stubPage struct {
	redirect.StubData
	Lang string // the site's language, as Page.Lang
	Dir  string // its direction, as Page.Dir
}

// stub renders one redirect page with layouts/redirect.html.
func (r *renderer) stub(d redirect.StubData) ([]byte, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, err // cancelled: the stubs left fail at once, and the build publishes nothing
	}
	lang := r.stubLanguage()
	b, ok, err := r.executeStandalone("redirect.html", stubPage{StubData: d, Lang: lang, Dir: i18n.Dir(lang)})
	if !ok {
		return redirect.DefaultStub(d)
	}
	return b, err
}

// movedPage is the data of layouts/moved.html.
type movedPage struct {
	redirect.MovedData
	Lang string // the site's language, as Page.Lang
	Dir  string // its direction, as Page.Dir
}

// movedPage renders, with layouts/moved.html, the page that lists the
// sections moved from a page that no longer exists, in the site's
// language.
func (r *renderer) movedPage(d redirect.MovedData) ([]byte, error) {
	lang := r.stubLanguage()
	b, ok, err := r.executeStandalone("moved.html", movedPage{MovedData: d, Lang: lang, Dir: i18n.Dir(lang)})
	if !ok {
		return redirect.DefaultMoved(d)
	}
	return b, err
}

// stubLanguage is the language of the pages redirects leave behind: the
// site's default language.
func (r *renderer) stubLanguage() string {
	if lang := r.m.site.Language; lang != "" {
		return lang
	}
	return i18n.Source
}

// executeStandalone executes a layout that makes a whole page by itself
// with data; ok is false when the site and the theme have no such layout.
func (r *renderer) executeStandalone(name string, data any) (b []byte, ok bool, err error) {
	set := r.tmpl.lookup(name)
	if set == nil {
		return nil, false, nil
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		e := templateError(err, name)
		return nil, true, fmt.Errorf("%s", e.Error())
	}
	return buf.Bytes(), true, nil
}

// withMovedSections returns the rendered page written to name with the
// script for the sections moved from it, if any, and warns about sections
// it still has; the dev server's cache replays the warnings with the page.
func (r *renderer) withMovedSections(out output, name string, page []byte) []byte {
	pf := r.m.moved[name]
	if pf == nil {
		return page
	}
	page, errs := pf.Apply(page)
	for _, e := range errs {
		e.Severity = SeverityWarning
		r.warnOutput(out, &e)
	}
	return page
}
