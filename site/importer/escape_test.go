package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// renderText renders Markdown as clause does (GFM, footnotes, definition
// lists) and returns the text a reader sees, lines joined by "\n".
func renderText(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))
	if err := gm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.Data != "p" && n.Data != "body" && n.Data != "html" && n.Data != "head" && n.Data != "a" && n.Data != "br" {
			b.WriteString("<" + n.Data + ">") // any element but a paragraph means Markdown read markup
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return strings.TrimSpace(b.String())
}

func TestEscapeRendersAsWritten(t *testing.T) {
	lines := []string{
		"*not emphasis* and _not emphasis_ and **not bold**",
		"snake_case_word and __dunder__",
		"`not code` and ``double``",
		"[not a link](x) and [^1] and ![not an image](y)",
		"<b>not a tag</b> <!-- not a comment -->",
		"&amp; &copy; &#169; &#x41; stay as typed, & alone too",
		"{{ site.title }} and {% if x %}",
		"~~not struck~~ and ~one~",
		"a | b | c",
		`a \ backslash and a trailing one \`,
		"# not a heading",
		"###### not a heading either",
		"> not a quote",
		"- not an item",
		"+ not an item",
		"* not an item",
		"1. not an item",
		"12) not an item",
		"2025. A year",
		"---",
		"===",
		"(a) an enumeration and (iv) another",
		"100% sure: $5 <= $10 > $2",
		"https://example.com/a_b_c*d stays a link",
		"mail a_b@example.com",
		"#hashtag is text",
	}
	for _, in := range lines {
		md := escapeLineStart(escapeText(in))
		if got := renderText(t, md); got != in {
			t.Errorf("%q\n\tescaped: %q\n\trenders: %q", in, md, got)
		}
	}
	if got := renderText(t, "Term\n"+escapeLineStart(escapeText(": not a definition"))); got != "Term\n: not a definition" {
		t.Errorf("definition: %q", got)
	}
}

func TestEscapeHeading(t *testing.T) {
	if got := renderText(t, "## "+escapeHeading("Section C#")); got != "<h2>Section C#" {
		t.Errorf("closing hashes: %q", got)
	}
	if got := renderText(t, "## "+escapeHeading("2. SCOPE AND APPLICABILITY")); got != "<h2>2. SCOPE AND APPLICABILITY" {
		t.Errorf("numbered heading: %q", got)
	}
}
