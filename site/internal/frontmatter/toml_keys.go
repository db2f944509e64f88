package frontmatter

import (
	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlKeys finds the top-level keys of TOML front matter that go-toml has
// decoded, after skipped bytes (a byte order mark): those set before the
// first [table] header, by `key =`, `"key" =` or a dotted `key.sub =`,
// which sets key; where a key is set twice, the first line counts.
// go-toml's parser reports the bytes of every key and scalar but not
// where an array starts and ends, which tomlArray finds from its items.
func tomlKeys(text *textIndex, skipped int) map[string]keyPos {
	found := map[string]keyPos{}
	doc := tomlDoc{text: text, skipped: skipped}
	var p unstable.Parser
	p.Reset(text.data[skipped:])
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.KeyValue {
			break // a table header: the keys after it are its own
		}
		keys := e.Key()
		keys.Next()
		first, last := keys.Node(), keys.Node()
		for keys.Next() {
			last = keys.Node()
		}
		if _, dup := found[string(first.Data)]; dup {
			continue
		}
		kp := keyPos{line: doc.pos(int(first.Raw.Offset)).Line}
		if v := e.Value(); v.Kind == unstable.Array {
			start := doc.skip(end(last), " \t=")
			kp.items, _ = doc.array(v, start)
		}
		found[string(first.Data)] = kp
	}
	return found
}

// tomlDoc locates offsets of the parsed text, which starts skipped bytes
// into text.
type tomlDoc struct {
	text    *textIndex
	skipped int
}

// pos returns the file position of offset off of the parsed text.
func (d tomlDoc) pos(off int) Pos { return d.text.pos(d.skipped + off) }

// skip returns the offset of the first byte at or after off that is not
// in set.
func (d tomlDoc) skip(off int, set string) int { return d.text.skip(d.skipped+off, set) - d.skipped }

// filler skips what may come between the items of an array or an inline
// table: white space, line ends, commas and comments.
func (d tomlDoc) filler(off int) int {
	for {
		off = d.skip(off, " \t\r\n,")
		if off >= len(d.text.data)-d.skipped || d.text.data[d.skipped+off] != '#' {
			return off
		}
		off = tomlLineEnd(d.text.data, d.skipped+off) - d.skipped
	}
}

// array returns the position of each item of the array n, whose "["
// is at offset start, and the offset just past its "]".
func (d tomlDoc) array(n *unstable.Node, start int) ([]Pos, int) {
	var items []Pos
	off := start + 1
	it := n.Children()
	for it.Next() {
		at := d.filler(off)
		items = append(items, d.pos(d.valueStart(it.Node(), at)))
		off = d.valueEnd(it.Node(), at)
	}
	return items, d.filler(off) + 1
}

// valueStart returns the offset at which the value n starts; at is the
// first offset after the filler before it.
func (d tomlDoc) valueStart(n *unstable.Node, at int) int {
	if n.Kind == unstable.Array {
		return at
	}
	return int(n.Raw.Offset)
}

// valueEnd returns the offset just past the value n, which starts at
// offset at.
func (d tomlDoc) valueEnd(n *unstable.Node, at int) int {
	switch n.Kind {
	case unstable.Array:
		_, e := d.array(n, at)
		return e
	case unstable.InlineTable:
		off := int(n.Raw.Offset) + 1
		it := n.Children()
		for it.Next() {
			off = end(it.Node()) // a key = value, whose range ends with the value
		}
		return d.filler(off) + 1
	}
	return end(n)
}

// end returns the offset just past the bytes of n.
func end(n *unstable.Node) int { return int(n.Raw.Offset + n.Raw.Length) }
