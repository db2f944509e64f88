package frontmatter

import (
	"sort"
	"strings"
)

// textIndex converts byte offsets in front matter text to file positions.
type textIndex struct {
	data  []byte
	base  int   // file line before the text's first line
	lines []int // byte offset at which each line of the text starts
}

// newTextIndex indexes the lines of data, which starts after file line base.
func newTextIndex(data []byte, base int) *textIndex {
	t := &textIndex{data: data, base: base, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// pos returns the file line of byte offset off and its 1-based byte
// column.
func (t *textIndex) pos(off int) Pos {
	off = min(max(off, 0), len(t.data))
	n := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	return Pos{Line: t.base + 1 + n, Col: 1 + off - t.lines[n]}
}

// skip returns the offset of the first byte at or after off not in set.
func (t *textIndex) skip(off int, set string) int {
	off = max(off, 0)
	for off < len(t.data) && strings.IndexByte(set, t.data[off]) >= 0 {
		off++
	}
	return off
}

// lastNonSpace returns the offset of the last non-space byte at or before
// off, so an error at the end of the text points at what was read last.
func (t *textIndex) lastNonSpace(off int) int {
	off = min(off, len(t.data)-1)
	for off > 0 && strings.IndexByte(" \t\r\n", t.data[off]) >= 0 {
		off--
	}
	return off
}
