package site

import (
	"html"
	"slices"
	"strings"

	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redline"
)

// sectionAliases follows a policy's section ids from version to version,
// oldest first, so that a link to a section keeps working after its
// heading was renamed or renumbered: every id an earlier version's
// heading had, which the redline matched to a heading with another id,
// maps to the id of that section in the latest version seen. The page of
// each version carries its aliases as empty elements just before the
// successor's heading (see withAliases).
type sectionAliases struct {
	to map[string]string // an earlier id → the id of its section now
}

// vanishedID is a section id of the previous version that the next one
// has neither as a heading nor as an alias: its section was removed, or
// rewritten past recognition.
type vanishedID struct {
	ID, Title string
	After     string // the id of the section the next version has where it stood, "" at the top
}

// advance moves the aliases on to the next version, given its document
// and the redline from the previous version (nil for the first version).
// It returns the previous version's ids that vanished.
func (a *sectionAliases) advance(doc *markdown.Document, rl *redline.Redline) []vanishedID {
	if a.to == nil {
		a.to = map[string]string{}
	}
	if rl == nil {
		return nil
	}
	renamed, removed := map[string]string{}, map[string]bool{}
	kept := pageIDs(doc)
	var vanished []vanishedID
	after := ""
	for _, s := range rl.Sections {
		switch {
		case s.Status == redline.Removed:
			if s.ID != "" && !kept[s.ID] {
				removed[s.ID] = true
				vanished = append(vanished, vanishedID{ID: s.ID, Title: s.Title, After: after})
			}
			continue
		case s.OldID != "" && s.ID != "" && s.OldID != s.ID:
			renamed[s.OldID] = s.ID
		}
		after = s.ID
	}
	for old, to := range a.to {
		if removed[to] {
			delete(a.to, old)
		} else if n, ok := renamed[to]; ok {
			a.to[old] = n
		}
	}
	for old, to := range renamed {
		a.to[old] = to
	}
	for id := range kept {
		delete(a.to, id) // an id the page has wins over an alias
	}
	return vanished
}

// pageIDs returns the ids a document gives its headings and, through
// attribute lists ({: #id}), its other blocks: a writer who moved a
// removed section's text into another section keeps its links working
// by giving the paragraph that holds it the old id.
func pageIDs(doc *markdown.Document) map[string]bool {
	ids := make(map[string]bool, len(doc.Headings)+len(doc.BlockIDs))
	for _, h := range doc.Headings {
		ids[h.ID] = true
	}
	for _, id := range doc.BlockIDs {
		ids[id] = true
	}
	return ids
}

// byTarget returns the aliases of each current id, sorted.
func (a *sectionAliases) byTarget() map[string][]string {
	out := map[string][]string{}
	for old, to := range a.to {
		out[to] = append(out[to], old)
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}

// withAliases returns the document's HTML with, just before each
// top-level heading that has aliases, one empty <span id="ALIAS"> per
// alias: a link to #ALIAS scrolls to the heading without a script. The
// spans hold nothing and take no focus, and no alias is an id the page
// has. Document.HTML is exactly its blocks' HTML in order, so the HTML is
// put together again block by block.
func withAliases(doc *markdown.Document, aliases map[string][]string) string {
	if len(aliases) == 0 || len(doc.Blocks) == 0 {
		return frozenString(doc.HTML) // nothing writes to a rendered document's HTML
	}
	var b strings.Builder
	b.Grow(len(doc.HTML) + 64*len(aliases))
	for _, blk := range doc.Blocks {
		if blk.Kind == markdown.BlockHeading {
			for _, id := range aliases[blk.ID] {
				b.WriteString(`<span id="` + html.EscapeString(id) + `" class="section-alias"></span>`)
			}
		}
		b.Write(blk.HTML)
	}
	return b.String()
}
