package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/clause-dev/clause/site/redirect"
)

// buildCache carries work from one build to the next, so the dev server
// re-renders only what a change affects. Parsed sources are kept until
// their file changes; rendered outputs are kept under a key that hashes
// everything they were made from, so a cached output is used only when a
// full build would produce the same bytes.
type buildCache struct {
	mu        sync.Mutex
	listing   []contentFile
	layout    *layout            // the layout the listing was made with
	sources   map[string]*Source // by content path
	files     map[string][]byte  // content files copied as they are, by the path they are read from
	units     map[string]unit    // by unit name, e.g. "policy:privacy"
	redirects *resolvedRedirects // the last redirect resolution
	redirOut  *redirectOutput    // the last redirect files
	tmpl      *keptTemplates     // the last template set parsed without errors
}

// keptTemplates is a parsed template set and the key of its inputs.
type keptTemplates struct {
	key [32]byte
	t   *templates
}

// templateSet returns the template set parsed from inputs with this key,
// if it is the one remembered.
func (c *buildCache) templateSet(key [32]byte) *templates {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tmpl != nil && c.tmpl.key == key {
		return c.tmpl.t
	}
	return nil
}

// storeTemplateSet remembers a template set parsed without errors.
func (c *buildCache) storeTemplateSet(key [32]byte, t *templates) {
	if c != nil {
		c.mu.Lock()
		c.tmpl = &keptTemplates{key: key, t: t}
		c.mu.Unlock()
	}
}

// templatesKey hashes the layout files and the layouts a build wants,
// everything a template set is parsed from.
func (in *input) templatesKey(want []string) [32]byte {
	h := newHasher()
	in.hashLayouts(h)
	h.str("\x00want")
	h.str(want...)
	return h.sum()
}

// redirectOutput is remembered redirect files with their warnings.
type redirectOutput struct {
	key   [32]byte
	files map[string][]byte
	errs  []redirect.Error
}

// unit is the recorded output of one cacheable piece of a build.
type unit struct {
	key      [32]byte
	files    map[string][]byte
	pages    int
	warnings []*Error // warnings about the output itself, replayed with it
}

// newBuildCache returns an empty cache.
func newBuildCache() *buildCache {
	return &buildCache{sources: map[string]*Source{}, files: map[string][]byte{}, units: map[string]unit{}}
}

// invalidate forgets the parsed sources and copied files at the given
// paths (slash paths relative to the site folder), or under them when a
// path is a folder, and with relist also the list of content files, for
// when files were created, removed or renamed. Rendered outputs need no
// invalidation: their keys change with their inputs.
func (c *buildCache) invalidate(paths []string, relist bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		deleteUnder(c.sources, p)
		deleteUnder(c.files, p)
		for k, s := range c.sources {
			if s.real != "" && inOrUnder(s.real, p) {
				delete(c.sources, k) // a symbolic link to the changed file
			}
		}
	}
	if relist {
		c.listing = nil
	}
}

// deleteUnder deletes the entry for p and every entry below p/; p "."
// (the site folder) deletes them all.
func deleteUnder[V any](m map[string]V, p string) {
	if p == "." {
		clear(m)
		return
	}
	delete(m, p)
	prefix := strings.TrimSuffix(p, "/") + "/"
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			delete(m, k)
		}
	}
}

// inOrUnder reports whether the slash path p is dir or below it; dir
// "." (the site folder) holds everything.
func inOrUnder(p, dir string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// cachedListing returns the remembered content listing if it was made
// with the layout of this key, or nil.
func (c *buildCache) cachedListing(key string) []contentFile {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.layout == nil || c.layout.key() != key {
		return nil
	}
	return c.listing
}

// inContent reports whether p, a slash path relative to the site folder,
// is in the content folder of the last listing (the default one before
// any), so that creating or removing it changes the listing.
func (c *buildCache) inContent(p string) bool {
	c.mu.Lock()
	l := c.layout
	c.mu.Unlock()
	if l == nil {
		l = defaultLayout()
	}
	_, ok := l.below(p)
	return ok || inOrUnder(l.dir, p)
}

// storeListing remembers the content listing and forgets copied files
// that are no longer in it.
func (c *buildCache) storeListing(l *layout, files []contentFile) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listing, c.layout = files, l
	listed := make(map[string]bool, len(files))
	for _, f := range files {
		listed[f.real] = true
	}
	for p := range c.files {
		if !listed[p] {
			delete(c.files, p)
		}
	}
}

