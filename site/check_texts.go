package site

import (
	"bytes"
	"sync"

	"github.com/clause-dev/clause/site/markdown"
)

// renderedText is what the linter reads of one Markdown text the render
// phase rendered: the parts of its document that the lint checks use and
// the content file each rewritten link was written as. It keeps neither
// the body nor the HTML, so that a check of a large site does not hold
// every text twice: the URLs of the HTML are listed when the text is
// kept, and of the blocks only those holding raw HTML are, with their own
// copy of it (the others are HTML the renderer wrote, always balanced).
type renderedText struct {
	Links    []markdown.LinkRef
	Headings []markdown.Heading
	URLs     []contentURL      // every URL the HTML's elements follow or fetch, in document order
	RawHTML  []markdown.Block  // the blocks that hold raw HTML, without their plain text
	Orig     map[string]string // a rewritten link's URL → the content file path written
	Vanished []vanishedID      // section ids of the previous version this text lost (see check_sectionids.go)
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
	return &renderedText{}
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
// and the text is kept; a build without it pays two nil checks.
func (m *model) renderMarkdown(md *markdown.Renderer, s *Source, body []byte, page markdown.Page) *markdown.Document {
	t := m.in.opts.texts.prepare(&page)
	doc := md.RenderPage(body, page)
	m.in.opts.texts.keep(s, t, doc)
	return doc
}

// prepare readies the render of a text for keeping: it asks for Blocks
// and records the content file each rewritten link was written as. It
// returns nil when no texts are collected.
func (k *renderedTexts) prepare(page *markdown.Page) *renderedText {
	if k == nil {
		return nil
	}
	t := &renderedText{Orig: map[string]string{}}
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
	if editable(s) {
		t.view(doc)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.renders++
	if editable(s) {
		k.bySource[s] = t
	}
}

// view fills t from a rendered document. The build keeps using the
// document, which it drops once the page is written.
func (t *renderedText) view(doc *markdown.Document) {
	t.Links, t.Headings, t.URLs = doc.Links, doc.Headings, contentURLs(doc.HTML)
	for _, b := range doc.Blocks {
		if b.RawHTML {
			b.HTML, b.Text = bytes.Clone(b.HTML), ""
			t.RawHTML = append(t.RawHTML, b)
		}
	}
}

// renderUnrendered renders the editable texts the build did not, as when
// the layouts failed to parse and no page was rendered, so that the
// linter reads every text that can be edited. Their Markdown errors are
// not reported: a build would not have reported them either.
func (m *model) renderUnrendered() {
	for _, p := range m.policies {
		for _, v := range p.Policy.Versions {
			if !editable(v.src) || m.in.opts.texts.has(v.src) {
				continue
			}
			m.renderMarkdown(m.md, v.src, m.body(v.src), m.markdownPage(p, v))
		}
	}
}
