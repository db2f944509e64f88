// Package redline computes word-level redlines between two versions of a
// rendered policy.
//
// A redline keeps the document's structure: blocks are aligned section by
// section, so headings, lists and tables stay headings, lists and tables.
// Sections are matched by heading id, or by similar headings or bodies
// when a heading was renamed. Within a changed section, blocks are aligned
// with a Myers diff of their content; paired blocks are compared
// recursively (table rows, cells, list items) down to runs of inline
// content, which are compared word by word. The formatting around a word
// (emphasis, code, a link and its target) is part of the comparison.
//
// The output is well-formed HTML whatever the input. Inserted words are
// wrapped in <ins> and deleted ones in <del>, one element per run of
// consecutive words, never around a block element. Every run starts with
// a label for screen readers, so that colour is not the only cue:
//
//	<ins><span class="visually-hidden">added: </span>…</ins>
//	<del><span class="visually-hidden">removed: </span>…</del>
//
// Elements that exist in one version only are kept in place and get a
// class: "block-added" or "block-removed" for top-level blocks,
// "row-added"/"row-removed" for table rows, "item-added"/"item-removed"
// for list items, "cell-added"/"cell-removed" for cells. Rows and items
// whose content changed get "row-changed" or "item-changed". Each section
// is wrapped in <section class="redline-section is-STATUS"
// id="change-ID">. Ids of old content are prefixed with "removed-", so
// heading ids stay unique and the new version's ids keep pointing at the
// new version's content.
package redline

import (
	"fmt"
	"html"
	"strconv"
)

// Block is one top-level block of a rendered policy.
type Block struct {
	Kind    string // "heading", "paragraph", "list", "table", "code", "html", "blockquote", "hr", "footnotes", "deflist", "toc", "other"
	Level   int    // heading level, for headings
	ID      string // heading id, for headings
	Section string // id of the nearest heading at or before this block ("" = preamble before first heading)
	HTML    string // this block's HTML
	Text    string // plain text of the block, without decorations such as heading anchors
	// WellFormed promises that HTML is balanced markup with no raw HTML
	// from the author, such as a Markdown renderer's own output. Such a
	// block is parsed only if it differs from the other version; an
	// unchanged one is copied as is. (Section titles come from Text for
	// every block, so they never depend on which blocks were parsed.)
	WellFormed bool
}

// Redline is the structured comparison of two versions.
type Redline struct {
	// HTML is the redline body: one <section class="redline-section …"
	// id="change-…"> per section, in the order of Sections.
	HTML string
	// Sections lists every section of either version, in new-document
	// order, removed sections where they stood in the old version.
	Sections []Section
	// Changed, Added and Removed count the sections of each status.
	Changed, Added, Removed int
}

// Section describes one section of a redline.
type Section struct {
	ID     string // heading id in the new version (old version if removed); "" for the preamble
	OldID  string // heading id in the old version, "" for an added section; differs from ID when the heading was renamed
	Title  string // heading text; "" for a section without a heading, such as the preamble
	Status Status
	Anchor string // id of the section's wrapper in Redline.HTML, e.g. "change-cookies"
}

// Status is how a section differs between the two versions.
type Status int

// The statuses of a section. A section in both versions is Changed only
// if its redline marks something: differences in white space or in
// attributes other than link targets leave it Unchanged.
const (
	Unchanged Status = iota // in both versions, no visible difference
	Changed                 // in both versions, with marked differences
	Added                   // in the new version only
	Removed                 // in the old version only
)

