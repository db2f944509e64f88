package site

import (
	"time"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/redirect"
)

// This file derives the dev server's memo keys (see buildCache) from
// values, hashed whole by memo.Of, rather than from fields listed by
// hand: a field added to the input, a source, its front matter, the
// configuration or the rest of the model the render stages read changes
// the keys without anyone listing it. The policy pages, the bulk of the
// model, are hashed by what assemble made them of (see siteShape), so
// that a rebuild hashes only the files that changed.
//
// The shared key leaves out the text of each page: Source's Hash, Body
// and Lead are tagged memo:"-", so that an edit to one policy's body
// leaves every other policy's key, and so its cached pages, intact. The
// stages that render texts add the hashes of the texts they render to
// their keys (textsOf). It leaves out "now" too, which changes with every
// build, and keeps only what now decides (clock); the stages that write
// feeds add now itself where a feed gives it (feedClock).

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
// it, and the stages that write files read the rest from the model and
// its input. TestShapeCoversPhases checks that every field of input,
// model and renderer is here or has a reason to be left out.
type renderInputs struct {
	Site       siteShape // the sources the pages are made of, and the rest of .Site
	Config     *Config
	Options    Options // without what keyedOptions clears
	Layouts    map[string][]byte
	Words      map[string][]byte // the site's i18n/ files
	Wanted     []string          // the layouts the pages use
	Assets     map[string]string // path below assets/ → content hash
	Layout     *layout
	Home       *Source
	Files      []contentFile
	Copied     map[string]bool
	Copies     []copiedFile
	BySource   map[string]int // content path → index of its policy in Site.Pages
	Redirects  []redirect.Redirect
	Formats    []redirect.Format
	Moved      map[string]*redirect.PageFragments
	Unloaded   map[string]string
	Clock      []bool // what "now" decides: see clock
	NextChange Date

	Languages []languageShape // each language's .Site, home, groups and listed pages
	Register  *Register       // the subprocessor register, which policies' texts and its feed show
}

// computeShape computes the key of everything every page of the build is
// given besides its text, once the build is assembled.
func (m *model) computeShape() {
	in := m.in
	site, index := m.siteShape()
	bySource := make(map[string]int, len(m.bySource))
	for path, p := range m.bySource {
		bySource[path] = indexOf(index, p)
	}
	m.shape = memo.Of("shape", renderInputs{Site: site, Config: in.cfg, Options: keyedOptions(in.opts),
		Layouts: in.layouts, Words: in.wordFiles, Wanted: m.layouts, Assets: m.assets.hashes, Layout: in.layout, Home: m.home,
		Files: in.contentFiles, Copied: in.copiedFiles, Copies: m.copies, BySource: bySource,
		Redirects: m.redirects, Formats: m.redirectFormats, Moved: m.moved, Unloaded: in.unloaded,
		Clock: m.clock(), NextChange: m.nextChange, Languages: m.languageShapes(index), Register: in.register})
}

// siteShape is the site data as the shape hashes it. The model is a
// function of the input, of what "now" decides (clock) and, with
// history: git, of the repository's history; so rather than hash every
// policy page on every build, the shape hashes the input's sources by
// their keys, which the dev server computes once per changed file
// (storeSource): an edit to one file re-hashes that file only. The pages
// are hashed one by one only where their versions come from git
// history, which the input does not hold. The rest of .Site is hashed
// once; it is small.
type siteShape struct {
	Site    SiteData   // without Policies and Groups, which follow
	Sources []memo.Key // the key of each loaded source, in listing order
	Pages   []memo.Key // with history: git, the key of each policy page, in .Site.Policies order
	Groups  []groupShape
}

// groupShape is a group with its pages as indexes into .Site.Policies.
type groupShape struct {
	Group Group // without Pages, which follow
	Pages []int
}

// siteShape returns the site data's shape and the index of each policy
// page in .Site.Policies (-1 for a page not there).
func (m *model) siteShape() (siteShape, map[*Page]int) {
	pages := m.policies // every language's
	index := make(map[*Page]int, len(pages))
	for i, p := range pages {
		index[p] = i
	}
	s := siteShape{Site: *m.site, Sources: make([]memo.Key, len(m.in.sources))}
	for i, src := range m.in.sources {
		s.Sources[i] = src.MemoKey()
	}
	if m.in.history() == HistoryGit {
		s.Pages = make([]memo.Key, len(pages))
		parallel(len(pages), func(i int) { s.Pages[i] = memo.Of("page", pages[i]) })
	}
	s.Site.Policies, s.Site.Groups = nil, nil
	for _, g := range m.site.Groups {
		gs := groupShape{Group: *g}
		gs.Group.Pages = nil
		for _, p := range g.Pages {
			gs.Pages = append(gs.Pages, indexOf(index, p))
		}
		s.Groups = append(s.Groups, gs)
	}
	return s, index
}

