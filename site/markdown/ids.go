package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// idSet is clause's parser.IDs: GitHub-style slugs, unique within a page.
// One idSet belongs to one document.
type idSet struct {
	used map[string]struct{}
	next map[string]int // last numeric suffix tried per base slug
}

// newIDs returns an empty idSet.
func newIDs() *idSet {
	return &idSet{used: map[string]struct{}{}, next: map[string]int{}}
}

// Generate returns a new unique id for value (heading text): its slug, or
// the slug followed by -1, -2, … when taken. Empty slugs become "heading"
// (or "id" for other node kinds).
func (s *idSet) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(value)
	if len(base) == 0 {
		base = []byte("id")
		if kind == ast.KindHeading {
			base = []byte("heading")
		}
	}
	key := string(base)
	if !s.has(key) {
		s.used[key] = struct{}{}
		return base
	}
	for i := s.next[key] + 1; ; i++ {
		cand := key + "-" + strconv.Itoa(i)
		if !s.has(cand) {
			s.used[cand] = struct{}{}
			s.next[key] = i
			return []byte(cand)
		}
	}
}

// Put marks value as used.
func (s *idSet) Put(value []byte) {
	s.used[string(value)] = struct{}{}
}

// has reports whether id is already used on the page.
func (s *idSet) has(id string) bool {
	_, ok := s.used[id]
	return ok
}

// slug returns the GitHub-style anchor of heading text: lowercase, letters,
// digits, '-' and '_' kept (unicode included), each space turned into '-',
// everything else dropped.
func slug(value []byte) []byte {
	value = bytes.TrimSpace(value)
	out := make([]byte, 0, len(value))
	for i := 0; i < len(value); {
		c := value[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				out = append(out, c+'a'-'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
				out = append(out, c)
			case c == ' ' || c == '\t' || c == '\n':
				out = append(out, '-')
			}
			continue
		}
		r, n := utf8.DecodeRune(value[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	return out
}

// isFootnoteID reports whether id has the shape of a goldmark footnote id
// ("fn:1", "fnref:1", "fnref2:1"), which headings must not reuse.
func isFootnoteID(id string) bool {
	rest, ok := strings.CutPrefix(id, "fnref")
	if !ok {
		rest, ok = strings.CutPrefix(id, "fn")
	}
	if !ok {
		return false
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	return i < len(rest) && rest[i] == ':'
}
