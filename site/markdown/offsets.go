package markdown

import "sort"

// offsetMap maps byte offsets of the text goldmark parses (the source
// with Liquid substituted) back to offsets of the source as written, so
// that errors, heading lines and link positions name the file's own line
// and column. The zero offsetMap is the identity.
type offsetMap struct {
	segs []mapSeg // ascending by out
}

// mapSeg is one run of the substituted text: either text copied from the
// source (literal) or a value inserted in place of the tag at
// src..src+srcLen.
type mapSeg struct {
	out, src, srcLen int
	literal          bool
}

// copied records that out now continues with the source bytes from src on,
// extending the last literal run when it is contiguous.
func (m *offsetMap) copied(out, src int) {
	if n := len(m.segs); n > 0 {
		last := m.segs[n-1]
		if last.literal && last.src+(out-last.out) == src {
			return
		}
	}
	m.segs = append(m.segs, mapSeg{out: out, src: src, literal: true})
}

// inserted records that a value starting at out replaces the tag of
// srcLen bytes at src.
func (m *offsetMap) inserted(out, src, srcLen int) {
	m.segs = append(m.segs, mapSeg{out: out, src: src, srcLen: srcLen})
}

// find returns the segment holding out, or ok=false for the identity.
func (m *offsetMap) find(out int) (mapSeg, bool) {
	if m == nil || len(m.segs) == 0 {
		return mapSeg{}, false
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].out > out }) - 1
	if i < 0 {
		i = 0
	}
	return m.segs[i], true
}

// source maps an offset of the substituted text to the source: an offset
// inside an inserted value maps to the start of its tag.
func (m *offsetMap) source(out int) int {
	s, ok := m.find(out)
	if !ok || out < 0 {
		return out
	}
	if s.literal {
		return s.src + out - s.out
	}
	return s.src
}

// sourceEnd maps the exclusive end of a span of the substituted text to
// the source: a span ending inside an inserted value ends after its tag.
func (m *offsetMap) sourceEnd(end int) int {
	if end <= 0 {
		return m.source(end)
	}
	s, ok := m.find(end - 1)
	if !ok {
		return end
	}
	if s.literal {
		return s.src + end - s.out
	}
	return s.src + s.srcLen
}
