package redline

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocksFromHTML splits an HTML document into top-level blocks the way the
// site's renderer would: one block per top-level element, headings
// starting sections.
func blocksFromHTML(s string) []Block {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return nil
	}
	var blocks []Block
	section := ""
	for _, n := range nodes {
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) == "" {
			continue
		}
		var b strings.Builder
		if err := html.Render(&b, n); err != nil {
			continue
		}
		blk := Block{Kind: blockKind(n), HTML: b.String(), Text: nodeText(n)}
		if blk.Kind == "heading" {
			blk.Level = int(n.Data[1] - '0')
			blk.ID = nodeAttr(n, "id")
			section = blk.ID
		}
		blk.Section = section
		blocks = append(blocks, blk)
	}
	return blocks
}

// blockKind returns the Block.Kind of a top-level element.
func blockKind(n *html.Node) string {
	if n.Type != html.ElementNode {
		return "other"
	}
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "heading"
	case "p":
		return "paragraph"
	case "ul", "ol":
		return "list"
	case "table":
		return "table"
	case "pre":
		return "code"
	case "blockquote":
		return "blockquote"
	case "hr":
		return "hr"
	case "dl":
		return "deflist"
	}
	return "html"
}

// nodeText returns the text content of n.
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if n.Data == "a" && isAnchorClass(nodeAttr(n, "class")) {
		return "" // as the Markdown renderer's block texts leave out heading anchors
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

// nodeAttr returns the value of an attribute of n.
func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// rawBlocks splits s at blank lines into blocks without repairing their
// HTML: a block starting with "#" is a heading whose id is the rest of its
// first line; any other block is a paragraph.
func rawBlocks(s string) []Block {
	var blocks []Block
	section := ""
	for _, part := range strings.Split(s, "\n\n") {
		if id, ok := strings.CutPrefix(part, "#"); ok {
			id, _, _ = strings.Cut(id, "\n")
			section = id
			blocks = append(blocks, Block{Kind: "heading", Level: 2, ID: id, Section: id,
				HTML: "<h2 id=\"" + id + "\">" + part + "</h2>", Text: part})
			continue
		}
		blocks = append(blocks, Block{Kind: "paragraph", Section: section, HTML: part, Text: part})
	}
	return blocks
}

// checkWellFormed parses a redline back with the x/net/html tokenizer and
// checks that tags balance, that every labelled <ins>/<del> run holds no
// block element, and, if strict, that ids are unique and every <ins>/<del>
// is labelled.
func checkWellFormed(s string, strict bool) error {
	c := &checker{s: s, strict: strict, ids: map[string]bool{}}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		c.pos += len(z.Raw())
		var err error
		switch tt {
		case html.ErrorToken:
			return c.finish(z.Err())
		case html.SelfClosingTagToken:
			err = fmt.Errorf("self-closing tag %s", z.Raw())
		case html.StartTagToken:
			err = c.start(z.Token())
		case html.EndTagToken:
			name, _ := z.TagName()
			err = c.end(string(name))
		}
		if err != nil {
			return err
		}
	}
}

// checker holds the state of checkWellFormed.
type checker struct {
	s      string
	strict bool
	pos    int // bytes of s read so far
	stack  []openTag
	runs   int // labelled runs open
	ids    map[string]bool
}

// openTag is an open element; run marks a labelled change run.
type openTag struct {
	name string
	run  bool
}

// start checks a start tag.
func (c *checker) start(tok html.Token) error {
	if id := nodeAttrTok(tok, "id"); id != "" && c.strict {
		if c.ids[id] {
			return fmt.Errorf("duplicate id %q", id)
		}
		c.ids[id] = true
	}
	if c.runs > 0 && blockElements[tok.Data] {
		return fmt.Errorf("block <%s> inside a change run", tok.Data)
	}
	if voidElements[tok.Data] {
		return nil
	}
	o := openTag{name: tok.Data}
	if tok.Data == "ins" || tok.Data == "del" {
		if err := c.checkRun(&o); err != nil {
			return err
		}
	}
	if o.run {
		c.runs++
	}
	c.stack = append(c.stack, o)
	return nil
}

// checkRun checks an <ins> or <del> start tag: labelled, and, if strict,
// where phrasing content may stand (an HTML parser would move it out of a
// table, and it is invalid directly in a list).
func (c *checker) checkRun(o *openTag) error {
	o.run = strings.HasPrefix(c.s[c.pos:], `<span class="visually-hidden">`)
	if !c.strict {
		return nil
	}
	if !o.run {
		return fmt.Errorf("unlabelled <%s>", o.name)
	}
	if n := len(c.stack); n > 0 && structuralElements[c.stack[n-1].name] {
		return fmt.Errorf("<%s> directly inside <%s>", o.name, c.stack[n-1].name)
	}
	return nil
}

// end checks an end tag.
func (c *checker) end(name string) error {
	n := len(c.stack)
	if n == 0 || c.stack[n-1].name != name {
		return fmt.Errorf("unbalanced </%s> after %q", name, c.s[max(0, c.pos-80):c.pos])
	}
	if c.stack[n-1].run {
		c.runs--
	}
	c.stack = c.stack[:n-1]
	return nil
}

// finish checks the end of the input.
func (c *checker) finish(err error) error {
	if !errors.Is(err, io.EOF) {
		return err
	}
	if len(c.stack) > 0 {
		return fmt.Errorf("unclosed <%s>", c.stack[len(c.stack)-1].name)
	}
	return nil
}

// nodeAttrTok returns the value of an attribute of a token.
func nodeAttrTok(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// diff compares two versions of a policy with a fresh Differ.
func diff(old, new []Block) *Redline {
	return NewDiffer().Diff(old, new)
}
