package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is GitHub Flavored Markdown as goldmark's extension.GFM installs it
// (tables, strikethrough, task lists and autolinks of bare URLs and
// e-mail addresses), except that the autolink parser is wrapped in
// linkifyFilter. The HTML is byte for byte goldmark's; only the time spent
// is not.
type gfm struct{}

// Extend implements goldmark.Extender.
func (gfm) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyFilter{inner: extension.NewLinkifyParser()}, 999),
	))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// linkifyFilter answers "no link here" for most of the places where
// goldmark's autolink parser is asked, and asks that parser for the rest.
//
// goldmark's parser is asked after every space (and '*', '_', '~', '(')
// of every paragraph, and before answering it looks its position up in
// the parser context, compares the text that follows with four prefixes
// and scans the next word for an e-mail address: in a build of long
// policies that was a third of all Markdown parsing. It can only find a
// link where the text after the trigger character starts with "http:",
// "https:", "ftp:" or "www." (so with "http", "ftp:" or "www."), or where
// an '@' follows within the 64 bytes an e-mail address's local part may take.
// linkifyFilter returns nil, without asking, everywhere else; both
// conditions are necessary for any link the default parser (no allowed
// protocols or e-mail pattern configured) finds, so the result is always
// the wrapped parser's. Should a parser option ever configure either, the
// filter passes every call through.
type linkifyFilter struct {
	inner parser.InlineParser
	cfg   extension.LinkifyConfig // the linkify options the parser was given
}

// emailLocalMax is how far FindEmailIndex in goldmark's util reads the
// local part of an e-mail address: an '@' can only count at an index up to
// and including it.
const emailLocalMax = 64

// Trigger implements parser.InlineParser with the wrapped parser's
// trigger characters.
func (f *linkifyFilter) Trigger() []byte { return f.inner.Trigger() }

// SetOption implements parser.SetOptioner: goldmark gives every parser
// option to every parser that takes options, and the wrapped parser
// takes them as it would unwrapped.
func (f *linkifyFilter) SetOption(name parser.OptionName, value any) {
	f.cfg.SetOption(name, value)
	if s, ok := f.inner.(parser.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

// Parse implements parser.InlineParser.
func (f *linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 && f.cfg.AllowedProtocols == nil && f.cfg.EmailRegexp == nil && !mayLinkify(line) {
		return nil
	}
	return f.inner.Parse(parent, block, pc)
}

// mayLinkify reports whether goldmark's autolink parser could find a link
// at the start of line, the rest of the line from the parser's position.
// As that parser does, it first steps over a trigger character. An e-mail
// address's local part holds no space or control character (goldmark's
// table of local-part bytes starts at '!'), so the search for its '@'
// stops at the first of those.
func mayLinkify(line []byte) bool {
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
	}
	if len(line) >= 4 {
		switch string(line[:4]) {
		case "http", "ftp:", "www.":
			return true
		}
	}
	for i, c := range line[:min(len(line), emailLocalMax+1)] {
		if c == '@' {
			return i > 0
		}
		if c <= ' ' {
			return false
		}
	}
	return false
}
