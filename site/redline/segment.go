package redline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineKind is the kind of a segment made of a run of inline nodes.
const inlineKind = "#inline"

// segment is one unit of alignment: a block element, a run of inline
// nodes, or a top-level block of a policy.
type segment struct {
	kind string
	key  string // kind and normalized HTML, for equality
	*content
}

// content is what a segment holds. Copies of a segment share it, so that
// a parse or a word count made for one use serves every other.
type content struct {
	src    string   // HTML not parsed yet; "" once nodes hold its parse
	nodes  []*node  // the parse; use tree, which parses src first
	out    string   // the nodes rendered, written as is when unchanged
	bag    []uint64 // the words, computed on demand: see wordBag
	bagged bool
	split  *[]segment // the nodes split into segments, once they have been (see segments)
	toks   *[]token   // the nodes' tokens, once they have been flattened (see tokens)
}

// newSegment returns a segment of the given kind over nodes.
func newSegment(kind string, nodes []*node) segment {
	out := renderString(nodes)
	return segment{kind: kind, key: kind + "\x00" + collapseSpace(out), content: &content{nodes: nodes, out: out}}
}

// lazySegment returns a segment of the given kind over well-formed HTML,
// which is parsed only when the segment is compared with a different one.
// Its key collapses white space as newSegment's does, so a reflowed block
// compares equal without a parse.
func lazySegment(kind, html string) segment {
	return segment{kind: kind, key: kind + "\x00" + collapseSpace(html), content: &content{src: html, out: html}}
}

// tree returns the segment's nodes, parsing its HTML on first use.
func (c *content) tree() []*node {
	if c.src != "" {
		c.nodes, c.src = parseHTML(c.src), ""
	}
	return c.nodes
}

// collapseSpace returns s with every run of white space replaced by one
// space and none at either end, as strings.Join(strings.Fields(s), " ")
// does, in one pass and at most one allocation: s itself when it has
// nothing to collapse.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := spanOf(s, i, true)
		if j == len(s) {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		i = spanOf(s, j, false)
		b.WriteString(s[j:i])
	}
	return b.String()
}

// isCollapsed reports whether collapseSpace would return s unchanged: its
// only white space is single ASCII spaces between other characters.
func isCollapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			if asciiSpace[c] {
				return false
			}
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size
			continue
		}
		i++
	}
	return true
}

// spanOf returns the end of the run of white space (space is true) or of
// other characters starting at s[i].
func spanOf(s string, i int, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) != space {
			break
		}
		i += size
	}
	return i
}

// isSpace reports whether r is white space, with a fast path for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// asciiSpace marks the ASCII white-space characters, as unicode.IsSpace
// does.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true}

// splitSegments splits sibling nodes into block elements and runs of
// inline nodes. Runs of white space are dropped when blocks surround them.
func splitSegments(nodes []*node) []segment {
	var segs []segment
	var run []*node
	hasBlock := false
	flush := func() {
		if len(run) > 0 {
			segs = append(segs, newSegment(inlineKind, run))
			run = nil
		}
	}
	for _, n := range nodes {
		if n.elem && n.block {
			flush()
			segs = append(segs, newSegment(n.name, []*node{n}))
			hasBlock = true
			continue
		}
		run = append(run, n)
	}
	flush()
	if hasBlock {
		segs = dropBlankRuns(segs)
	}
	return segs
}

// dropBlankRuns removes inline segments made only of white space.
func dropBlankRuns(segs []segment) []segment {
	out := segs[:0]
	for _, s := range segs {
		if s.kind == inlineKind && isBlank(s.tree()) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// isBlank reports whether nodes are texts made only of white space.
func isBlank(nodes []*node) bool {
	for _, n := range nodes {
		if n.elem || strings.TrimSpace(n.text) != "" {
			return false
		}
	}
	return true
}
