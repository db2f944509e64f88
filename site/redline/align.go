package redline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineKind is the kind of a segment made of a run of inline nodes.
const inlineKind = "#inline"

// minSimilarity is the least word similarity for which two paragraphs,
// rows or items are diffed word by word rather than shown as a removal and
// an addition.
const minSimilarity = 0.4

// maxPairCells bounds the size of the pairing table of one change region;
// larger regions pair segments by position instead.
const maxPairCells = 1 << 18

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
}

// newSegment returns a segment of the given kind over nodes.
func newSegment(kind string, nodes []*node) segment {
	out := renderString(nodes)
	return segment{kind: kind, key: kind + "\x00" + collapseSpace(out), content: &content{nodes: nodes, out: out}}
}

// lazySegment returns a segment of the given kind over well-formed HTML,
// which is parsed only when the segment is compared with a different one.
// Its key is the HTML as is: a block that differs only in white space
// is compared word by word, which finds no change.
func lazySegment(kind, html string) segment {
	return segment{kind: kind, key: kind + "\x00" + html, content: &content{src: html, out: html}}
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
// does, in one pass and one allocation.
func collapseSpace(s string) string {
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

// spanOf returns the end of the run of white space (space is true) or of
// other characters starting at s[i].
func spanOf(s string, i int, space bool) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) != space {
			break
		}
		i += size
	}
	return i
}

// isSpace reports whether r is white space, with a fast path for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

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

// step is one step of an alignment: a pair of segments (equal or to be
// diffed), a removed old segment (b < 0) or an added new one (a < 0).
type step struct {
	a, b  int
	equal bool
}

// alignSegments aligns two segment lists: a Myers diff over their keys,
// then, within each change, a pairing of similar segments of the same kind.
func alignSegments(sa, sb []segment) []step {
	ops := diffKeys(segmentKeys(sa), segmentKeys(sb))
	var steps []step
	i, j := 0, 0
	for k := 0; k < len(ops); {
		if ops[k].kind == opEqual {
			for n := 0; n < ops[k].n; n++ {
				steps = append(steps, step{i + n, j + n, true})
			}
			i, j, k = i+ops[k].n, j+ops[k].n, k+1
			continue
		}
		d, in := 0, 0
		for ; k < len(ops) && ops[k].kind != opEqual; k++ {
			if ops[k].kind == opDelete {
				d += ops[k].n
			} else {
				in += ops[k].n
			}
		}
		steps = append(steps, pairRegion(sa[i:i+d], sb[j:j+in], i, j)...)
		i, j = i+d, j+in
	}
	return steps
}

// segmentKeys returns the keys of segs.
func segmentKeys(segs []segment) []string {
	keys := make([]string, len(segs))
	for i := range segs {
		keys[i] = segs[i].key
	}
	return keys
}

// pairRegion turns one change region into steps: paired segments in
// order, with unpaired removals before unpaired additions between them.
func pairRegion(as, bs []segment, i0, j0 int) []step {
	var steps []step
	pi, pj := 0, 0
	pairs := append(matchRegion(as, bs), [2]int{len(as), len(bs)})
	for _, p := range pairs {
		for ; pi < p[0]; pi++ {
			steps = append(steps, step{i0 + pi, -1, false})
		}
		for ; pj < p[1]; pj++ {
			steps = append(steps, step{-1, j0 + pj, false})
		}
		if p[0] < len(as) {
			steps = append(steps, step{i0 + pi, j0 + pj, false})
			pi, pj = pi+1, pj+1
		}
	}
	return steps
}

// matchRegion pairs segments of as and bs, preserving order and maximizing
// the total pairing weight (dynamic programming over the region).
func matchRegion(as, bs []segment) [][2]int {
	n, m := len(as), len(bs)
	if n == 1 && m == 1 {
		if canPair(&as[0], &bs[0]) {
			return [][2]int{{0, 0}}
		}
		return nil
	}
	if n*m > maxPairCells {
		return matchDiagonal(as, bs)
	}
	t := newPairTable(as, bs)
	var pairs [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch wt := t.w[i*m+j]; {
		case wt > 0 && t.at(i, j) == wt+t.at(i+1, j+1):
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case t.at(i, j) == t.at(i+1, j):
			i++
		default:
			j++
		}
	}
	return pairs
}

// pairTable holds pairing weights w and the best total weight of pairing
// each suffix of a region.
type pairTable struct {
	m     int // len(bs)
	w, dp []float64
}

// newPairTable computes the pairing table of a region.
func newPairTable(as, bs []segment) *pairTable {
	n, m := len(as), len(bs)
	t := &pairTable{m: m, w: make([]float64, n*m), dp: make([]float64, (n+1)*(m+1))}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			wt := pairWeight(&as[i], &bs[j])
			t.w[i*m+j] = wt
			best := max(t.at(i+1, j), t.at(i, j+1))
			if wt > 0 {
				best = max(best, wt+t.at(i+1, j+1))
			}
			t.dp[i*(m+1)+j] = best
		}
	}
	return t
}

// at returns the best total weight pairing as[i:] with bs[j:].
func (t *pairTable) at(i, j int) float64 { return t.dp[i*(t.m+1)+j] }

// matchDiagonal pairs segments by position, for regions too large to
// optimize, such as a long table whose every row gained a column.
func matchDiagonal(as, bs []segment) [][2]int {
	var pairs [][2]int
	for i := 0; i < min(len(as), len(bs)); i++ {
		if pairWeight(&as[i], &bs[i]) > 0 {
			pairs = append(pairs, [2]int{i, i})
		}
	}
	return pairs
}

// canPair reports whether a and b may pair, that is pairWeight(a, b) > 0,
// without comparing their words when their kind always pairs.
func canPair(a, b *segment) bool {
	if pairKind(a.kind) == pairKind(b.kind) && !thresholdKinds[a.kind] {
		return true
	}
	return pairWeight(a, b) > 0
}

// pairWeight scores pairing a with b; 0 means they must not pair.
func pairWeight(a, b *segment) float64 {
	if pairKind(a.kind) != pairKind(b.kind) {
		return 0
	}
	sim := similarity(a, b)
	if !thresholdKinds[a.kind] {
		return 1 + sim
	}
	if sim >= minSimilarity {
		return sim
	}
	return 0
}

// similarity returns the Dice coefficient of the word multisets of a and b.
func similarity(a, b *segment) float64 {
	a.fillBag()
	b.fillBag()
	if len(a.bag)+len(b.bag) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a.bag) && j < len(b.bag); {
		switch {
		case a.bag[i] < b.bag[j]:
			i++
		case a.bag[i] > b.bag[j]:
			j++
		default:
			common, i, j = common+1, i+1, j+1
		}
	}
	return 2 * float64(common) / float64(len(a.bag)+len(b.bag))
}

// fillBag computes the word multiset of s once.
func (s *segment) fillBag() {
	if !s.bagged {
		s.bag, s.bagged = wordBag(textOf(s.tree())), true
	}
}

// wordBag returns the multiset of the lower-cased words of text as a
// sorted list of their 64-bit FNV-1a hashes, so that two multisets
// intersect in one merge, without maps or lower-cased copies.
func wordBag(text string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	var bag []uint64
	h, in := uint64(offset), false
	for _, r := range text {
		if isWordRune(r) {
			h, in = (h^uint64(unicode.ToLower(r)))*prime, true
			continue
		}
		if in {
			bag = append(bag, h)
			h, in = offset, false
		}
	}
	if in {
		bag = append(bag, h)
	}
	slices.Sort(bag)
	return bag
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}
