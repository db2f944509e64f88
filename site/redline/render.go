package redline

import (
	"strings"

	"golang.org/x/net/html"
)

// writer accumulates redline HTML and counts the change marks written.
type writer struct {
	strings.Builder
	marks  int     // change runs and wholly added or removed elements
	labels *labels // the Differ's, or nil for the English ones
}

// open returns the opening of a change run of operation o: <ins> or
// <del> with its visually hidden label.
func (w *writer) open(o opKind) string {
	if w.labels == nil {
		if o == opInsert {
			return insOpen
		}
		return delOpen
	}
	if o == opInsert {
		return w.labels.ins
	}
	return w.labels.del
}

// attrEscaper escapes a double-quoted attribute value.
var attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&#34;", "<", "&lt;",
	">", "&gt;", "\x00", "\ufffd")

// writeText writes escaped text: &, < and > as entities, non-breaking
// spaces as &nbsp; so that they stay visible in the source, and NUL as
// U+FFFD. It scans bytes and copies the runs between them whole (a
// strings.Replacer with a two-byte key took a tenth of a redline's time).
func writeText(w *writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var entity string
		switch s[i] {
		case '&':
			entity = "&amp;"
		case '<':
			entity = "&lt;"
		case '>':
			entity = "&gt;"
		case 0:
			entity = "\ufffd"
		case 0xc2: // the first byte of U+00A0 in UTF-8
			if i+1 == len(s) || s[i+1] != 0xa0 {
				continue
			}
			entity = "&nbsp;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(entity)
		if entity == "&nbsp;" {
			i++
		}
		last = i + 1
	}
	w.WriteString(s[last:])
}

// writeStartTag writes a start tag with the given attributes.
func writeStartTag(w *writer, name string, attrs []html.Attribute) {
	w.WriteByte('<')
	w.WriteString(name)
	for _, a := range attrs {
		if a.Key == "" {
			continue
		}
		w.WriteByte(' ')
		w.WriteString(a.Key)
		w.WriteString(`="`)
		attrEscaper.WriteString(w, a.Val)
		w.WriteByte('"')
	}
	w.WriteByte('>')
}

// writeEndTag writes the end tag of a non-void element.
func writeEndTag(w *writer, name string) {
	if voidElements[name] {
		return
	}
	w.WriteString("</")
	w.WriteString(name)
	w.WriteByte('>')
}

// renderNode writes n as well-formed HTML.
func renderNode(w *writer, n *node) {
	renderWith(w, n, n.attrs)
}

// renderWith writes n as well-formed HTML, using attrs for its start tag.
func renderWith(w *writer, n *node, attrs []html.Attribute) {
	if !n.elem {
		if n.raw {
			w.WriteString(n.text)
		} else {
			writeText(w, n.text)
		}
		return
	}
	writeStartTag(w, n.name, attrs)
	renderNodes(w, n.children)
	writeEndTag(w, n.name)
}

// renderNodes writes a list of nodes.
func renderNodes(w *writer, nodes []*node) {
	for _, n := range nodes {
		renderNode(w, n)
	}
}

// renderString returns the HTML of a list of nodes.
func renderString(nodes []*node) string {
	var w writer
	renderNodes(&w, nodes)
	return w.String()
}

// withClass returns a copy of attrs with cls added to the class list.
func withClass(attrs []html.Attribute, cls string) []html.Attribute {
	out := make([]html.Attribute, 0, len(attrs)+1)
	done := false
	for _, a := range attrs {
		if a.Key == "class" && !done {
			a.Val = strings.TrimSpace(a.Val + " " + cls)
			done = true
		}
		out = append(out, a)
	}
	if !done {
		out = append(out, html.Attribute{Key: "class", Val: cls})
	}
	return out
}

// removedIDs returns a copy of attrs whose id, if any, is prefixed with
// "removed-", so that removed content never duplicates an id of the new
// version.
func removedIDs(attrs []html.Attribute) []html.Attribute {
	out := make([]html.Attribute, len(attrs))
	copy(out, attrs)
	for i, a := range out {
		if a.Key == "id" && a.Val != "" {
			out[i].Val = "removed-" + a.Val
		}
	}
	return out
}
