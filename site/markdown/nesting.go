package markdown

import (
	"bytes"
	"fmt"
)

// MaxNesting is the deepest nesting of block quotes and list items a body
// may have. goldmark's time grows with the square of the nesting (400,000
// ">" took 76 s), and no document needs more than a few levels.
const MaxNesting = 100

// container is an open block quote or list item while scanning: a list
// item's lines are indented by its content column.
type container struct {
	quote  bool
	indent int // a list item's content indent, in columns
}

// nestingError returns an Error at the block quote or list marker that
// opens level MaxNesting+1 of src, or nil. It reads only the prefix of
// each line, following CommonMark's container rules closely enough to
// count levels: a line continues the open containers whose markers or
// indentation it repeats and may open new ones; lines inside fenced code
// open none. It runs in time linear in the size of src.
func nestingError(src []byte) *Error {
	var open []container
	var fence []byte // the opening fence of the code block being read, if any
	fenceDepth := 0
	for off, line := 0, 1; off < len(src); line++ {
		l, _ := cutLine(src[off:])
		off += len(l)
		s := scanLine{text: bytes.TrimRight(l, "\r\n")}
		matched := s.continueContainers(open)
		if fence != nil {
			if matched < fenceDepth || s.closesFence(fence) {
				fence = nil
			}
			if matched < fenceDepth {
				open = open[:matched] // a fenced block does not continue lazily
			}
			if fence != nil {
				continue
			}
		}
		opened := false
		for {
			c, at, ok := s.openContainer()
			if !ok {
				break
			}
			if !opened {
				open, opened = open[:matched], true
			}
			if open = append(open, c); len(open) > MaxNesting {
				return &Error{Line: line, Col: at + 1,
					Msg:  fmt.Sprintf("block quotes and lists nest deeper than %d levels", MaxNesting),
					Hint: "close some of the quotes or lists; a document needs only a few levels"}
			}
		}
		if s.blank() && !opened {
			open = open[:matched]
		}
		if f := s.opensFence(); f != nil {
			if !opened {
				open = open[:matched]
			}
			fence, fenceDepth = f, len(open)
		}
	}
	return nil
}

// scanLine is a cursor over one line; col counts columns, with tabs
// advancing to the next multiple of 4, as in CommonMark.
type scanLine struct {
	text []byte
	pos  int // byte offset of the cursor
	col  int // column of the cursor
}

// blank reports whether the rest of the line is white space.
func (s *scanLine) blank() bool {
	return len(bytes.TrimLeft(s.text[s.pos:], " \t")) == 0
}

// indent returns how many columns of spaces and tabs follow the cursor,
// without moving it.
func (s *scanLine) indent() int {
	col := s.col
	for i := s.pos; i < len(s.text); i++ {
		switch s.text[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col - s.col
		}
	}
	return col - s.col
}

// skip moves the cursor over up to n columns of white space.
func (s *scanLine) skip(n int) {
	end := s.col + n
	for s.pos < len(s.text) && s.col < end {
		switch s.text[s.pos] {
		case ' ':
			s.col++
		case '\t':
			s.col += 4 - s.col%4
		default:
			return
		}
		s.pos++
	}
}

// continueContainers consumes the markers and indentation of the open
// containers the line continues and returns how many it continues. A
// blank line continues list items but not block quotes.
func (s *scanLine) continueContainers(open []container) int {
	for i, c := range open {
		switch {
		case c.quote:
			if s.indent() > 3 || s.pos+s.indent() >= len(s.text) {
				return i
			}
			save := *s
			s.skip(3)
			if s.pos >= len(s.text) || s.text[s.pos] != '>' {
				*s = save
				return i
			}
			s.pos, s.col = s.pos+1, s.col+1
			s.skip(1)
		case s.blank():
			// a blank line keeps list items open
		case s.indent() >= c.indent:
			s.skip(c.indent)
		default:
			return i
		}
	}
	return len(open)
}

// openContainer consumes a block quote marker or list marker at the
// cursor, after up to three spaces, and returns the container it opens
// and the marker's byte offset in the line.
func (s *scanLine) openContainer() (c container, at int, ok bool) {
	if s.indent() > 3 {
		return container{}, 0, false // indented code
	}
	save := *s
	s.skip(3)
	at = s.pos
	if s.pos < len(s.text) && s.text[s.pos] == '>' {
		s.pos, s.col = s.pos+1, s.col+1
		s.skip(1)
		return container{quote: true}, at, true
	}
	n := listMarker(s.text[s.pos:])
	if n == 0 {
		*s = save
		return container{}, 0, false
	}
	s.pos, s.col = s.pos+n, s.col+n
	w := s.indent()
	switch {
	case s.pos >= len(s.text) || s.blank():
		w = 1
	case w == 0:
		*s = save
		return container{}, 0, false // "-x" or "1.x" is text
	case w > 4:
		w = 1 // indented code inside the item
	}
	s.skip(w)
	return container{indent: s.col - save.col}, at, true
}

// listMarker returns the length of the bullet ("-", "+", "*") or ordered
// list marker (up to nine digits, then "." or ")") at the start of b, or 0.
func listMarker(b []byte) int {
	if len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*') {
		return 1
	}
	i := 0
	for i < len(b) && i < 9 && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	if i > 0 && i < len(b) && (b[i] == '.' || b[i] == ')') {
		return i + 1
	}
	return 0
}

// opensFence returns the fence (three or more backticks or tildes) that
// starts a fenced code block at the cursor, or nil.
func (s *scanLine) opensFence() []byte {
	if s.indent() > 3 {
		return nil
	}
	rest := bytes.TrimLeft(s.text[s.pos:], " \t")
	if len(rest) < 3 || rest[0] != '`' && rest[0] != '~' {
		return nil
	}
	n := 0
	for n < len(rest) && rest[n] == rest[0] {
		n++
	}
	if n < 3 || rest[0] == '`' && bytes.IndexByte(rest[n:], '`') >= 0 {
		return nil
	}
	return rest[:n]
}

// closesFence reports whether the rest of the line closes a code block
// opened with fence: at least as many of the same character, alone.
func (s *scanLine) closesFence(fence []byte) bool {
	if s.indent() > 3 {
		return false
	}
	rest := bytes.TrimSpace(s.text[s.pos:])
	return len(rest) >= len(fence) && len(bytes.Trim(rest, string(fence[:1]))) == 0
}
