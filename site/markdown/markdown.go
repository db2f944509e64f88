// Package markdown renders clause's Markdown content files to HTML.
//
// It wraps goldmark with GitHub Flavored Markdown, footnotes and definition
// lists, and adds clause's tweaks as real goldmark extensions: GitHub-style
// heading ids, "link to this section" anchors, a table of contents, kramdown
// inline attribute lists (on blocks, at the end of headings, after spans)
// and TOC markers, and rewriting of links to other content files.
//
// Liquid variables ({{ site.KEY }}, {{ page.KEY }}) are substituted before
// goldmark parses the text, as Jekyll does, so a value is Markdown text and
// a variable works anywhere, a link destination included; code is left as
// written. An offset map from the substituted text back to the source
// keeps every Error, Heading.Line and LinkRef position at the source's own
// line and column. Other Liquid tags and Hugo shortcodes are Errors.
//
// The title rule (see Document) lives here only: LeadingBlock and
// Renderer.Title give a site every page's title before any page is
// rendered, from the same code as Document.Title.
//
// A Renderer is built once with New and reused; Render returns a Document
// holding the body HTML, its top-level Blocks, headings, TOC and any Errors.
//
// goldmark's time grows with the square of the nesting of block quotes
// and lists, so a body nested deeper than MaxNesting levels is refused
// with an Error before it is parsed; a linear scan of line prefixes
// (nesting.go) finds the level too many.
//
// Two parts of goldmark run through faster paths whose HTML is goldmark's
// byte for byte: GFM's autolink parser is asked only where a link can
// start (linkify.go), and text with nothing to escape is written whole
// (htmlwriter.go). fastpath_test.go compares both with goldmark itself.
package markdown

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configures a Renderer.
type Options struct {
	Typographer bool // smart quotes/dashes; OFF by default: legal text stays exactly as written

	TOCMin, TOCMax       int // heading levels collected into the TOC; zero means 2 and 3
	AnchorMin, AnchorMax int // heading levels that get a visible "link to this section" anchor; zero means 2 and 4

	// AnchorLabel is the aria-label of those anchors, with %s for the
	// heading's text; "" means "Link to this section: %s".
	AnchorLabel string

	// Link rewrites relative links to content files. It is called for every link or image
	// destination that has no scheme, does not start with '/' or '#', and whose path part
	// (before '#' or '?') ends in ".md" or ".markdown". It receives the path part only
	// (URL-unescaped) and returns the URL to use; the renderer re-appends the #fragment.
	// ok=false means the file does not exist: record Error{Msg: `link to missing file "X"`}
	// at the link's line. Nil Link means leave links alone.
	Link func(path string) (url string, ok bool)

	// File rewrites relative links and images to other files (an image
	// beside the Markdown, a PDF) the way Link does for content files, so
	// they work from every page that shows the text. ok=false leaves the
	// destination as written. Nil File leaves them all alone.
	File func(path string) (url string, ok bool)

	// Var resolves Liquid variables {{ site.KEY }} and {{ page.KEY }} (scope is "site" or "page",
	// key may be dotted like "params.company"). ok=false -> an Error "unknown variable site.KEY".
	// Values are substituted before parsing, so they are read as Markdown.
	Var func(scope, key string) (value string, ok bool)
}

// withDefaults returns o with zero heading ranges replaced by their defaults.
func (o Options) withDefaults() Options {
	if o.TOCMin == 0 {
		o.TOCMin = 2
	}
	if o.TOCMax == 0 {
		o.TOCMax = 3
	}
	if o.AnchorMin == 0 {
		o.AnchorMin = 2
	}
	if o.AnchorMax == 0 {
		o.AnchorMax = 4
	}
	if o.AnchorLabel == "" {
		o.AnchorLabel = "Link to this section: %s"
	}
	return o
}

// Renderer converts Markdown bodies to Documents. It holds one configured
// goldmark.Markdown and is safe for concurrent use by many goroutines: all
// per-document state lives in the parser.Context of each Render call.
type Renderer struct {
	opts Options
	md   goldmark.Markdown
}

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	r := &Renderer{opts: opts.withDefaults()}
	exts := []goldmark.Extender{
		datetimeExtender{},
		gfm{},
		extension.Footnote,
		extension.DefinitionList,
		&extender{anchorLabel: r.opts.AnchorLabel},
	}
	if r.opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	r.md = goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
		goldmark.WithRendererOptions(html.WithUnsafe(), html.WithWriter(newTextWriter())),
	)
	return r
}

