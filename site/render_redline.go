package site

import (
	"html/template"

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

// renderChanges writes the redline between a version and the previous one.
func (r *renderer) renderChanges(out output, p *Page, v *Version, rl *redline.Redline) {
	q := r.m.versionPage(p, v, KindChanges, versionPath(p.sitePath, v)+"changes/", "changes.html")
	q.Title = "Changes to " + q.Title
	q.Redline = &Redline{HTML: template.HTML(rl.HTML), Summary: rl.Summary(), Sections: rl.Sections,
		Marked: markedSections(rl.Sections), Changed: rl.Changed, Added: rl.Added, Removed: rl.Removed}
	r.execute(out, q)
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
