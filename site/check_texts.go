package site

import (
	"sync"

	"github.com/clause-dev/clause/site/markdown"
)

// renderedText is one Markdown text as the render phase rendered it, kept
// for the linter: the body it read, the document it produced and the
// content file each rewritten link was written as. Only the parts the
// linter reads are kept (blocks without their text, no table of
// contents), so that a check of a large site does not hold every text
// twice.
type renderedText struct {
	Body []byte
	Doc  *markdown.Document
	Orig map[string]string // a rewritten link's URL → the content file path written
}

// renderedTexts collects, while Check builds a site, the texts of the
// working tree that the build renders, by source. It is safe for
// concurrent use, since policies render in parallel.
type renderedTexts struct {
	mu       sync.Mutex
	bySource map[*Source]*renderedText
	renders  int // Markdown renders of the build, of any source
}

func newRenderedTexts() *renderedTexts {
	return &renderedTexts{bySource: map[*Source]*renderedText{}}
}

// text returns the kept text of a source, or an empty one when the build
// did not render it (its render failed).
func (k *renderedTexts) text(s *Source) *renderedText {
	k.mu.Lock()
	defer k.mu.Unlock()
	if t := k.bySource[s]; t != nil {
		return t
	}
	return &renderedText{Doc: &markdown.Document{}}
}

// has reports whether a source's text was kept.
func (k *renderedTexts) has(s *Source) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.bySource[s] != nil
}

// count returns how many Markdown renders the build made.
func (k *renderedTexts) count() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.renders
}

// renderMarkdown renders one text of source s; it is the build's only
// call into the Markdown renderer. When Check collects texts
// (Options.texts), the render also fills Blocks, which the linter reads,
// and the text is kept; a build without it pays one nil check.
func (b *builder) renderMarkdown(s *Source, body []byte, page markdown.Page) *markdown.Document {
	t := b.opts.texts.prepare(body, &page)
	doc := b.md.RenderPage(body, page)
	b.opts.texts.keep(s, t, doc)
	return doc
}

// prepare readies the render of a text for keeping: it asks for Blocks
// and records the content file each rewritten link was written as. It
// returns nil when no texts are collected.
func (k *renderedTexts) prepare(body []byte, page *markdown.Page) *renderedText {
	if k == nil {
		return nil
	}
	t := &renderedText{Body: body, Orig: map[string]string{}}
	if link := page.Link; link != nil {
		page.Link = func(target string) (string, bool) {
			u, ok := link(target)
			if ok {
				t.Orig[u] = target // one text renders on one goroutine
			}
			return u, ok
		}
	}
	page.Blocks = true
	return t
}

// keep counts a render and keeps its text when the text can be edited:
// revisions from git history are not linted.
func (k *renderedTexts) keep(s *Source, t *renderedText, doc *markdown.Document) {
	if k == nil {
		return
	}
	t.Doc = lintView(doc)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.renders++
	if editable(s) {
		k.bySource[s] = t
	}
}

// lintView returns the parts of a document the linter reads: its HTML,
// links and headings, and its blocks without their plain text. The build
// keeps using the whole document, which it drops after the page renders.
func lintView(doc *markdown.Document) *markdown.Document {
	blocks := make([]markdown.Block, len(doc.Blocks))
	for i, b := range doc.Blocks {
		b.Text = ""
		blocks[i] = b
	}
	return &markdown.Document{HTML: doc.HTML, Headings: doc.Headings, Blocks: blocks, Links: doc.Links}
}

// renderUnrendered renders the editable texts the build did not, as when
// the layouts failed to parse and no page was rendered, so that the
// linter reads every text that can be edited. Their Markdown errors are
// not reported: a build would not have reported them either.
func (b *builder) renderUnrendered() {
	for _, p := range b.policies {
		for _, v := range p.Policy.Versions {
			if !editable(v.src) || b.opts.texts.has(v.src) {
				continue
			}
			b.renderMarkdown(v.src, b.body(v.src), markdown.Page{Link: b.linkResolver(p.src),
				File: b.fileResolver(p.src), Var: b.varResolver(v, p)})
		}
	}
}
