package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages often show their dates as lines of one paragraph: "Last updated:
// March 1, 2025<br>Effective date: April 1, 2025", or spans that a style
// sheet puts on lines of their own. Converted as one paragraph, the dates
// run together and neither can be read. So a paragraph that holds date
// lines is split into its lines first, and each date line is read, or
// kept as a paragraph of its own, where clause's reading of dates in the
// text finds it.

// dateLabel finds the label of a date line anywhere in a text, also
// run together with the text before it ("2025Effective date").
var dateLabel = regexp.MustCompile(`(?i)(?:last[\s-]+(?:updated|revised|modified)|effective)`)

// dateLabelStart matches a text that starts with a date label.
var dateLabelStart = regexp.MustCompile(`(?i)^[\s*_]*(?:last[\s-]+(?:updated|revised|modified)|effective)\b`)

// isDateLine reports whether a line of plain text types a date, or joins
// date lines with a separator.
func isDateLine(s string) bool {
	_, _, ok := anyDateLine(s)
	return ok || splitDateLine(s) != nil
}

// splitDateLines splits a run of inline nodes that holds date lines into
// paragraphs: each date line alone, and the lines between date lines
// together with the <br> between them. It returns nil when the run is one
// paragraph: a single date line, or no date line at all. The nodes it
// returns are copies; the run itself is left as it was.
func splitDateLines(nodes []*html.Node) [][]*html.Node {
	if !dateLabel.MatchString(textOfAll(nodes)) {
		return nil
	}
	var lines [][]*html.Node
	for _, l := range breakLines(liftBreaks(nodes)) {
		lines = append(lines, splitRunTogether(l)...)
	}
	var out [][]*html.Node
	var rest []*html.Node // lines that are not dates, with their breaks
	dates := 0
	for _, l := range lines {
		switch {
		case blank(l):
		case !isDateLine(plainText(l)):
			if len(rest) > 0 {
				rest = append(rest, &html.Node{Type: html.ElementNode, DataAtom: atom.Br, Data: "br"})
			}
			rest = append(rest, l...)
		default:
			if len(rest) > 0 {
				out, rest = append(out, rest), nil
			}
			out, dates = append(out, l), dates+1
		}
	}
	if len(rest) > 0 {
		out = append(out, rest)
	}
	if dates == 0 || len(out) < 2 {
		return nil
	}
	return out
}

// breakLines splits a run of inline nodes at its <br> elements.
func breakLines(nodes []*html.Node) [][]*html.Node {
	var lines [][]*html.Node
	var cur []*html.Node
	for _, n := range nodes {
		if isBr(n) {
			lines, cur = append(lines, cur), nil
			continue
		}
		cur = append(cur, n)
	}
	return append(lines, cur)
}

// splitRunTogether splits a line made of several date lines with no
// break between them, as "<span>Last updated: March 1,
// 2025</span><span>Effective date: April 1, 2025</span>" reads: it is cut
// before each element that starts with a date label, when every piece is
// a date line. Any other line is returned whole.
func splitRunTogether(line []*html.Node) [][]*html.Node {
	var pieces [][]*html.Node
	start := 0
	for i := 1; i < len(line); i++ {
		if line[i].Type == html.ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
			pieces, start = append(pieces, line[start:i]), i
		}
	}
	pieces = append(pieces, line[start:])
	if len(pieces) == 1 {
		return pieces
	}
	for _, p := range pieces {
		if !blank(p) && !isDateLine(plainText(p)) {
			return [][]*html.Node{line}
		}
	}
	return pieces
}

// blank reports whether a run of nodes is only white space.
func blank(nodes []*html.Node) bool {
	for _, n := range nodes {
		if n.Type != html.TextNode || strings.TrimSpace(n.Data) != "" {
			return false
		}
	}
	return true
}

// liftBreaks returns a copy of a run of inline nodes with the <br>
// elements inside its inline elements lifted to the top: <em>a<br>b</em>
// becomes <em>a</em><br><em>b</em>. An element's id stays on its first
// piece.
func liftBreaks(nodes []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if n.Type != html.ElementNode || isBr(n) {
			out = append(out, shallowCopy(n, true))
			continue
		}
		kids := liftBreaks(childNodes(n))
		var piece *html.Node
		first := true
		for _, k := range kids {
			if isBr(k) {
				out, piece = append(out, k), nil
				continue
			}
			if piece == nil {
				piece, first = shallowCopy(n, first), false
				out = append(out, piece)
			}
			piece.AppendChild(k)
		}
		if first {
			out = append(out, shallowCopy(n, true)) // an empty element, such as an anchor
		}
	}
	return out
}

// isBr reports whether n is a <br>.
func isBr(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.Br }

// shallowCopy returns a detached copy of n without its children, with
// its id and name when withID is true.
func shallowCopy(n *html.Node, withID bool) *html.Node {
	if !withID {
		return copyWithoutID(n)
	}
	return &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
}

// plainText returns the text of a run of inline nodes as one line, a
// <br> read as a space.
func plainText(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		walkText(n, &b)
	}
	return collapse(b.String())
}

// walkText writes n's text to b, with a space for each <br>.
func walkText(n *html.Node, b *strings.Builder) {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
	case n.Type == html.ElementNode && n.DataAtom == atom.Br:
		b.WriteString(" ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(c, b)
	}
}
