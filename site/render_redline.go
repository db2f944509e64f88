package site

import (
	"html/template"

	"github.com/clause-dev/clause/site/redline"
)

// Redline is what a changes or compare page shows: the comparison of a
// version with the one before it, or of an archived version with the
// version in force.
type Redline struct {
	HTML     template.HTML
	Summary  string            // "3 sections changed, 1 added, 0 removed"
	Sections []redline.Section // every section of either version
	Marked   []redline.Section // the sections changed, added or removed, in the same order
	Changed  int
	Added    int
	Removed  int
}

// renderChanges writes the redline between a version and the previous one.
func (r *renderer) renderChanges(out output, p *Page, v *Version, rl *redline.Redline) {
	q := r.m.versionPage(p, v, KindChanges, versionPath(p.sitePath, v)+"changes/", "changes.html")
	q.Title = r.say(q.Lang, "title_changes_to", "title", q.Title)
	q.From = v.Prev
	q.Redline = pageRedline(rl)
	r.execute(out, q)
}

// renderComparisons writes the comparison of each archived version in
// compare (by its blocks) with the version in force, whose blocks are
// current, at <archived version>/compare/, oldest first.
func (r *renderer) renderComparisons(out output, p *Page, differ *redline.Differ, compare map[*Version][]redline.Block, current []redline.Block) {
	for _, v := range p.Policy.Versions {
		if blocks, ok := compare[v]; ok {
			r.renderCompare(out, p, v, differ.Diff(blocks, current))
		}
	}
}

// renderCompare writes the redline from the archived version from to the
// version in force. The page shows the version in force (.Version) and
// names the one it starts from (.From).
func (r *renderer) renderCompare(out output, p *Page, from *Version, rl *redline.Redline) {
	q := r.m.versionPage(p, p.Policy.Current, KindCompare, versionPath(p.sitePath, from)+"compare/", "changes.html")
	q.Title = r.say(q.Lang, "title_compare", "title", q.Title, "date", from.Effective)
	q.From = from
	q.Redline = pageRedline(rl)
	r.execute(out, q)
}

// pageRedline is the comparison rl as a changes or compare page shows it.
func pageRedline(rl *redline.Redline) *Redline {
	return &Redline{HTML: template.HTML(rl.HTML), Summary: rl.Summary(), Sections: rl.Sections,
		Marked: markedSections(rl.Sections), Changed: rl.Changed, Added: rl.Added, Removed: rl.Removed}
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
