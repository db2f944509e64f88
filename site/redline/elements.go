package redline

import "strings"

// set builds a lookup table from a list of element names.
func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// voidElements have no end tag and no content.
var voidElements = set("area", "base", "br", "col", "embed", "hr", "img",
	"input", "keygen", "link", "meta", "param", "source", "track", "wbr")

// blockElements are laid out as blocks; redline runs never contain them.
var blockElements = set("address", "article", "aside", "blockquote", "body",
	"caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
	"frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
	"hr", "html", "legend", "li", "main", "menu", "nav", "ol", "optgroup",
	"option", "p", "pre", "search", "section", "summary", "table", "tbody",
	"td", "tfoot", "th", "thead", "tr", "ul")

// rawTextElements hold text that the tokenizer does not unescape, so it
// is written back verbatim.
var rawTextElements = set("iframe", "noembed", "noframes", "noscript",
	"script", "style", "xmp")

// decorElements are invisible or non-textual: they are never diffed word by
// word or wrapped in a change run; the new version's copy is kept as is.
var decorElements = set("base", "link", "meta", "noembed", "noframes",
	"noscript", "script", "style", "template", "title")

// atomicElements are compared as a whole and never split into words.
var atomicElements = set("audio", "canvas", "iframe", "math", "object",
	"picture", "select", "svg", "textarea", "video", "xmp")

// structuralElements only hold other elements, so text between their
// children is insignificant white space.
var structuralElements = set("colgroup", "dir", "dl", "menu", "ol", "table",
	"tbody", "tfoot", "thead", "tr", "ul")

// thresholdKinds are segment kinds paired for a word-level diff only when
// their texts are similar enough; dissimilar ones are shown as a removal and
// an addition. Other kinds (containers, cells, headings, inline runs) always
// pair with a segment of the same kind, so that structure is kept.
var thresholdKinds = set("p", "li", "tr", "dt", "dd", "pre",
	"block:paragraph", "block:code", "block:html", "block:other", "block:hr")

// isDecor reports whether n is a decorative element, including heading
// permalink anchors such as <a class="anchor">.
func isDecor(n *node) bool {
	if !n.elem {
		return false
	}
	if decorElements[n.name] {
		return true
	}
	return n.name == "a" && isAnchorClass(attr(n.attrs, "class"))
}

// isAnchorClass reports whether a class list marks a permalink anchor.
func isAnchorClass(classes string) bool {
	for _, c := range strings.Fields(classes) {
		if c == "anchor" || strings.HasSuffix(c, "-anchor") || strings.HasPrefix(c, "anchor-") {
			return true
		}
	}
	return false
}

// isAtomic reports whether n is an element compared and written whole.
func isAtomic(n *node) bool {
	return n.elem && (atomicElements[n.name] || voidElements[n.name] || isDecor(n))
}

// markClass returns the class marking a wholly added or removed element.
func markClass(name string, o opKind) string {
	suffix := "-added"
	if o == opDelete {
		suffix = "-removed"
	}
	switch name {
	case "tr":
		return "row" + suffix
	case "li", "dt", "dd":
		return "item" + suffix
	case "td", "th":
		return "cell" + suffix
	}
	return "block" + suffix
}

// changedClass returns the class marking a row or item whose content
// changed, or "" for other elements.
func changedClass(name string) string {
	switch name {
	case "tr":
		return "row-changed"
	case "li", "dt", "dd":
		return "item-changed"
	}
	return ""
}

// pairKind returns the kind used to decide which segments may pair: header
// and data cells pair with each other so that table columns stay aligned.
func pairKind(kind string) string {
	if kind == "td" || kind == "th" {
		return "cell"
	}
	return kind
}
