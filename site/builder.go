package site

import (
	"context"
	"fmt"
	"io/fs"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/clause-dev/clause/site/gitlog"
	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redirect"
)

// builder holds the state of one build as it flows from load through
// assemble and render to write.
type builder struct {
	ctx     context.Context // done when the build should stop
	opts    Options
	src     fs.FS
	out     output
	cfg     *Config
	errs    *ErrorList
	theme   layers // the user's site, then the embedded theme
	claims  *claims
	tmpl    *templates
	layouts map[string][]byte // layouts/… → contents, see readLayouts
	md      *markdown.Renderer
	assets  *assetSet
	layout  *layout // the content folder and its patterns, from clause.yaml

	home         *Source
	contentFiles []contentFile
	copiedFiles  map[string]bool // paths below content/ of the files copied as they are
	policies     []*Page
	groups       []*Group
	bySource     map[string]*Page
	site         *SiteData

	shape      memo.Key // see computeShape
	now        time.Time
	mu         sync.Mutex
	nextChange Date

	pages           atomic.Int64
	redirects       []redirect.Redirect
	redirectFormats []redirect.Format
	moved           map[string]*redirect.PageFragments // output path → sections moved from that page
	blobs           *gitlog.Blobs                      // reads the versions' texts from git history (history: git)

	// unloaded maps the Markdown files that could not be loaded to the
	// URL their path gives; see noteUnloaded.
	unloaded map[string]string
}

func newBuilder(opts Options, src fs.FS, out output) *builder {
	b := &builder{ctx: context.Background(), opts: opts, src: src, out: out, errs: &ErrorList{},
		claims: newClaims(), bySource: map[string]*Page{}}
	b.theme = layers{src}
	if opts.Theme != nil {
		b.theme = append(b.theme, opts.Theme)
	}
	return b
}

// build runs every step. Steps keep going after errors so that one run
// reports as many problems as it can find.
func (b *builder) build() {
	defer b.closeBlobs()
	b.configure()
	b.assemble()
	if b.ctx.Err() != nil {
		return
	}
	b.tmpl = b.templates()
	if b.tmpl.base == nil {
		return
	}
	b.render()
}

// templates returns the parsed layouts: the dev server's cached set when
// the layout files and the layouts wanted are unchanged, else a new one.
func (b *builder) templates() *templates {
	want := b.layoutsWanted()
	t, _ := memo.Do(b.opts.cache.memoView(), b.templatesKey(want), func() (*templates, bool) {
		if m := b.opts.cache.counts(); m != nil {
			m.templates.Add(1)
		}
		before := b.errs.ErrorCount()
		return loadTemplates(b.layouts, &funcTarget{b: b}, want, b.errs), b.errs.ErrorCount() == before
	})
	t.target.b = b
	return t
}

// configure reads clause.yaml and applies the environment and options:
// the flag wins over CLAUSE_BASE_URL, which wins over the file.
func (b *builder) configure() {
	b.cfg = loadConfig(b.src, b.errs)
	b.md = markdown.New(markdown.Options{Typographer: b.cfg.Typographer, TOCMin: b.cfg.TOCLevels[0], TOCMax: b.cfg.TOCLevels[1]})
	if b.opts.BaseURL != "" {
		b.cfg.overrideBaseURL("--base-url", b.opts.BaseURL, b.errs)
	} else {
		b.cfg.overrideBaseURL("CLAUSE_BASE_URL", b.opts.Getenv("CLAUSE_BASE_URL"), b.errs)
	}
	now, err := resolveNow(b.opts.Now, b.opts.Getenv)
	if err != nil {
		b.errs.Add(&Error{Path: "SOURCE_DATE_EPOCH", Msg: err.Error()})
	}
	b.now = now
	b.layout = b.cfg.layout.withDestination(destinationInSource(b.opts.Source, b.opts.Destination))
}

// assemble loads the content and decides every page, URL and redirect.
func (b *builder) assemble() {
	files := listContent(b.src, b.layout, b.errs, b.opts.cache)
	b.contentFiles = files
	b.copiedFiles = map[string]bool{}
	for _, f := range files {
		if !f.markdown {
			b.copiedFiles[f.rel] = true
		}
	}
	sources := loadSources(b.src, b.layout, files, b.errs, b.opts.cache)
	b.noteUnloaded(files, sources)
	b.claimGenerated()
	b.assets = loadAssets(b.theme, b.claims, b.errs) // before pages, so a clash is reported at the page
	b.assemblePolicies(sources)
	b.copyContentFiles(files)
	b.layouts = readLayouts(b.theme, b.errs)
	b.resolveRedirects()
	b.site = b.siteData()
	for _, p := range b.policies {
		b.finish(p)
		p.Policy.historyPermalink = b.cfg.basePath() + versionsBase(p.sitePath) + "versions/"
		for _, v := range p.Policy.Versions {
			if v.permalink == "" {
				v.permalink = p.Permalink
			}
		}
	}
	b.computeShape()
}

// render renders and writes every page and file.
func (b *builder) render() {
	// Redirect stubs depend on no page's content: write them while the
	// policies render.
	redirectsDone := make(chan struct{})
	go func() {
		defer close(redirectsDone)
		defer b.recoverPanic("(redirects)", nil)
		b.writeRedirects()
	}()
	b.renderPolicies()
	<-redirectsDone
	if b.ctx.Err() != nil {
		return // cancelled: the pages that depend on every policy would be wasted work
	}
	b.cached("site", b.siteKey(), func(out output) {
		b.renderHome(out)
		b.render404(out)
		b.renderChangelog(out)
		b.writeChangelogFeed(out)
		b.writeSitemap(out)
		b.writeRobots(out)
	})
	b.cached("manifest", b.manifestKey(), b.writeManifest)
	b.assets.write(b.out, b.errs)
}

// claimGenerated reserves the output paths of generated files.
func (b *builder) claimGenerated() {
	for _, p := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt", markerFile,
		"changelog/index.html", "changelog.xml", "policies.json"} {
		b.claims.reserve(p, generatedOwner(p))
	}
	b.claims.reserve("index.html", homeOwner)
}

// siteData is what templates see as .Site.
func (b *builder) siteData() *SiteData {
	return &SiteData{Title: b.cfg.Title, Description: b.cfg.Description, BaseURL: b.cfg.BaseURL,
		Language: b.cfg.Language, Contact: b.cfg.Contact, Footer: b.cfg.Footer,
		Params: b.cfg.Params, Groups: b.groups, Policies: b.policies, Serve: b.opts.serve}
}

// result summarises the build.
func (b *builder) result() *Result {
	return &Result{Pages: int(b.pages.Load()), Policies: len(b.policies), Redirects: len(b.redirects),
		Warnings: b.errs.Warnings(), NextChange: b.nextChange, layout: b.layout}
}

// recoverPanic turns a panic into an error naming the file being built,
// so no input can crash clause.
func (b *builder) recoverPanic(file string, err *error) {
	if r := recover(); r != nil {
		e := &Error{Path: file, Msg: fmt.Sprintf("internal error: %v", r),
			Hint: "this is a bug in clause; please report it with this file\n" + firstLines(string(debug.Stack()), 12)}
		if file == "" {
			e.Path = "(build)"
		}
		b.errs.Add(e)
		if err != nil {
			*err = b.errs.Err()
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