// file returns the remembered bytes of a copied content file, or nil.
func (c *buildCache) file(p string) []byte {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files[p]
}

// storeFile remembers the bytes of a copied content file; they are never
// modified afterwards.
func (c *buildCache) storeFile(p string, data []byte) {
	if c != nil {
		c.mu.Lock()
		c.files[p] = data
		c.mu.Unlock()
	}
}

// source returns the remembered parse of a content file, or nil.
func (c *buildCache) source(p string) *Source {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sources[p]
}

func (c *buildCache) storeSource(s *Source) {
	if c != nil {
		c.mu.Lock()
		c.sources[s.Path] = s
		c.mu.Unlock()
	}
}

// fragment returns bytes stored under name with the same key, or nil.
func (c *buildCache) fragment(name string, key [32]byte) []byte {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if u, ok := c.units[name]; ok && u.key == key {
		return u.files[""]
	}
	return nil
}

// storeFragment keeps bytes under name and key.
func (c *buildCache) storeFragment(name string, key [32]byte, data []byte) {
	if c != nil {
		c.mu.Lock()
		c.units[name] = unit{key: key, files: map[string][]byte{"": data}}
		c.mu.Unlock()
	}
}

// recorder is an output that keeps a copy of what one unit writes.
type recorder struct {
	out      output
	mu       sync.Mutex
	files    map[string][]byte
	pages    int
	warnings []*Error
}

func (r *recorder) Write(p string, data []byte) error {
	data = bytes.Clone(data)
	r.mu.Lock()
	r.files[p] = data
	r.mu.Unlock()
	return keepOrWrite(r.out, p, data)
}

// warnOutput reports a warning about output that out writes, so that a
// recorder replays it with that output.
func (r *renderer) warnOutput(out output, e *Error) {
	r.errs.Add(e)
	if r, ok := out.(*recorder); ok {
		r.mu.Lock()
		r.warnings = append(r.warnings, e)
		r.mu.Unlock()
	}
}

// countPage counts a rendered page in a recorder.
func countPage(out output) {
	if r, ok := out.(*recorder); ok {
		r.mu.Lock()
		r.pages++
		r.mu.Unlock()
	}
}

// cached runs render for the unit name, or replays its recorded output
// when the cache holds it under the same key. Output that came with any
// new error is not kept.
func (r *renderer) cached(name string, key [32]byte, render func(out output)) {
	c := r.m.in.opts.cache
	if c == nil {
		render(r.out)
		return
	}
	c.mu.Lock()
	u, hit := c.units[name]
	c.mu.Unlock()
	if hit && u.key == key {
		for p, data := range u.files {
			if err := keepOrWrite(r.out, p, data); err != nil {
				r.errs.Errorf(p, 0, "cannot write: %v", err)
			}
		}
		r.pages.Add(int64(u.pages))
		for _, w := range u.warnings {
			e := *w
			r.errs.Add(&e)
		}
		return
	}
	before := r.errs.ErrorCount()
	rec := &recorder{out: r.out, files: map[string][]byte{}}
	render(rec)
	if r.errs.ErrorCount() == before {
		c.mu.Lock()
		c.units[name] = unit{key: key, files: rec.files, pages: rec.pages, warnings: rec.warnings}
		c.mu.Unlock()
	}
}

// hasher builds cache keys.
type hasher struct{ h hash.Hash }

func newHasher() *hasher { return &hasher{h: sha256.New()} }

func (h *hasher) str(ss ...string) *hasher {
	for _, s := range ss {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.h.Write(n[:])
		h.h.Write([]byte(s))
	}
	return h
}

func (h *hasher) sum() (k [32]byte) {
	copy(k[:], h.h.Sum(nil))
	return k
}

