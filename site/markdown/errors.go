package markdown

import (
	"bytes"
	"sort"

	"github.com/clause-dev/clause/site/internal/diag"
)

// Error is a problem at a line of the source: Line and Col (a byte
// column) are 1-based in src and Path is empty; the caller places it in
// its file.
type Error = diag.Diagnostic

// pendingError is an Error whose position is still a byte offset in src.
type pendingError struct {
	off       int
	msg, hint string
}

// lineIndex maps byte offsets of a source to 1-based lines and columns.
type lineIndex struct {
	newlines []int // offsets of every '\n', ascending
}

// newLineIndex scans src once for newlines.
func newLineIndex(src []byte) lineIndex {
	nl := make([]int, 0, bytes.Count(src, []byte{'\n'}))
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		nl = append(nl, off+i)
		off += i + 1
	}
	return lineIndex{newlines: nl}
}

// position returns the 1-based line and column of byte offset off.
// A '\n' belongs to the line it terminates; negative offsets map to 1:1.
func (ix lineIndex) position(off int) (line, col int) {
	if off < 0 {
		return 1, 1
	}
	i := sort.SearchInts(ix.newlines, off)
	start := 0
	if i > 0 {
		start = ix.newlines[i-1] + 1
	}
	return i + 1, off - start + 1
}

// line returns the 1-based line of byte offset off.
func (ix lineIndex) line(off int) int {
	l, _ := ix.position(off)
	return l
}

// resolveErrors converts pending errors to Errors sorted by line, then column.
func resolveErrors(ix lineIndex, pending []pendingError) []Error {
	if len(pending) == 0 {
		return nil
	}
	out := make([]Error, len(pending))
	for i, p := range pending {
		line, col := ix.position(p.off)
		out[i] = Error{Line: line, Col: col, Msg: p.msg, Hint: p.hint}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}
