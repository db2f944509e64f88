package redline

import "encoding/binary"

// sectionMemo remembers the redline body of every pair of sections a
// Differ has compared, and of every pair of blocks it has diffed. Comparing each archived version with the version
// in force compares the same pair of sections again for every version in
// which an old section stayed as it was; the second time the body is
// copied. A body depends only on the two sections' blocks, so it is
// keyed by them: each distinct block (a segment's content, which the
// Differ shares between versions) gets a number, and a pair of sections
// is the list of its blocks' numbers. When a section changed again since
// an archived version, its pair is new, but most of its changed blocks
// are not: an old paragraph that stayed the same over several versions is
// diffed with the same paragraph of the version in force each time. So
// the redline of each pair of blocks is remembered too, keyed by the two
// blocks' contents, which the Differ shares between versions.
type sectionMemo struct {
	ids    map[*content]uint32
	bodies map[string]sectionBody
	pairs  map[blockPair]sectionBody
}

// blockPair is a pair of top-level blocks diffed with each other, by
// their shared contents. A block's content is made with its segment
// (Differ.segment, keyed by the block's kind and HTML), so it also names
// the block's kind.
type blockPair struct{ a, b *content }

// sectionBody is a section's redline HTML and the number of change marks
// in it.
type sectionBody struct {
	html  string
	marks int
}

// newSectionMemo returns an empty memory.
func newSectionMemo() *sectionMemo {
	return &sectionMemo{ids: map[*content]uint32{}, bodies: map[string]sectionBody{}, pairs: map[blockPair]sectionBody{}}
}

// section returns the redline body of section a (old) against b (new)
// and the number of its marks, from memory when the pair was compared
// before. labels are the Differ's, the same for every body it remembers.
func (m *sectionMemo) section(labels *labels, a, b *group) sectionBody {
	k := m.key(a, b)
	body, ok := m.bodies[k]
	if !ok {
		out := writer{labels: labels}
		size := outSize(b.segs)
		out.Grow(size + size/4) // room for the marks around changes, as in Diff
		writeSteps(&out, a.segs, b.segs, alignSegments(a.segs, b.segs), "\n", m.diffBlocks)
		body = sectionBody{html: out.String(), marks: out.marks}
		m.bodies[k] = body
	}
	return body
}

// diffBlocks writes the redline of two paired top-level blocks to w, as
// diffSegment does, and counts its marks in w. The redline depends only
// on the two blocks and the Differ's labels.
func (m *sectionMemo) diffBlocks(w *writer, a, b *segment) {
	k := blockPair{a: a.content, b: b.content}
	body, ok := m.pairs[k]
	if !ok {
		out := writer{labels: w.labels}
		out.Grow(len(a.out) + len(b.out)) // the new block, with room for what was removed
		diffSegment(&out, a, b)
		body = sectionBody{html: out.String(), marks: out.marks}
		m.pairs[k] = body
	}
	w.WriteString(body.html)
	w.marks += body.marks
}

// key returns the numbers of a's blocks then b's, after a's count.
func (m *sectionMemo) key(a, b *group) string {
	buf := make([]byte, 0, 4*(1+len(a.segs)+len(b.segs)))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(a.segs)))
	for _, segs := range [][]segment{a.segs, b.segs} {
		for i := range segs {
			buf = binary.LittleEndian.AppendUint32(buf, m.id(segs[i].content))
		}
	}
	return string(buf)
}

// id returns the number of a block's content, giving it the next one the
// first time.
func (m *sectionMemo) id(c *content) uint32 {
	id, ok := m.ids[c]
	if !ok {
		id = uint32(len(m.ids))
		m.ids[c] = id
	}
	return id
}

// outSize returns the total length of the segments' rendered HTML.
func outSize(segs []segment) int {
	n := 0
	for i := range segs {
		n += len(segs[i].out) + 1
	}
	return n
}
