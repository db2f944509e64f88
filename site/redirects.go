package site

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/internal/urlpath"
	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/redirect"
)

// redirectPage records a page that is only a redirect (redirect_to). Its
// old URLs (redirect_from, aliases) lead to its own URL and on from there,
// to a page of the site or to another site.
func (b *builder) redirectPage(s *Source) {
	u := b.pageURL(s, s.Rel)
	if u == "" {
		return
	}
	b.redirects = append(b.redirects, redirect.Redirect{From: urlpath.Escape(u), To: s.FM.RedirectTo,
		File: s.Path, Line: s.FM.Lines["redirect_to"], Origin: redirect.RedirectTo})
	b.redirectFrom(s, u, u)
}

// redirectFrom records a source's redirect_from and aliases entries, for
// a page at URL at whose visitors go to to. Both are URLs as the site
// computes them, decoded; they are percent-encoded here.
func (b *builder) redirectFrom(s *Source, at, to string) {
	at, to = urlpath.Escape(at), urlpath.Escape(to)
	for _, from := range s.FM.RedirectFrom {
		b.redirects = append(b.redirects, redirect.Redirect{From: from.Value, To: to, File: s.Path, Line: from.Line, Origin: redirect.FrontMatter})
	}
	for _, from := range s.FM.Aliases {
		b.redirects = append(b.redirects, redirect.Redirect{From: hugoAlias(from.Value, at), To: to, File: s.Path, Line: from.Line, Origin: redirect.FrontMatter})
	}
}

// hugoAlias resolves an alias as Hugo does: one that does not start with
// "/" is relative to the folder the page's URL is in, so "old-terms" on
// /legal/terms/ is /legal/old-terms. A trailing slash is kept; anything
// that is not a plain relative path is left for validation to report.
func hugoAlias(alias, at string) string {
	if alias == "" || strings.HasPrefix(alias, "/") || strings.Contains(alias, ":") || strings.HasPrefix(alias, "\\") {
		return alias
	}
	dir := path.Dir(strings.TrimSuffix(at, "/"))
	resolved := path.Join(dir, alias)
	if strings.HasSuffix(alias, "/") && resolved != "/" {
		resolved += "/"
	}
	return resolved
}

// policyRedirects records the redirects of one policy: its old URLs from
// front matter, and automatic ones from every earlier permalink it had,
// for the policy page and for each version page under it.
func (b *builder) policyRedirects(p *Page) {
	b.redirectFrom(p.src, p.sitePath, p.sitePath)
	seen := map[string]bool{p.sitePath: true}
	for _, v := range p.Policy.Versions {
		for _, old := range append(v.oldPaths, v.policyPath) {
			if seen[old] || old == "" {
				continue
			}
			seen[old] = true
			b.movedPolicy(p, v, old)
		}
	}
}

// movedPolicy redirects a policy's earlier permalink, and the version
// pages under it, to where they live now. Both ends are percent-encoded:
// a URL derived from a file name may hold spaces and non-ASCII letters.
func (b *builder) movedPolicy(p *Page, v *Version, old string) {
	line := v.src.FM.Lines["permalink"]
	enc := urlpath.Escape
	b.redirects = append(b.redirects, redirect.Redirect{From: enc(old), To: enc(p.sitePath), File: v.src.Path, Line: line, Origin: redirect.Automatic})
	if !p.Policy.HasHistory() {
		return
	}
	for _, w := range p.Policy.Versions {
		from, to := versionPath(old, w), versionPath(p.sitePath, w)
		if from == to {
			continue // /x.html and /x/ share their versions folder
		}
		b.redirects = append(b.redirects, redirect.Redirect{From: enc(from), To: enc(to), File: v.src.Path, Line: line, Origin: redirect.Automatic})
	}
}

