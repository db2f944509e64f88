package site

import (
	"html/template"

	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redline"
)

// Redline is what a changes page shows: the comparison of a version with
// the one before it.
type Redline struct {
	HTML     template.HTML
	Summary  string            // "3 sections changed, 1 added, 0 removed"
	Sections []redline.Section // every section of either version
	Marked   []redline.Section // the sections changed, added or removed, in the same order
	Changed  int
	Added    int
	Removed  int
}

// renderPolicy renders every page of one policy: its current page and,
// when it has history, each version's page, each redline and the
// history list. Versions are rendered oldest first so that each redline
// needs only the previous version's blocks in memory.
func (b *builder) renderPolicy(out output, p *Page) {
	pol := p.Policy
	differ := redline.NewDiffer()
	var prev []redline.Block
	for _, v := range pol.Versions {
		doc := b.renderDoc(p, v, pol.HasHistory())
		blocks := redlineBlocks(doc.Blocks)
		var rl *redline.Redline
		if v.Prev != nil {
			rl = differ.Diff(prev, blocks)
		}
		content, toc := template.HTML(doc.HTML), b.tocFor(p, doc, rl)
		if v == pol.Shown() {
			// Render a copy: other pages read this policy's Page through
			// .Site.Policies while it renders, and must not see its body.
			q := *p
			q.Content, q.TOC, q.HasTOCMarker = content, toc, doc.HasTOCMarker
			b.execute(out, &q)
		}
		if pol.HasHistory() {
			b.renderVersion(out, p, v, content, toc, doc.HasTOCMarker)
			if rl != nil {
				b.renderChanges(out, p, v, rl)
			}
		}
		prev = blocks
	}
	if pol.HasHistory() {
		b.renderHistory(out, p)
		b.writePolicyFeed(out, p)
	}
}

// renderDoc renders one version's Markdown, reporting errors at the lines
// of its own file. Links resolve from the policy's current file, whose
// folder every version's relative links were written for.
func (b *builder) renderDoc(p *Page, v *Version, blocks bool) *markdown.Document {
	s := v.src
	doc := b.renderMarkdown(s, b.body(s), markdown.Page{Link: b.linkResolver(p.src), File: b.fileResolver(p.src), Var: b.varResolver(v, p), Blocks: blocks})
	for _, e := range doc.Errors {
		e.Path, e.Line = s.Path, s.BodyLine+e.Line-1 // a copy, placed in the file
		b.errs.Add(&e)
	}
	return doc
}

// tocFor returns a page's table of contents, marking the sections that
// changed since the previous version.
func (b *builder) tocFor(p *Page, doc *markdown.Document, rl *redline.Redline) template.HTML {
	if !p.toc || doc.HasTOCMarker || len(doc.TOC) == 0 {
		return ""
	}
	var changed map[string]bool
	if rl != nil {
		changed = rl.ChangedIDs()
	}
	return tocHTML(doc.TOC, changed)
}

// redlineBlocks converts the Markdown renderer's blocks for the differ.
func redlineBlocks(in []markdown.Block) []redline.Block {
	out := make([]redline.Block, len(in))
	for i, b := range in {
		section := b.Section
		if b.Kind == markdown.BlockFootnotes {
			section = "footnotes" // notes belong to no section; keep them out of the last one
		}
		out[i] = redline.Block{Kind: string(b.Kind), Level: b.Level, ID: b.ID, Section: section, HTML: string(b.HTML), Text: b.Text, WellFormed: !b.RawHTML}
	}
	return out
}

// versionPage returns a page of kind for one version of policy page p.
func (b *builder) versionPage(p *Page, v *Version, kind Kind, u, layout string) *Page {
	title := p.Title
	if v.Title != "" {
		title = v.Title
	}
	q := &Page{Kind: kind, sitePath: u, layout: layout, src: v.src, Title: title, Description: p.Description,
		Summary: v.Summary, LastRevised: v.LastRevised, Effective: v.Effective, Group: p.Group,
		GroupTitle: p.GroupTitle, Params: v.src.FM.Params, Policy: p.Policy, Version: v, NoIndex: true, toc: p.toc}
	b.finish(q)
	q.Canonical = b.cfg.absBase() + p.sitePath
	if b.cfg.BaseURL == "" {
		q.Canonical = p.Permalink
	}
	return q
}

// renderVersion writes a version's own page.
func (b *builder) renderVersion(out output, p *Page, v *Version, content, toc template.HTML, marker bool) {
	q := b.versionPage(p, v, KindVersion, versionPath(p.sitePath, v), "version.html")
	q.Content, q.TOC, q.HasTOCMarker = content, toc, marker
	b.execute(out, q)
}

// renderChanges writes the redline between a version and the previous one.
func (b *builder) renderChanges(out output, p *Page, v *Version, rl *redline.Redline) {
	q := b.versionPage(p, v, KindChanges, versionPath(p.sitePath, v)+"changes/", "changes.html")
	q.Title = "Changes to " + q.Title
	q.Redline = &Redline{HTML: template.HTML(rl.HTML), Summary: rl.Summary(), Sections: rl.Sections,
		Marked: markedSections(rl.Sections), Changed: rl.Changed, Added: rl.Added, Removed: rl.Removed}
	b.execute(out, q)
}

// markedSections returns the sections whose status is not Unchanged.
func markedSections(all []redline.Section) []redline.Section {
	var marked []redline.Section
	for _, s := range all {
		if s.Status != redline.Unchanged {
			marked = append(marked, s)
		}
	}
	return marked
}

// renderHistory writes the list of a policy's versions.
func (b *builder) renderHistory(out output, p *Page) {
	v := p.Policy.Shown()
	q := b.versionPage(p, v, KindVersions, versionsBase(p.sitePath)+"versions/", "versions.html")
	q.Title = "Version history: " + p.Title
	q.Summary = ""
	b.execute(out, q)
}
