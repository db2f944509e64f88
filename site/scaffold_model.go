package site

import (
	"context"
	"fmt"
	"os"
)

// scaffoldSite is the site as a build loads and assembles it, for clause
// new and clause revise: they find a policy, its file and its dates in
// the build's own model, so that `clause revise privacy` edits exactly
// the file the build calls privacy (content_dir, include and exclude,
// symbolic links, ids from paths, dates read from the text).
type scaffoldSite struct {
	cfg     *Config
	layout  *layout
	files   []contentFile      // the content folder's files the build reads
	sources map[string]*Source // the Markdown files that loaded, by path below the content folder
	pages   map[string]*Page   // the policies' current files, by the same path
	errs    *ErrorList         // what the load and assemble steps reported
}

// loadScaffoldSite runs the build's load and assemble steps (the
// configuration, listing and sources of load; the policies of assemble) on the site
// in source, with drafts and with versions from files only, and renders
// nothing. An invalid content_dir is an error, since writing into the
// default folder instead would put a file where the build never looks.
func loadScaffoldSite(source string) (*scaffoldSite, error) {
	opts := Options{Source: source, Drafts: true, History: HistoryFiles, Getenv: func(string) string { return "" }}.withDefaults()
	src := os.DirFS(source)
	if root, err := os.OpenRoot(source); err == nil {
		defer root.Close()
		src = root.FS()
	}
	errs := &ErrorList{}
	in := &input{opts: opts, src: src, theme: layers{src}}
	in.configure(errs)
	for _, e := range errs.Errors() {
		if line := in.cfg.lines["content_dir"]; line > 0 && e.Path == configFile && e.Line == line {
			return nil, e
		}
	}
	files := listContent(src, in.layout, errs, nil)
	sources := loadSources(context.Background(), src, in.layout, files, errs, nil)
	b := newModel(in, errs)
	b.assemblePolicies(sources)
	m := &scaffoldSite{cfg: in.cfg, layout: in.layout, files: files, sources: map[string]*Source{}, pages: b.bySource, errs: errs}
	for _, s := range sources {
		m.sources[s.Rel] = s
	}
	return m, nil
}

// dir returns the content folder, relative to the source.
func (m *scaffoldSite) dir() string { return m.layout.dir }

// policyFiles returns the Markdown files the build reads as the current
// text of the policy id: <id>.md or <id>/index.md, with either extension
// in any case.
func (m *scaffoldSite) policyFiles(id string) []string {
	var out []string
	for _, f := range m.files {
		if _, _, version := versionFile(f.rel); f.markdown && !version && !isHomeSource(f.rel) && policyID(f.rel) == id {
			out = append(out, f.rel)
		}
	}
	return out
}

// policyNamed returns the policy a slug names, also written as a content
// path ("content/privacy.md"); a slug that names no policy must be a
// valid one for the error to say there is no such policy.
func (m *scaffoldSite) policyNamed(slug string) (*Page, error) {
	id := trimSlug(slug, m.dir())
	if len(m.policyFiles(id)) == 0 {
		if _, err := cleanSlugIn(slug, m.dir()); err != nil {
			return nil, err
		}
	}
	return m.policy(id)
}

// policy returns the policy the build calls id, or an error that says
// why the build has none: no such file, two files, a problem in the file
// (the first the build reports) or a page that only redirects.
func (m *scaffoldSite) policy(id string) (*Page, error) {
	files := m.policyFiles(id)
	switch len(files) {
	case 0:
		return nil, &Error{Path: m.layout.sourcePath(id + ".md"), Msg: "no such policy",
			Hint: "check the slug (the file's path in the content folder, without .md), or create it with clause new policy " + id}
	case 1:
	default:
		return nil, &Error{Path: m.layout.sourcePath(files[0]), Msg: fmt.Sprintf("both %s and %s are the policy %s",
			m.layout.sourcePath(files[0]), m.layout.sourcePath(files[1]), id), Hint: "keep one of them; the build refuses both"}
	}
	p := m.layout.sourcePath(files[0])
	for _, e := range m.errs.Errors() {
		if e.Path == p {
			return nil, e
		}
	}
	s := m.sources[files[0]]
	if s != nil && s.FM.RedirectTo != "" {
		return nil, &Error{Path: p, Line: s.FM.Lines["redirect_to"], Msg: "this page only redirects to " + s.FM.RedirectTo + ", so it has no text to revise",
			Hint: "remove redirect_to to make it a policy again"}
	}
	if m.pages[files[0]] == nil {
		return nil, &Error{Path: p, Msg: "the build does not read this file as a policy", Hint: "run clause check to see why"}
	}
	return m.pages[files[0]], nil
}

// defaultGroup is the first group of clause.yaml, else "policies".
func (m *scaffoldSite) defaultGroup() string {
	if len(m.cfg.Groups) > 0 && m.cfg.Groups[0].ID != "" {
		return m.cfg.Groups[0].ID
	}
	return "policies"
}