// redirectFormatList reads redirects.formats, reporting a bad entry at its
// own line. A bad list leaves the formats empty: the build fails anyway.
func (b *builder) redirectFormatList(v *yaml.Node) []redirect.Format {
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias // formats: *list names a list defined elsewhere
	}
	var formats []redirect.Format
	if err := v.Decode(&formats); err != nil {
		b.errs.Errorf(configFile, v.Line, "redirects.formats must be a list such as [html, netlify, json]")
		return nil
	}
	ok := true
	for i := range formats {
		if err := redirect.CheckFormat(formats, i); err != nil {
			at := v
			if i < len(v.Content) {
				at = v.Content[i]
			}
			b.errs.Add(&Error{Path: configFile, Line: at.Line, Col: at.Column, Msg: err.Msg, Hint: err.Hint})
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return formats
}

// configRedirects reads the redirects: map of clause.yaml. Its keys are
// old paths; the key "formats" lists the redirect files to write.
func (b *builder) configRedirects() []redirect.Format {
	node := &b.cfg.Redirects
	if node.Kind == 0 {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		b.errs.Errorf(configFile, node.Line, "redirects must map old paths to new ones, for example \"/old/\": /new/")
		return nil
	}
	var formats []redirect.Format
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if k.Value == "formats" {
			formats = b.redirectFormatList(v)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			b.errs.Errorf(configFile, v.Line, "the target of redirect %q must be a path or URL", k.Value)
			continue
		}
		b.redirects = append(b.redirects, redirect.Redirect{From: k.Value, To: v.Value, File: configFile, Line: k.Line, Origin: redirect.Config})
	}
	return formats
}

// resolveRedirects checks every redirect against the site's outputs and
// flattens chains; problems are reported with their file and line.
func (b *builder) resolveRedirects() {
	formats := b.configRedirects()
	for _, p := range b.policies {
		b.policyRedirects(p)
	}
	sort.SliceStable(b.redirects, func(i, j int) bool { return b.redirects[i].From < b.redirects[j].From })
	b.redirectTwins(formats)
	r, _ := memo.Do(b.opts.cache.memoView(), b.resolveKey(), func() (resolution, bool) {
		list, errs := redirect.Resolve(b.redirects, b.servedBy)
		return resolution{list, errs}, true
	})
	resolved, errs := r.list, r.errs
	b.addRedirectErrors(errs)
	b.redirects = resolved
	b.redirectFormats = formats
	b.findMovedSections()
}

// servedBy reports which input serves a URL path, if any.
func (b *builder) servedBy(u string) (string, bool) {
	p := strings.TrimPrefix(u, "/")
	for _, candidate := range []string{p, p + "index.html", strings.TrimSuffix(p, "/") + "/index.html"} {
		if owner, ok := b.claims.owner(strings.TrimPrefix(candidate, "/")); ok {
			return owner, true
		}
	}
	return "", false
}

func (b *builder) addRedirectErrors(errs []redirect.Error) {
	for _, e := range errs {
		b.errs.Add(&e) // a copy: the cache keeps errs
	}
}

// writeRedirects writes the stubs and host files. A site's own
// layouts/redirect.html renders the stubs.
// The dev server's cache keeps the files and the warnings (such as the
// Cloudflare rule limit) under a key covering every input, and replays
// both; output that came with an error is not kept.
func (b *builder) writeRedirects() {
	if len(b.redirects) == 0 {
		return
	}
	view := b.opts.cache.memoView()
	r, hit := memo.Do(view, b.redirectsKey(), func() (redirectFiles, bool) {
		opts := redirect.Options{BasePath: b.cfg.basePath(), BaseURL: b.cfg.BaseURL, Formats: b.redirectFormats, Stub: b.stub, Title: b.titleAt}
		files, errs := redirect.Files(b.redirects, opts)
		return redirectFiles{files, errs}, false // kept below, when every file could be written
	})
	files, errs := r.files, r.errs
	b.addRedirectErrors(errs)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	clean := !redirect.HasErrors(errs)
	blocked := make([]bool, len(names))
	for i, name := range names {
		if msg := b.claims.conflict(name, "the redirects"); msg != "" {
			b.errs.Errorf(configFile, 0, "redirect %s", msg)
			blocked[i], clean = true, false
		}
	}
	parallel(len(names), func(i int) {
		if !blocked[i] {
			if err := keepOrWrite(b.out, names[i], files[names[i]]); err != nil { // the files map is never changed
				b.errs.Errorf(names[i], 0, "cannot write: %v", err)
			}
		}
	})
	if !hit && clean {
		view.Put(b.redirectsKey(), r)
	}
}

// stub renders one redirect page with layouts/redirect.html.
func (b *builder) stub(d redirect.StubData) ([]byte, error) {
	set := b.tmpl.lookup("redirect.html")
	if set == nil {
		return redirect.DefaultStub(d)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "redirect.html", d); err != nil {
		e := templateError(err, "redirect.html")
		return nil, fmt.Errorf("%s", e.Error())
	}
	return buf.Bytes(), nil
}
