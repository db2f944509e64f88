package redline

import (
	"sort"
	"strconv"
)

// Rename thresholds: an old section whose id vanished is matched with a new
// section whose id is new when their headings share at least
// minHeadingSimilarity of their words, or their bodies minBodySimilarity.
const (
	minHeadingSimilarity = 0.5
	minBodySimilarity    = 0.7
	minBodyWords         = 8
	// maxRenamePairs bounds the comparisons of unmatched sections; beyond
	// it (hundreds of renamed sections at once) renames are not detected.
	maxRenamePairs = 1 << 14
)

// group is one section of a version: a heading and the blocks up to the
// next heading, or the preamble.
type group struct {
	key   string // id, made unique among repeated ids
	id    string
	title string
	segs  []segment // one per block
	head  *segment  // the title, for rename matching
	body  *segment  // all non-heading blocks, for rename matching
}

// groupSections splits blocks into sections: runs of blocks with the same
// Section id.
func (d *Differ) groupSections(blocks []Block) []*group {
	var gs []*group
	seen := map[string]int{}
	for _, b := range blocks {
		seg := d.segment(b)
		if n := len(gs); n > 0 && gs[n-1].id == b.Section {
			gs[n-1].add(b, seg)
			continue
		}
		g := &group{key: b.Section, id: b.Section}
		if seen[b.Section]++; seen[b.Section] > 1 {
			g.key += "\x00" + strconv.Itoa(seen[b.Section])
		}
		g.add(b, seg)
		gs = append(gs, g)
	}
	return gs
}

// segment parses one block, or returns the parse of an identical block
// seen before. Parsed nodes are never modified afterwards, so sharing them
// between versions is safe.
func (d *Differ) segment(b Block) segment {
	key := blockKey{b.Kind, b.HTML}
	if seg, ok := d.segs[key]; ok {
		return seg
	}
	var seg segment
	if b.WellFormed {
		seg = lazySegment("block:"+b.Kind, b.HTML)
	} else {
		seg = newSegment("block:"+b.Kind, parseHTML(b.HTML))
	}
	d.segs[key] = seg
	return seg
}

// add appends a block to the section; its first heading gives the title.
func (g *group) add(b Block, seg segment) {
	g.segs = append(g.segs, seg)
	if b.Kind != "heading" || g.title != "" {
		return
	}
	// The block's Text, not its parse, so that a title never depends on
	// whether an earlier comparison happened to parse the heading.
	if g.title = collapseSpace(b.Text); g.title == "" {
		g.title = collapseSpace(textOf(seg.tree()))
	}
}

// bodySegment returns a segment over the section's non-heading blocks.
func (g *group) bodySegment() *segment {
	if g.body == nil {
		var nodes []*node
		for _, s := range g.segs {
			if s.kind != "block:heading" {
				nodes = append(nodes, s.tree()...)
			}
		}
		g.body = &segment{content: &content{nodes: nodes}}
	}
	return g.body
}

// matchSections matches new sections with old ones, first by id, then by
// similar headings or bodies (renamed headings). It returns, for each new
// section, the index of its old section or -1.
func matchSections(old, new []*group) []int {
	byKey := make(map[string]int, len(old))
	for i, g := range old {
		byKey[g.key] = i
	}
	newToOld := make([]int, len(new))
	used := make([]bool, len(old))
	for j, g := range new {
		newToOld[j] = -1
		if i, ok := byKey[g.key]; ok {
			newToOld[j], used[i] = i, true
		}
	}
	matchRenamed(old, new, newToOld, used)
	return newToOld
}

// candidate is a possible rename: old section i as new section j.
type candidate struct {
	i, j  int
	score float64
}

// matchRenamed matches unmatched sections with similar headings or bodies,
// best scores first.
func matchRenamed(old, new []*group, newToOld []int, used []bool) {
	if count(newToOld, -1)*count(used, false) > maxRenamePairs {
		return
	}
	var cands []candidate
	for j, ng := range new {
		for i, og := range old {
			if newToOld[j] >= 0 || used[i] || og.id == "" || ng.id == "" {
				continue
			}
			if s := renameScore(og, ng); s > 0 {
				cands = append(cands, candidate{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].score > cands[y].score })
	for _, c := range cands {
		if newToOld[c.j] < 0 && !used[c.i] {
			newToOld[c.j], used[c.i] = c.i, true
		}
	}
}

// renameScore scores old section a as a renamed new section b; 0 means
// they do not match.
func renameScore(a, b *group) float64 {
	head := similarity(a.headSegment(), b.headSegment())
	body := similarity(a.bodySegment(), b.bodySegment())
	if len(a.body.bag) < minBodyWords || len(b.body.bag) < minBodyWords {
		body = 0
	}
	if head < minHeadingSimilarity && body < minBodySimilarity {
		return 0
	}
	return head + body
}

// headSegment returns a segment over the section's title.
func (g *group) headSegment() *segment {
	if g.head == nil {
		g.head = &segment{content: &content{nodes: []*node{{text: g.title}}}}
	}
	return g.head
}

// count counts the elements of s equal to v.
func count[T comparable](s []T, v T) int {
	n := 0
	for _, e := range s {
		if e == v {
			n++
		}
	}
	return n
}

// entry is one section of the redline: an old section, a new one, or both.
type entry struct{ old, new int }

// orderSections lists the sections of the redline in new-document order,
// each removed section placed after the section that preceded it in the
// old version.
func orderSections(nOld int, newToOld []int) []entry {
	after := removedAfter(nOld, newToOld)
	var out []entry
	for j := 0; j <= len(newToOld); j++ {
		for _, i := range after[j] {
			out = append(out, entry{i, -1})
		}
		if j < len(newToOld) {
			out = append(out, entry{newToOld[j], j})
		}
	}
	return out
}

// removedAfter returns, for each j, the old sections without a match that
// go just before new section j (after the last one for j = len(newToOld)):
// those whose nearest matched predecessor is new section j-1.
func removedAfter(nOld int, newToOld []int) [][]int {
	oldToNew := make([]int, nOld)
	for i := range oldToNew {
		oldToNew[i] = -1
	}
	for j, i := range newToOld {
		if i >= 0 {
			oldToNew[i] = j
		}
	}
	after := make([][]int, len(newToOld)+1)
	at := 0
	for i, j := range oldToNew {
		if j >= 0 {
			at = j + 1
			continue
		}
		after[at] = append(after[at], i)
	}
	return after
}