// String returns the status in lower case, e.g. "changed".
func (s Status) String() string {
	switch s {
	case Unchanged:
		return "unchanged"
	case Changed:
		return "changed"
	case Added:
		return "added"
	case Removed:
		return "removed"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Differ compares successive versions of one document. It remembers the
// parse of every block it has seen, so comparing version 1 with 2 and then
// 2 with 3 parses the blocks the versions share only once, and the
// redline of every pair of sections it has compared, so comparing each
// archived version with the newest compares a section that stayed the
// same across versions only once, and of every pair of blocks, so a
// paragraph that stayed the same across versions is diffed with the
// newest one's only once even when the rest of its section changed. It
// also keeps the sections of every version it split (see sectionsOf),
// and with each parsed element its children split into segments and
// with each run of text its words (see segcache.go), so a block paired
// with many others is prepared once. A Differ is not safe for concurrent
// use; use one per document.
type Differ struct {
	segs     map[blockKey]segment
	sections *sectionMemo
	labels   *labels             // nil for the English labels
	split    map[*Block]*grouped // by the first element of the slice split
}

// labels are the openings of change runs with the visually hidden words
// that tell screen-reader users what was added and removed.
type labels struct{ ins, del string }

// SetLabels sets the visually hidden words before added and removed
// text, such as "added:" and "removed:" (the default), for redlines in
// another language. They are escaped; a space follows each.
func (d *Differ) SetLabels(added, removed string) {
	esc := func(s string) string {
		var w writer
		writeText(&w, s)
		return w.String()
	}
	d.labels = &labels{ins: `<ins><span class="visually-hidden">` + esc(added) + ` </span>`,
		del: `<del><span class="visually-hidden">` + esc(removed) + ` </span>`}
}

// blockKey identifies a block by kind and HTML without concatenating them.
type blockKey struct{ kind, html string }

// NewDiffer returns a Differ with an empty memory.
func NewDiffer() *Differ {
	return &Differ{segs: map[blockKey]segment{}, sections: newSectionMemo(), split: map[*Block]*grouped{}}
}

// Diff compares two versions of a policy and returns their redline.
func (d *Differ) Diff(old, new []Block) *Redline {
	og, ng := d.sectionsOf(old), d.sectionsOf(new)
	newToOld := matchSections(og, ng)
	r := &Redline{}
	out := writer{labels: d.labels}
	size := htmlSize(new)
	out.Grow(size + size/4) // room for the marks around changes
	anchors := map[string]int{}
	for _, e := range orderSections(len(og), newToOld) {
		var a, b *group
		if e.old >= 0 {
			a = og[e.old]
		}
		if e.new >= 0 {
			b = ng[e.new]
		}
		r.writeSection(&out, a, b, anchors, d.sections)
	}
	r.HTML = out.String()
	return r
}

// writeSection writes one section of the redline and records it. Either
// a (old) or b (new) may be nil. A section in both versions is written
// from its remembered body (see sectionMemo), whose marks decide its
// status; a wholly added or removed one is written straight to w.
func (r *Redline) writeSection(w *writer, a, b *group, anchors map[string]int, memo *sectionMemo) {
	sec := Section{Status: Unchanged}
	var body sectionBody
	switch {
	case a == nil:
		sec.ID, sec.Title, sec.Status = b.id, b.title, Added
		r.Added++
	case b == nil:
		sec.ID, sec.OldID, sec.Title, sec.Status = a.id, a.id, a.title, Removed
		r.Removed++
	default:
		sec.ID, sec.OldID, sec.Title = b.id, a.id, b.title
		if body = memo.section(w.labels, a, b); body.marks > 0 {
			sec.Status = Changed
			r.Changed++
		}
	}
	sec.Anchor = uniqueAnchor(sec.ID, anchors)
	w.WriteString(`<section class="redline-section is-`)
	w.WriteString(sec.Status.String())
	w.WriteString(`" id="`)
	w.WriteString(html.EscapeString(sec.Anchor))
	w.WriteString("\">\n")
	switch sec.Status {
	case Added:
		writeBlocks(w, b.segs, opInsert)
	case Removed:
		writeBlocks(w, a.segs, opDelete)
	default:
		w.WriteString(body.html)
	}
	w.WriteString("</section>\n")
	r.Sections = append(r.Sections, sec)
}

// htmlSize returns the total length of the blocks' HTML.
func htmlSize(blocks []Block) int {
	n := 0
	for i := range blocks {
		n += len(blocks[i].HTML)
	}
	return n
}

// writeBlocks writes the blocks of a wholly added or removed section.
func writeBlocks(w *writer, segs []segment, o opKind) {
	for _, s := range segs {
		writeWhole(w, s.segments(), o, true)
		w.WriteString("\n")
	}
}

// uniqueAnchor returns "change-ID" ("change-preamble" for the preamble),
// with a numeric suffix if already used. used counts the uses of each
// anchor.
func uniqueAnchor(id string, used map[string]int) string {
	base := "change-" + id
	if id == "" {
		base = "change-preamble"
	}
	a := base
	for used[a] > 0 {
		used[base]++
		a = base + "-" + strconv.Itoa(used[base])
	}
	used[a]++
	return a
}

// Summary returns a one-line summary such as "3 sections changed, 1 added,
// 0 removed".
func (r *Redline) Summary() string {
	noun := "sections"
	if r.Changed == 1 {
		noun = "section"
	}
	return fmt.Sprintf("%d %s changed, %d added, %d removed", r.Changed, noun, r.Added, r.Removed)
}

// ChangedIDs returns the new-version ids of the sections changed or added,
// for marking the new version's table of contents. The preamble, which
// has no id, is not included.
func (r *Redline) ChangedIDs() map[string]bool {
	ids := map[string]bool{}
	for _, s := range r.Sections {
		if (s.Status == Changed || s.Status == Added) && s.ID != "" {
			ids[s.ID] = true
		}
	}
	return ids
}
