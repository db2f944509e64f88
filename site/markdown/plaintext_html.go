package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText returns the text of an HTML block as lines: its text with
// white space collapsed, a new line at every element that starts a block
// (a paragraph, list item, heading, table row, line break and the like),
// and nothing of its tags, comments, scripts or styles.
func htmlText(block []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(block))
	var lines []string
	var line strings.Builder
	skip := 0 // inside <script> or <style>
	flush := func() {
		if s := strings.Join(strings.Fields(line.String()), " "); s != "" {
			lines = append(lines, s)
		}
		line.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return lines
		case html.TextToken:
			if skip == 0 {
				line.WriteString(html.UnescapeString(string(z.Raw())))
				line.WriteByte(' ')
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if breaksLine[a] {
				flush()
			}
		}
	}
}

// breaksLine holds the elements that start a new line of text.
var breaksLine = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Details: true, atom.Summary: true, atom.Figure: true,
	atom.Figcaption: true, atom.Pre: true, atom.Hr: true, atom.Address: true, atom.Header: true, atom.Footer: true,
}
