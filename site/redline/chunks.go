package redline

// Labels start every change run so that screen readers, and anyone who
// cannot tell the colours apart, know what the run is.
const (
	insOpen  = `<ins><span class="visually-hidden">added: </span>`
	delOpen  = `<del><span class="visually-hidden">removed: </span>`
	insClose = `</ins>`
	delClose = `</del>`
)

// writeItems writes a word-level redline. Consecutive inserted (or
// deleted) items form one run, wrapped once in <ins> (or <del>). A run
// holds only text, atoms and inline tags balanced within the run; any
// other tag ends it, so runs never cross element boundaries. Tags outside
// runs come from the new version; unbalanced old tags are dropped.
func writeItems(w *writer, items []item) {
	bal := balanced(items)
	for k := 0; k < len(items); {
		if !inRun(items[k], bal[k]) {
			writeLone(w, items[k])
			k++
			continue
		}
		e := k + 1
		for e < len(items) && items[e].op == items[k].op && inRun(items[e], bal[e]) {
			e++
		}
		writeRun(w, items[k:e])
		k = e
	}
}

// balanced reports, for each item, whether it is a tag whose matching tag
// is in the same run: same operation, with no unbalanced tag or
// decoration in between.
func balanced(items []item) []bool {
	bal := make([]bool, len(items))
	var open []int
	for k, it := range items {
		if k > 0 && it.op != items[k-1].op {
			open = open[:0]
		}
		if it.op == opEqual {
			continue
		}
		switch it.t.kind {
		case tkDecor:
			open = open[:0]
		case tkStart:
			open = append(open, k)
		case tkEnd:
			n := len(open)
			if n == 0 || items[open[n-1]].t.n != it.t.n {
				open = open[:0]
				continue
			}
			bal[open[n-1]], bal[k] = true, true
			open = open[:n-1]
		}
	}
	return bal
}

// inRun reports whether an item may be part of a change run.
func inRun(it item, bal bool) bool {
	if it.op == opEqual {
		return false
	}
	switch it.t.kind {
	case tkDecor:
		return false
	case tkStart, tkEnd:
		return bal
	}
	return true
}

// writeLone writes an item outside any run: equal and inserted items are
// written as they are; deleted tags and decorations are dropped.
func writeLone(w *writer, it item) {
	if it.op != opDelete {
		writeToken(w, it.t, it.op)
	}
}

// writeRun writes one run of inserted or deleted items. White space at
// either end is written outside the label; a run without visible content
// is written bare if inserted and dropped if deleted.
func writeRun(w *writer, run []item) {
	o := run[0].op
	lo, hi := 0, len(run)
	for lo < hi && run[lo].t.kind == tkSpace {
		lo++
	}
	for hi > lo && run[hi-1].t.kind == tkSpace {
		hi--
	}
	if !visible(run[lo:hi]) {
		if o == opInsert {
			writeTokens(w, run, o)
		}
		return
	}
	writeTokens(w, run[:lo], o)
	w.marks++
	if o == opInsert {
		w.WriteString(w.open(opInsert))
		writeTokens(w, run[lo:hi], o)
		w.WriteString(insClose)
	} else {
		w.WriteString(w.open(opDelete))
		writeTokens(w, run[lo:hi], o)
		w.WriteString(delClose)
	}
	writeTokens(w, run[hi:], o)
}

// visible reports whether items hold a word or an atom.
func visible(items []item) bool {
	for _, it := range items {
		if k := it.t.kind; k == tkWord || k == tkAtom {
			return true
		}
	}
	return false
}

// writeTokens writes the tokens of items.
func writeTokens(w *writer, items []item, o opKind) {
	for _, it := range items {
		writeToken(w, it.t, o)
	}
}

// writeToken writes one token. Deleted tags get "removed-" ids, and
// deleted links lose their link so that removed text is not clickable.
func writeToken(w *writer, t *token, o opKind) {
	switch t.kind {
	case tkWord, tkSpace:
		writeText(w, t.text)
	case tkStart:
		if o != opDelete {
			writeStartTag(w, t.n.name, t.n.attrs)
		} else if t.n.name != "a" {
			writeStartTag(w, t.n.name, removedIDs(t.n.attrs))
		}
	case tkEnd:
		if o != opDelete || t.n.name != "a" {
			writeEndTag(w, t.n.name)
		}
	default:
		writeNodeAs(w, t.n, o)
	}
}

// writeNodeAs writes a whole node; removed nodes get "removed-" ids.
func writeNodeAs(w *writer, n *node, o opKind) {
	if o != opDelete {
		renderNode(w, n)
		return
	}
	if !n.elem {
		renderNode(w, n)
		return
	}
	writeStartTag(w, n.name, removedIDs(n.attrs))
	for _, c := range n.children {
		writeNodeAs(w, c, o)
	}
	writeEndTag(w, n.name)
}
