package redline

// diffLists writes the redline of two lists of sibling nodes, split
// into segments (block elements and inline runs), aligning them and
// recursing into paired ones.
func diffLists(w *writer, sa, sb []segment) {
	writeSteps(w, sa, sb, alignSegments(sa, sb), "", diffSegment)
}

// writeSteps writes an alignment of segments, each followed by sep;
// diff writes the redline of a pair (diffSegment, or a memory of it).
func writeSteps(w *writer, sa, sb []segment, steps []step, sep string, diff func(w *writer, a, b *segment)) {
	for _, s := range steps {
		switch {
		case s.equal && sb[s.b].out != "":
			w.WriteString(sb[s.b].out) // rendered once, when the segment was made
		case s.equal:
			renderNodes(w, sb[s.b].tree())
		case s.a < 0:
			writeWhole(w, sb[s.b].segments(), opInsert, true)
		case s.b < 0:
			writeWhole(w, sa[s.a].segments(), opDelete, true)
		default:
			diff(w, &sa[s.a], &sb[s.b])
		}
		w.WriteString(sep)
	}
}

// diffSegment writes the redline of two paired segments.
func diffSegment(w *writer, a, b *segment) {
	na, nb := a.tree(), b.tree()
	if a.kind == inlineKind || b.kind == inlineKind {
		wordDiff(w, a.tokens(), b.tokens())
		return
	}
	if len(na) != 1 || len(nb) != 1 || !na[0].elem || !nb[0].elem {
		diffLists(w, a.segments(), b.segments())
		return
	}
	ea, eb := na[0], nb[0]
	if isAtomic(ea) || isAtomic(eb) {
		writeWhole(w, a.segments(), opDelete, true)
		writeWhole(w, b.segments(), opInsert, true)
		return
	}
	attrs := eb.attrs
	if cls := changedClass(eb.name); cls != "" {
		attrs = withClass(attrs, cls)
	}
	writeStartTag(w, eb.name, attrs)
	diffLists(w, ea.childSegments(), eb.childSegments())
	writeEndTag(w, eb.name)
}

// writeWhole writes nodes that exist in one version only, split into
// segs: every text run wrapped in <ins> (o is opInsert) or <del>
// (opDelete), and, if mark is set, each top-level element given a class
// such as "block-added".
func writeWhole(w *writer, segs []segment, o opKind, mark bool) {
	for _, s := range segs {
		if s.kind == inlineKind {
			writeItems(w, itemsAs(s.tokens(), o))
			continue
		}
		writeWholeElement(w, s.tree()[0], o, mark)
	}
}

// writeWholeElement writes a block element that exists in one version
// only.
func writeWholeElement(w *writer, n *node, o opKind, mark bool) {
	if isDecor(n) {
		if o == opInsert {
			renderNode(w, n)
		}
		return
	}
	attrs := n.attrs
	if o == opDelete {
		attrs = removedIDs(attrs)
	}
	if mark {
		attrs = withClass(attrs, markClass(n.name, o))
		w.marks++
	}
	writeStartTag(w, n.name, attrs)
	if isAtomic(n) {
		for _, c := range n.children {
			writeNodeAs(w, c, o)
		}
	} else {
		writeWhole(w, n.childSegments(), o, false)
	}
	writeEndTag(w, n.name)
}

// itemsAs lists toks as items of operation o.
func itemsAs(toks []token, o opKind) []item {
	items := make([]item, len(toks))
	for i := range toks {
		items[i] = item{o, &toks[i]}
	}
	return items
}
