package site

import (
	"time"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/redirect"
)

// This file derives the dev server's memo keys (see buildCache) from the
// values each stage is given, hashed whole by memo.Of, rather than from
// fields listed by hand: a field added to the site data, a page, a
// version, its front matter or the configuration changes the keys
// without anyone listing it.
//
// The one thing the shared key leaves out is the text of each page:
// Source's Hash, Body and Lead are tagged memo:"-", so that an edit to
// one policy's body leaves every other policy's key, and so its cached
// pages, intact. The stages that render texts add the hashes of the
// texts they render to their keys (textsOf).

// MemoKey returns the key of the source without its text. A source that
// the dev server keeps across builds is hashed once, when it is stored
// (storeSource): it does not change once loading is done.
func (s *Source) MemoKey() memo.Key {
	if s.key != (memo.Key{}) {
		return s.key
	}
	return memo.OfTarget(s)
}

// renderInputs is every value of an assembled build that its rendering
// stages read, besides the texts: templates get .Site and the pages in
// it, and the stages that write files read the rest from the builder.
// TestRenderInputsCoverBuilder checks that every builder field is here or
// has a reason to be left out.
type renderInputs struct {
	Site       *SiteData // every policy page, its policy, versions and sources
	Config     *Config
	Options    Options // without what keyedOptions clears
	Layouts    map[string][]byte
	Assets     map[string]string // path below assets/ → content hash
	Layout     *layout
	Home       *Source
	Files      []contentFile
	Copied     map[string]bool
	BySource   map[string]*Page
	Redirects  []redirect.Redirect
	Formats    []redirect.Format
	Moved      map[string]*redirect.PageFragments
	Unloaded   map[string]string
	Clock      []bool // what "now" decides: see clock
	NextChange Date
}

// computeShape computes the key of everything every page of the build is
// given besides its text, once the build is assembled.
func (b *builder) computeShape() {
	b.shape = memo.Of("shape", renderInputs{Site: b.site, Config: b.cfg, Options: keyedOptions(b.opts),
		Layouts: b.layouts, Assets: b.assets.hashes, Layout: b.layout, Home: b.home, Files: b.contentFiles,
		Copied: b.copiedFiles, BySource: b.bySource, Redirects: b.redirects, Formats: b.redirectFormats,
		Moved: b.moved, Unloaded: b.unloaded, Clock: b.clock(), NextChange: b.nextChange})
}

// keyedOptions returns opts without what the shape covers otherwise or
// must not cover: the cache itself, the file systems the inputs are read
// from (what is read from them is hashed), the environment (read into
// the configuration) and the clock (see clock).
func keyedOptions(opts Options) Options {
	opts.cache, opts.sourceFS, opts.Theme, opts.Getenv, opts.Now = nil, nil, nil, nil, time.Time{}
	return opts
}

// clock is what the build's "now" decides for rendering beyond the
// statuses in the site data: whether the sitemap may give each version's
// dates yet (see pastDate). "Now" itself changes with every build, so it
// is not hashed; a rebuild after the clock passes a date then equals a
// full build.
func (b *builder) clock() []bool {
	var passed []bool
	for _, p := range b.policies {
		for _, v := range p.Policy.Versions {
			passed = append(passed, !b.pastDate(v.Effective).IsZero(), !b.pastDate(v.LastRevised).IsZero())
		}
	}
	return passed
}

// textsOf returns the hashes of the texts of p's versions, which the
// shape leaves out.
func textsOf(p *Page) [][32]byte {
	hashes := make([][32]byte, len(p.Policy.Versions))
	for i, v := range p.Policy.Versions {
		hashes[i] = v.src.Hash
	}
	return hashes
}

// policyKey is the key of one policy's pages: the shape, which holds the
// policy, and the texts of its versions.
func (b *builder) policyKey(p *Page) memo.Key {
	return memo.Of(b.shape, p.Policy.ID, textsOf(p))
}

// siteKey is the key of the pages made from the whole site (home, 404,
// changelog, feed, sitemap, robots.txt): the shape and the home page's
// text.
func (b *builder) siteKey() memo.Key {
	var home [32]byte
	if b.home != nil {
		home = b.home.Hash
	}
	return memo.Of(b.shape, home)
}

// manifestKey is the key of policies.json, which lists each text's hash.
func (b *builder) manifestKey() memo.Key {
	texts := make([][][32]byte, len(b.policies))
	for i, p := range b.policies {
		texts[i] = textsOf(p)
	}
	return memo.Of(b.shape, texts)
}

// redirectsKey is the key of the redirect files: the shape holds the
// resolved redirects and everything their stubs show.
func (b *builder) redirectsKey() memo.Key {
	return memo.Of("redirect files", b.shape)
}

// resolveKey is the key of redirect.Resolve's result: the redirects as
// declared, with where (messages name the file and line), and the output
// paths they are checked against, which is what servedBy reads of the
// claims.
func (b *builder) resolveKey() memo.Key {
	return memo.Of("resolve redirects", b.redirects, b.claims.files)
}

// templatesKey is the key of a parsed template set: the layout files and
// the layouts the build wants.
func (b *builder) templatesKey(want []string) memo.Key {
	return memo.Of("templates", b.layouts, want)
}
