package site

import (
	"html/template"

	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redline"
)

// renderPolicy renders every page of one policy: its current page and,
// when it has history, each version's page, each redline, the
// comparisons of archived versions with the one in force, and the
// history list; beside each version's page its published texts, and the
// policy's embed page. Versions are rendered oldest first, so that the
// redlines carry each section's id on to the next version
// (sectionAliases); the policy's Differ keeps every version's blocks and
// their split into sections until the policy is done, since the
// comparisons with the version in force reuse them. It returns the record
// of each version, oldest first.
func (r *renderer) renderPolicy(out output, p *Page) []versionRecord {
	pol := p.Policy
	differ := redline.NewDiffer()
	differ.SetLabels(r.say(p.Lang, "redline_added_note"), r.say(p.Lang, "redline_removed_note"))
	var prev []redline.Block
	var aliases sectionAliases
	recs := make([]versionRecord, 0, len(pol.Versions))
	compare := map[*Version][]redline.Block{}
	bodies := r.m.newVersionBodies(pol.Versions)
	for _, v := range pol.Versions {
		doc := r.renderDocBody(p, v, pol.HasHistory(), bodies.body(v))
		blocks := redlineBlocks(doc.Blocks)
		var rl *redline.Redline
		if v.Prev != nil {
			rl = differ.Diff(prev, blocks)
		}
		vanished := aliases.advance(doc, rl)
		if v.Next == nil {
			r.m.in.opts.texts.keepVanished(v.src, vanished)
		}
		byTarget := aliases.byTarget()
		recs = append(recs, recordOf(doc, byTarget))
		r.writeRecord(out, v, doc)
		content, toc := template.HTML(withAliases(doc, byTarget)), tocFor(p, doc, rl, r.say(p.Lang, "toc_changed_note")) // doc is this loop's own
		if v == pol.Shown() {
			// Render a copy: other pages read this policy's Page through
			// .Site.Policies while it renders, and must not see its body.
			q := *p
			q.Content, q.TOC, q.HasTOCMarker = content, toc, doc.HasTOCMarker
			r.execute(out, &q)
			for _, f := range pol.fallbacks {
				c := *f
				c.Content, c.TOC, c.HasTOCMarker, c.layout = content, toc, doc.HasTOCMarker, p.layout // chosen after the fallbacks were made
				r.execute(out, &c)
			}
			r.renderEmbed(out, p, content)
		}
		if pol.HasHistory() {
			r.renderVersion(out, p, v, content, toc, doc.HasTOCMarker)
			if rl != nil {
				r.renderChanges(out, p, v, rl)
			}
		}
		if v.hasComparePage() {
			compare[v] = blocks
		}
		if v == pol.Current {
			r.renderComparisons(out, p, differ, compare, blocks)
		}
		prev = blocks
	}
	if pol.HasHistory() {
		r.renderHistory(out, p)
		r.writePolicyFeed(out, p)
	}
	return recs
}

// renderDoc renders one version's Markdown, reporting errors at the lines
// of its own file. Links resolve from the policy's current file, whose
// folder every version's relative links were written for.
func (r *renderer) renderDoc(p *Page, v *Version, blocks bool) *markdown.Document {
	return r.renderDocBody(p, v, blocks, r.m.body(v.src))
}

// renderDocBody is renderDoc of a body already read.
func (r *renderer) renderDocBody(p *Page, v *Version, blocks bool, body []byte) *markdown.Document {
	s := v.src
	page := r.m.markdownPage(p, v)
	page.Blocks, page.Record = blocks, v.Policy != nil // a policy's text is published (render_records.go); the home's intro is not
	if page.Record {
		page.TextHead = textHead(p, v)
	}
	doc := r.m.renderMarkdown(r.markdownFor(p.Lang), s, body, page)
	for _, e := range doc.Errors {
		e.Path, e.Line = s.Path, s.BodyLine+e.Line-1 // a copy, placed in the file
		r.errs.Add(&e)
	}
	return doc
}

// markdownPage returns how the Markdown of version v of policy p is
// rendered: links resolve from the policy's current file, whose folder
// every version's relative links were written for.
func (m *model) markdownPage(p *Page, v *Version) markdown.Page {
	return markdown.Page{Link: m.linkResolver(p.src), File: m.fileResolver(p.src), Var: m.varResolver(v, p)}
}

// tocFor returns a page's table of contents, marking the sections that
// changed since the previous version.
func tocFor(p *Page, doc *markdown.Document, rl *redline.Redline, note string) template.HTML {
	if !p.toc || doc.HasTOCMarker || len(doc.TOC) == 0 {
		return ""
	}
	var changed map[string]bool
	if rl != nil {
		changed = rl.ChangedIDs()
	}
	return tocHTML(doc.TOC, changed, note)
}

// redlineBlocks converts the Markdown renderer's blocks for the differ.
// Their HTML is shared with the document's, which nothing writes to once
// rendered.
func redlineBlocks(in []markdown.Block) []redline.Block {
	out := make([]redline.Block, len(in))
	for i, b := range in {
		section := b.Section
		if b.Kind == markdown.BlockFootnotes {
			section = "footnotes" // notes belong to no section; keep them out of the last one
		}
		out[i] = redline.Block{Kind: string(b.Kind), Level: b.Level, ID: b.ID, Section: section, HTML: frozenString(b.HTML), Text: b.Text, WellFormed: !b.RawHTML}
	}
	return out
}

// renderPolicies renders every policy's pages, policies in parallel.
func (r *renderer) renderPolicies() {
	order := r.manifestOrder()
	parallel(len(order), func(k int) {
		i := order[k]
		defer r.unitFinished(i)
		p := r.m.policies[i]
		unit := "policy:" + p.Policy.ID
		if fp := r.m.in.opts.first; r.first != nil && fp.yield != nil && !r.first[unit] {
			fp.yield(r.ctx) // the rest of a first pass: requests go first
		}
		if r.ctx.Err() != nil || !r.takeUnit(unit) {
			return // the build was cancelled, or the first pass or a request rendered it
		}
		r.renderPolicyUnit(i, p)
		r.unitDone(unit)
	})
}
