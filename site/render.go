package site

import (
	"bytes"
	"context"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/clause-dev/clause/site/internal/i18n"
	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/markdown"
)

// renderer is the state of the render phase: the model it renders, the
// output it writes to, the parsed templates, the Markdown renderer and
// the number of pages written.
type renderer struct {
	ctx   context.Context // done when the build should stop
	m     *model
	out   output
	errs  *ErrorList
	tmpl  *templates
	md    *markdown.Renderer            // for texts in the site's language
	mds   map[string]*markdown.Renderer // for each other language of a multilingual site
	pages atomic.Int64
	first map[string]bool // the units a dev server's first pass rendered (see renderFirst)

	records     [][]versionRecord // each policy's published records, by index in m.policies (see render_records.go)
	recordIndex map[*Policy]int   // each policy's index in records
	stream      *manifestStream   // set when policies.json is written while the policies render (render_manifest_stream.go)
}

// markdownFor returns the Markdown renderer for texts in the language
// lang: the same options, with heading anchors labelled in that language.
func (r *renderer) markdownFor(lang string) *markdown.Renderer {
	if md := r.mds[lang]; md != nil {
		return md
	}
	return r.md
}

// render turns the model into files in out: every policy's pages (its
// current page, version pages, redlines, history and feed), the redirect
// stubs and host files, the home, 404 and changelog pages, the changelog
// feed, sitemap.xml, robots.txt, policies.json, the assets and the
// content files copied as they are. Without templates it writes only the
// copied files. Once ctx is done it skips the remaining pages.
func render(ctx context.Context, m *model, out output, errs *ErrorList) *renderer {
	r := &renderer{ctx: ctx, m: m, out: out, errs: errs, md: newMarkdown(m.in.cfg, m.in.words, m.in.cfg.Language)}
	if len(m.langs) > 1 {
		r.mds = map[string]*markdown.Renderer{}
		for _, l := range m.langs {
			r.mds[l.Code] = newMarkdown(m.in.cfg, m.in.words, l.Code)
		}
	}
	r.records = make([][]versionRecord, len(m.policies))
	r.indexRecords()
	fp := m.in.opts.first
	var rec *recorder
	switch {
	case fp == nil:
	case errs.ErrorCount() == 0:
		rec = &recorder{out: out, files: map[string][]byte{}}
		r.out = rec // keep what the first pass publishes
	default:
		fp.failEarly(errs) // the build will fail: say so now, unless load did
	}
	r.writeCopies()
	r.tmpl = r.templates()
	if r.tmpl.base == nil {
		return r
	}
	if rec != nil {
		r.renderFirst(fp, rec)
		if fp.openDemand(r, rec) {
			defer fp.closeDemand() // rec keeps every file, for the requests served on demand
		} else {
			r.out = out
		}
	}
	r.renderAll()
	return r
}

// renderAll renders and writes every page and file.
func (r *renderer) renderAll() {
	// Redirect stubs depend on no page's content: write them while the
	// policies render.
	redirectsDone := make(chan struct{})
	go func() {
		defer close(redirectsDone)
		defer recoverPanic(r.errs, "(redirects)", nil)
		r.writeRedirects()
	}()
	manifestWritten := r.startManifest() // nil unless it is written while the policies render
	r.renderPolicies()
	<-redirectsDone
	if r.ctx.Err() != nil {
		if manifestWritten != nil {
			manifestWritten()
		}
		return // cancelled: the pages that depend on every policy would be wasted work
	}
	if r.takeUnit("site") {
		r.renderSiteUnit()
		r.unitDone("site")
	}
	if manifestWritten != nil {
		manifestWritten()
	} else {
		r.cached("manifest", r.m.manifestKey, r.writeManifest)
	}
	if r.first == nil {
		r.m.assets.write(r.out, r.errs)
	}
}

// templates returns the parsed layouts: the dev server's cached set when
// the layout files and the layouts wanted are unchanged, else a new one.
func (r *renderer) templates() *templates {
	in := r.m.in
	key := func() memo.Key { return in.templatesKey(r.m.layouts) }
	t, _ := memo.Do(in.opts.cache.memoView(), key, func() (*templates, bool) {
		if n := in.opts.cache.counts(); n != nil {
			n.templates.Add(1)
		}
		before := r.errs.ErrorCount()
		return loadTemplates(in.layouts, &funcTarget{m: r.m}, r.m.layouts, r.errs), r.errs.ErrorCount() == before
	})
	t.target.m = r.m
	t.target.partials.reset()
	return t
}

// bufPool recycles the buffers pages are executed into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// funcTarget is the build that template functions serve. A parsed
// template set outlives the build that parsed it in the dev server's
// cache, so its functions look up the current build here rather than
// capturing one. Builds of one cache never run at the same time.
type funcTarget struct {
	m        *model
	partials *partialCache // partialCached's outputs in this build (see templates_cached.go)
}

// funcs returns the template functions; see the README for each.
func funcs(ft *funcTarget) template.FuncMap {
	return template.FuncMap{
		"relURL": func(p string) string { return ft.m.in.cfg.basePath() + "/" + strings.TrimPrefix(p, "/") },
		"absURL": func(p string) string {
			cfg := ft.m.in.cfg
			if cfg.BaseURL == "" {
				return cfg.basePath() + "/" + strings.TrimPrefix(p, "/")
			}
			return cfg.absBase() + "/" + strings.TrimPrefix(p, "/")
		},
		"T": func(lang, key string, args ...any) (string, error) { return ft.m.in.words.Text(lang, key, args...) },
		"H": func(lang, key string, args ...any) (template.HTML, error) {
			return ft.m.in.words.HTML(lang, key, args...)
		},
		"date":            localDate,
		"wrap":            func(tag string) i18n.Wrap { return i18n.Wrap(tag) },
		"first":           first,
		"reverseVersions": reverseVersions,
		"partialCached": func(name string, data any, variants ...any) (template.HTML, error) {
			return ft.partials.get(name, data, variants)
		},
		"asset": func(p string) (string, error) {
			u, err := ft.m.assets.url(p)
			return ft.m.in.cfg.basePath() + u, err
		},
	}
}

// execute runs a page's layout, writes the result and counts the page.
func (r *renderer) execute(out output, p *Page) {
	if r.executeForm(out, p) {
		countPage(out)
		r.pages.Add(1)
	}
}

// executeForm runs a page's layout and writes the result without
// counting it, for a page that is another form of one already counted
// (a policy's embed page); it reports whether it wrote the page.
func (r *renderer) executeForm(out output, p *Page) bool {
	set := r.tmpl.lookup(p.layout)
	if set == nil {
		return false // the layout failed to parse; already reported
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	if err := set.ExecuteTemplate(buf, r.tmpl.entryOf(p.layout), p); err != nil {
		e := templateError(err, p.layout)
		if p.src != nil {
			e.Msg += " (rendering " + p.src.Path + ")"
		}
		r.errs.Add(e)
		return false
	}
	name := urlpath.File(p.sitePath)
	r.put(out, name, r.withMovedSections(out, name, buf.Bytes())) // outputs that keep it copy it
	return true
}

// first returns at most the first n pages; the theme's navigation uses it
// so that its size, and the build time, stay linear in the number of
// policies.
func first(n int, pages []*Page) []*Page {
	if n < 0 {
		n = 0
	}
	if len(pages) > n {
		return pages[:n]
	}
	return pages
}

// reverseVersions returns versions newest first.
func reverseVersions(vs []*Version) []*Version {
	out := make([]*Version, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v
	}
	return out
}