// Document is one rendered Markdown body.
//
// Title and heading levels: the title heading is the first thing in the
// body (after blank lines and HTML comments) when that is a heading of
// level 1 to 3; its plain text is Title. A heading after prose is never
// the title, and a body without a title heading has Title "". The title
// heading is removed from HTML and Blocks (templates print the title as
// the page's only h1) when it is the body's only h1, or a setext heading
// ("Title" over "---") in a body without h1s. If an h1 is still left in
// the body, every heading is shifted down one level (h6 stays).
type Document struct {
	HTML         []byte      // the body HTML (TOC inserted at a {:toc} marker if present)
	TOC          []*TOCEntry // nested tree of headings TOCMin..TOCMax
	TOCHTML      []byte      // the TOC as nested <ul> (<li><a href="#id">text</a><ul>…</ul></li>); empty if no entries
	HasTOCMarker bool        // the body had a kramdown TOC marker
	Title        string      // plain text of the title heading (see above); "" if none
	Headings     []Heading   // every heading in order (after level shifting)
	Blocks       []Block     // top-level blocks
	Links        []LinkRef   // Markdown links and images in document order (not those in raw HTML)
	Errors       []Error     // sorted by line, then column

	// Set only when Page.Record asks for them (see record.go):
	Markdown []byte    // the text goldmark parsed: the body with Liquid variables substituted
	Plain    []byte    // the body as readable plain text (see plaintext.go); read only: Sections share it
	Text     []byte    // Page.TextHead and, unless Plain is empty, "\n" and Plain, in Plain's memory
	Sections []Section // the section of each top-level heading, in order
	BlockIDs []string  // ids that attribute lists ({: #id}) gave blocks other than headings
}

// Heading is one heading of a Document, after level shifting.
type Heading struct {
	Level    int
	ID, Text string
	Line     int
}

// Page holds what differs from one document to the next when one Renderer
// renders many: the callbacks that depend on where the document lives,
// and whether Blocks are wanted.
type Page struct {
	Link   func(path string) (url string, ok bool) // as Options.Link
	File   func(path string) (url string, ok bool) // as Options.File
	Var    func(scope, key string) (string, bool)  // as Options.Var
	Blocks bool                                    // fill Document.Blocks (needed for redlines only)
	Record bool                                    // fill Document.Markdown, Plain, Text and Sections
	// TextHead is written before the plain text in the same buffer, so
	// that Document.Text, a published text file, is made without a copy.
	TextHead string
}

// Render converts src to a Document, using the Link and Var of the
// Renderer's Options. It never panics: a panic inside goldmark is
// recovered and reported as an Error at line 1. A body whose block
// quotes and lists nest deeper than MaxNesting levels is not parsed: its
// Document holds only the Error at the marker of the level too many.
func (r *Renderer) Render(src []byte) *Document {
	return r.RenderPage(src, Page{Link: r.opts.Link, File: r.opts.File, Var: r.opts.Var, Blocks: true})
}

// RenderPage converts src to a Document with the page's own callbacks, so
// that one Renderer (and its goldmark set-up) serves every page of a site.
// Leaving Blocks off saves building each block's text.
func (r *Renderer) RenderPage(src []byte, page Page) (doc *Document) {
	doc = &Document{}
	defer func() {
		if v := recover(); v != nil {
			*doc = Document{Errors: []Error{{
				Line: 1, Col: 1,
				Msg:  fmt.Sprintf("internal error rendering Markdown: %v", v),
				Hint: "simplify the Markdown around the last edit and report this as a clause bug",
			}}}
		}
	}()
	if e := nestingError(src); e != nil {
		doc.Errors = []Error{*e} // refused before goldmark spends minutes on it
		return doc
	}
	root, st := r.parse(src, page)
	if page.Record {
		doc.Markdown = st.src
		writePlain(doc, root, st.src, page.TextHead)
	}
	r.renderBlocks(doc, root, st.src, st)
	st.fill(doc)
	return doc
}

// parse substitutes Liquid in src and parses the result with the page's
// callbacks; the returned state holds what the transformer collected.
func (r *Renderer) parse(src []byte, page Page) (ast.Node, *state) {
	opts := r.opts
	opts.Link, opts.File, opts.Var = page.Link, page.File, page.Var
	body, omap, errs := substituteLiquid(src, &opts)
	st := newState(src, body, omap, &opts)
	st.errs = errs
	st.noBlocks = !page.Blocks
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	pc.Set(stateKey, st)
	return r.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc)), st
}