// computeShape hashes everything that every page may depend on: the
// configuration, the templates, the assets, the options, and each
// policy's title, URL, group, dates and versions (but not its text), with
// which of those dates the build's "now" has passed, so that a rebuild
// after the clock passes one equals a full build. A
// change to one policy's body leaves the shape, and so every other
// policy's cached pages, intact.
func (m *model) computeShape(config []byte) {
	h := newHasher().str(string(config), m.in.opts.BaseURL, m.in.cfg.BaseURL)
	h.str(boolStr(m.in.opts.Drafts), boolStr(m.in.opts.serve), string(m.in.history()))
	m.in.hashLayouts(h)
	for _, rel := range m.assets.order {
		h.str(rel, m.assets.hashes[rel])
	}
	for _, f := range m.in.contentFiles {
		// Copied files claim output paths, and links to content files
		// resolve by file name: moving privacy.md to privacy/index.md
		// changes what a link to privacy.md means in every other page.
		h.str(f.rel)
	}
	for _, p := range m.policies {
		h.str(p.Policy.ID, p.sitePath, p.Title, p.Description, p.Group, p.GroupTitle, p.Summary, fmt.Sprint(p.Weight), string(p.src.paramsKey[:]))
		for _, v := range p.Policy.Versions {
			h.str(v.Effective.RFC3339(), v.LastRevised.RFC3339(), string(v.Status), v.policyPath, v.Title, v.Summary, boolStr(v.Material))
			// What the clock decides: the status, and whether the sitemap
			// may give each date yet (see pastDate).
			h.str(boolStr(m.pastDate(v.Effective).IsZero()), boolStr(m.pastDate(v.LastRevised).IsZero()))
			h.str(v.Changes...)
		}
	}
	if m.home != nil {
		h.str(string(m.home.Hash[:]))
	}
	m.shape = h.sum()
}

// hashLayouts adds every template file to h.
func (in *input) hashLayouts(h *hasher) {
	names := make([]string, 0, len(in.layouts))
	for n := range in.layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h.str(n, string(in.layouts[n]))
	}
}

// policyKey is the cache key of one policy's pages: the shape plus the
// text of each of its versions.
func (m *model) policyKey(p *Page) [32]byte {
	h := newHasher().str(string(m.shape[:]), p.src.Path)
	for _, v := range p.Policy.Versions {
		h.str(v.src.Path, string(v.src.Hash[:]))
	}
	return h.sum()
}

// manifestKey covers policies.json, which also lists each text's hash.
func (m *model) manifestKey() [32]byte {
	h := newHasher().str(string(m.shape[:]))
	for _, p := range m.policies {
		for _, v := range p.Policy.Versions {
			h.str(string(v.src.Hash[:]))
		}
	}
	return h.sum()
}

// redirectsKey covers the redirects as declared or resolved, with where
// each was declared (messages name the file and line), and the shape,
// which fixes every output path they are checked against.
func (m *model) redirectsKey() [32]byte {
	h := newHasher().str(string(m.shape[:]))
	for _, f := range m.redirectFormats {
		h.str(string(f))
	}
	for _, r := range m.redirects {
		h.str(r.From, r.To, path.Clean(r.File), fmt.Sprint(r.Line), r.Origin.String(), r.Page)
	}
	return h.sum()
}

func boolStr(v bool) string {
	if v {
		return "1"
	}
	return "0"
}

// resolvedRedirects is a remembered redirect.Resolve result.
type resolvedRedirects struct {
	key  [32]byte
	list []redirect.Redirect
	errs []redirect.Error
}

// resolved returns the redirects resolved under key, if remembered. The
// key covers the raw redirects and the site's shape, which fixes every
// output path they are checked against.
func (c *buildCache) resolved(key [32]byte) ([]redirect.Redirect, []redirect.Error, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.redirects != nil && c.redirects.key == key {
		return c.redirects.list, c.redirects.errs, true
	}
	return nil, nil, false
}

// redirectFiles returns the redirect files and warnings made under key.
func (c *buildCache) redirectFiles(key [32]byte) (map[string][]byte, []redirect.Error, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.redirOut != nil && c.redirOut.key == key {
		return c.redirOut.files, c.redirOut.errs, true
	}
	return nil, nil, false
}

func (c *buildCache) storeRedirectFiles(key [32]byte, files map[string][]byte, errs []redirect.Error) {
	if c != nil {
		c.mu.Lock()
		c.redirOut = &redirectOutput{key: key, files: files, errs: errs}
		c.mu.Unlock()
	}
}

func (c *buildCache) storeResolved(key [32]byte, list []redirect.Redirect, errs []redirect.Error) {
	if c != nil {
		c.mu.Lock()
		c.redirects = &resolvedRedirects{key: key, list: list, errs: errs}
		c.mu.Unlock()
	}
}