// indexOf returns p's index, or -1 when p is not a policy page of .Site.
func indexOf(index map[*Page]int, p *Page) int {
	if i, ok := index[p]; ok {
		return i
	}
	return -1
}

// keyedOptions returns opts without what the shape covers otherwise or
// must not cover: the cache itself, the file systems the inputs are read
// from (what is read from them is hashed), the environment (read into
// the configuration), the clock (see clock) and the dev server's first
// pass.
func keyedOptions(opts Options) Options {
	opts.cache, opts.sourceFS, opts.Theme, opts.Getenv, opts.Now = nil, nil, nil, nil, time.Time{}
	opts.first = nil // the order of rendering, not what is rendered
	return opts
}

// clock is what the build's "now" decides for rendering beyond the
// statuses in the site data: whether the sitemap may give each version's
// dates yet (see pastDate). "Now" itself changes with every build, so it
// is not hashed; a rebuild after the clock passes a date then equals a
// full build. Where a feed gives "now" itself, its stage adds it (see
// feedClock).
func (m *model) clock() []bool {
	var passed []bool
	for _, p := range m.policies {
		for _, v := range p.Policy.Versions {
			passed = append(passed, !m.pastDate(v.Effective).IsZero(), !m.pastDate(v.LastRevised).IsZero())
		}
	}
	return passed
}

// feedClock is what "now" decides of a feed of the versions of pages:
// a version last revised after now is dated with the build's day in it
// (see notAfterNow), so then that day is part of the feed's key;
// otherwise "", and the feed does not depend on the clock beyond clock.
func (m *model) feedClock(pages ...*Page) string {
	for _, p := range pages {
		for _, v := range p.Policy.Versions {
			if !v.LastRevised.IsZero() && m.pastDate(v.LastRevised).IsZero() {
				return m.in.now.UTC().Format(time.DateOnly)
			}
		}
	}
	return ""
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
// policy, the texts of its versions and, for its feed, what the clock
// decides there.
// The keys are computed once, with the shape, for the policy's pages and
// its entry in policies.json alike.
func (m *model) policyKey(p *Page) memo.Key {
	if k, ok := m.policyKeys[p]; ok {
		return k
	}
	return memo.Of(m.shape, p.Policy.ID, textsOf(p), m.feedClock(p))
}

// computePolicyKeys computes every policy's key once the shape is known.
func (m *model) computePolicyKeys() {
	keys := make([]memo.Key, len(m.policies))
	parallel(len(m.policies), func(i int) {
		p := m.policies[i]
		keys[i] = memo.Of(m.shape, p.Policy.ID, textsOf(p), m.feedClock(p))
	})
	m.policyKeys = make(map[*Page]memo.Key, len(keys))
	for i, p := range m.policies {
		m.policyKeys[p] = keys[i]
	}
}

// siteKey is the key of the pages made from the whole site (home, 404,
// changelog, feed, sitemap, robots.txt): the shape, the home page's
// text and what the clock decides of the changelog feed.
func (m *model) siteKey() memo.Key {
	homes := make([][32]byte, len(m.langs))
	for i, l := range m.langs {
		if l.home != nil {
			homes[i] = l.home.Hash
		}
	}
	return memo.Of(m.shape, homes, m.feedClock(m.policies...), m.registerClock())
}

// manifestKey is the key of policies.json, which lists each text's hash.
func (m *model) manifestKey() memo.Key {
	texts := make([][][32]byte, len(m.policies))
	for i, p := range m.policies {
		texts[i] = textsOf(p)
	}
	return memo.Of(m.shape, texts)
}

// redirectsKey is the key of the redirect files: the shape holds the
// resolved redirects and everything their stubs show.
func (m *model) redirectsKey() memo.Key {
	return memo.Of("redirect files", m.shape)
}

// resolveKey is the key of redirect.Resolve's result: the redirects as
// declared, with where (messages name the file and line), and the output
// paths they are checked against, which is what servedBy reads of the
// claims.
func (m *model) resolveKey() memo.Key {
	return memo.Of("resolve redirects", m.redirects, m.claims.files)
}

// templatesKey is the key of a parsed template set: the layout files and
// the layouts the build wants.
func (in *input) templatesKey(want []string) memo.Key {
	return memo.Of("templates", in.layouts, want)
}
