package site

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
)

// leakyElements are the elements that, left open or closed too often in
// raw HTML, change the rest of the page: inline formatting that would
// spread over the following text, and containers that would swallow or
// end the theme's own. Elements whose end tag HTML lets authors leave
// out (p, li, td, …) are not checked.
var leakyElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "cite": true, "code": true, "del": true, "em": true,
	"font": true, "i": true, "ins": true, "mark": true, "q": true, "s": true, "small": true,
	"span": true, "strong": true, "sub": true, "sup": true, "u": true,
	"article": true, "aside": true, "blockquote": true, "details": true, "div": true,
	"figure": true, "footer": true, "header": true, "nav": true, "ol": true, "pre": true,
	"section": true, "table": true, "ul": true,
}

// openTag is an element left open in raw HTML, and the line it opened on.
type openTag struct {
	name string
	line int
}

// rawHTML warns about raw HTML in a body that leaves an element open or
// closes one that is not open: the browser would then carry it into the
// rest of the page, the theme's footer included. Tags are matched across
// the blocks that hold raw HTML, since an HTML block may open a <div> that
// a later one closes; the blocks between them, HTML the renderer wrote,
// are balanced and change nothing.
func (c *checker) rawHTML(s *linted) {
	var open []openTag
	for _, b := range s.RawHTML {
		line := s.BodyLine + b.Line - 1
		open = c.matchTags(s, b.HTML, line, open)
	}
	for _, t := range open {
		c.warn(s.Path, t.line, 0, fmt.Sprintf("raw HTML leaves <%s> open, so it would run into the rest of the page", t.name),
			fmt.Sprintf("close it with </%s>, or write the text in Markdown", t.name))
	}
}

// matchTags matches the tags of one block's HTML against the elements
// left open before it and returns those still open after it.
func (c *checker) matchTags(s *linted, frag []byte, line int, open []openTag) []openTag {
	z := html.NewTokenizer(bytes.NewReader(frag))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return open
		case html.StartTagToken, html.SelfClosingTagToken:
			// Browsers ignore the slash of <div/>: it opens a div.
			name, _ := z.TagName()
			if string(name) == "template" {
				skipTemplate(z) // inert markup, parsed apart from the page
				continue
			}
			if leakyElements[string(name)] {
				open = append(open, openTag{string(name), line})
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if leakyElements[string(name)] {
				open = c.closeTag(s, string(name), line, open)
			}
		case html.CommentToken:
			if !bytes.HasSuffix(z.Raw(), []byte("-->")) && !bytes.HasSuffix(z.Raw(), []byte("--!>")) {
				c.warn(s.Path, line, 0, "raw HTML comment <!-- is not closed, so it hides the rest of the page",
					"end the comment with -->")
			}
		}
	}
}

// skipTemplate reads past the end of a <template> element, whose content
// is a fragment of its own that does not affect the page around it.
func skipTemplate(z *html.Tokenizer) {
	for depth := 1; depth > 0; {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "template" {
				depth++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "template" {
				depth--
			}
		}
	}
}

// closeTag closes the innermost open element named name, warning about
// elements it closes implicitly or about an end tag that closes nothing.
func (c *checker) closeTag(s *linted, name string, line int, open []openTag) []openTag {
	for i := len(open) - 1; i >= 0; i-- {
		if open[i].name != name {
			continue
		}
		for _, t := range open[i+1:] {
			c.warn(s.Path, t.line, 0, fmt.Sprintf("raw HTML leaves <%s> open until </%s> on line %d", t.name, name, line),
				fmt.Sprintf("close it with </%s> before </%s>", t.name, name))
		}
		return open[:i]
	}
	c.warn(s.Path, line, 0, fmt.Sprintf("raw HTML closes </%s>, which is not open here, so it may close the theme's own", name),
		"remove the end tag, or add the start tag it belongs to")
	return open
}
