package site

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unsafe"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/markdown"
	"github.com/clause-dev/clause/site/redline"
)

// versionRecord is what policies.json says of one version's published
// text: the hash of its index.md and its sections.
type versionRecord struct {
	SHA256   string
	Sections []manifestSection
}

// manifestSection describes one section of a version in policies.json.
type manifestSection struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Level     int      `json:"level"`
	SHA256    string   `json:"sha256"`
	FormerIDs []string `json:"former_ids"` // [] when it has none
}

// publishedMarkdown is the text of a version's index.md: the Markdown
// goldmark parsed, which is the body as written with the Liquid
// variables substituted, as the page shows them.
func publishedMarkdown(doc *markdown.Document) []byte { return doc.Markdown }

// publishedText is the text of a version's index.txt: its title
// underlined with "=", a blank line, and the body's plain text. The
// Markdown renderer writes it, given textHead as the page's TextHead, in
// the plain text's own buffer.
func publishedText(doc *markdown.Document) []byte { return doc.Text }

// textHead is the start of the index.txt of version v of policy p: the
// version's title (else the policy's) underlined with "=".
func textHead(p *Page, v *Version) string {
	title := p.Title
	if v.Title != "" {
		title = v.Title
	}
	return title + "\n" + strings.Repeat("=", max(1, markdown.DisplayWidth(title))) + "\n"
}

// recordOf returns the record of a version rendered as doc, whose
// sections have the given aliases.
func recordOf(doc *markdown.Document, aliases map[string][]string) versionRecord {
	sum := sha256.Sum256(publishedMarkdown(doc))
	rec := versionRecord{SHA256: hex.EncodeToString(sum[:]), Sections: make([]manifestSection, 0, len(doc.Sections))}
	for _, s := range doc.Sections {
		h := sha256.Sum256(unsafe.Slice(unsafe.StringData(s.Text), len(s.Text))) // read only: no copy of the text
		former := aliases[s.ID]
		if former == nil {
			former = []string{}
		}
		rec.Sections = append(rec.Sections, manifestSection{ID: s.ID, Title: s.Title, Level: s.Level,
			SHA256: hex.EncodeToString(h[:]), FormerIDs: former})
	}
	return rec
}

// writeRecord writes a version's index.md and index.txt.
func (r *renderer) writeRecord(out output, v *Version, doc *markdown.Document) {
	r.put(out, urlpath.File(v.markdownPath), publishedMarkdown(doc))
	r.put(out, urlpath.File(v.textPath), publishedText(doc))
}

// policyRecords returns the records of every version of p, oldest first:
// those its render just made (made), or when the policy's pages came
// from the dev server's memo, the records stored with them, or else
// records made again from its texts.
func (r *renderer) policyRecords(p *Page, made []versionRecord) []versionRecord {
	key := func() memo.Key { return memo.Of("records", r.m.policyKey(p)) }
	recs, _ := memo.Do(r.m.in.opts.cache.memoView(), key, func() ([]versionRecord, bool) {
		if len(made) == len(p.Policy.Versions) {
			return made, true
		}
		return r.remakeRecords(p), true
	})
	return recs
}

// remakeRecords renders the texts of p again, for their records only.
// Its Markdown errors were reported when the pages were rendered.
func (r *renderer) remakeRecords(p *Page) []versionRecord {
	differ := redline.NewDiffer()
	var aliases sectionAliases
	var prev []redline.Block
	recs := make([]versionRecord, 0, len(p.Policy.Versions))
	bodies := r.m.newVersionBodies(p.Policy.Versions)
	for _, v := range p.Policy.Versions {
		page := r.m.markdownPage(p, v)
		page.Blocks, page.Record = true, true
		doc := r.m.renderMarkdown(r.markdownFor(p.Lang), v.src, bodies.body(v), page)
		blocks := redlineBlocks(doc.Blocks)
		var rl *redline.Redline
		if v.Prev != nil {
			rl = differ.Diff(prev, blocks)
		}
		aliases.advance(doc, rl)
		recs = append(recs, recordOf(doc, aliases.byTarget()))
		prev = blocks
	}
	return recs
}
