package redline

// A Differ keeps the parse of every top-level block it has seen, and
// diffing two blocks splits their children into segments (block elements
// and runs of inline nodes) and flattens inline runs into tokens. Those
// depend only on the nodes, which are never changed once parsed, so they
// are made once per node or segment and kept with it: comparing each
// archived version with the version in force pairs the same block of the
// version in force with many old ones, and comparing version n with n+1
// and then n+1 with n+2 splits and flattens the blocks of n+1 on both
// sides. Keeping them also keeps what was computed from them (each
// segment's rendered HTML, key and word bag). Callers never change what
// these return.

// segments returns the segment's nodes split into segments, splitting
// them the first time.
func (c *content) segments() []segment {
	if c.split == nil {
		segs := splitSegments(c.tree())
		c.split = &segs
	}
	return *c.split
}

// childSegments returns the element's children split into segments,
// splitting them the first time.
func (n *node) childSegments() []segment {
	if n.kids == nil {
		segs := splitSegments(n.children)
		n.kids = &segs
	}
	return *n.kids
}

// tokens returns the tokens of the segment's nodes, flattening them the
// first time.
func (c *content) tokens() []token {
	if c.toks == nil {
		toks := flatten(nil, c.tree())
		c.toks = &toks
	}
	return *c.toks
}
