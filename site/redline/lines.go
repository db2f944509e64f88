package redline

import "strings"

// maxWordCells bounds len(a)*len(b) for a token-level Myers diff, whose
// worst case is quadratic. Longer runs are first diffed line by line (or
// sentence by sentence), then word by word within each changed region.
const maxWordCells = 1 << 22

// tokenOps returns the edit script between two token lists. Past their
// common prefix and suffix, it switches to a line-level diff first when
// they are too long for a word-level one.
func tokenOps(ta, tb []token) []op {
	p := 0
	for p < len(ta) && p < len(tb) && ta[p].key == tb[p].key {
		p++
	}
	s := 0
	for s < len(ta)-p && s < len(tb)-p && ta[len(ta)-1-s].key == tb[len(tb)-1-s].key {
		s++
	}
	ops := appendOp(nil, opEqual, p)
	for _, o := range middleOps(ta[p:len(ta)-s], tb[p:len(tb)-s]) {
		ops = appendOp(ops, o.kind, o.n)
	}
	return appendOp(ops, opEqual, s)
}

// middleOps returns the edit script between two token lists, line by line
// first if they are too long.
func middleOps(ta, tb []token) []op {
	if len(ta)*len(tb) <= maxWordCells {
		return diffKeys(tokenKeys(ta), tokenKeys(tb))
	}
	la, lb := splitLines(ta), splitLines(tb)
	var ops []op
	i, j := 0, 0 // line indices
	for _, o := range regionOps(diffKeys(lineKeys(ta, la), lineKeys(tb, lb))) {
		na, nb := lineSpan(la, i, o.del), lineSpan(lb, j, o.ins)
		switch {
		case o.eq:
			ops = appendOp(ops, opEqual, na)
		case na*nb <= maxWordCells:
			sa, sb := la[i], lb[j]
			for _, w := range diffKeys(tokenKeys(ta[sa:sa+na]), tokenKeys(tb[sb:sb+nb])) {
				ops = appendOp(ops, w.kind, w.n)
			}
		default:
			ops = appendOp(appendOp(ops, opDelete, na), opInsert, nb)
		}
		i, j = i+o.del, j+o.ins
	}
	return ops
}

// splitLines returns the start index of each line of toks, followed by
// len(toks). A line ends with a space holding a newline, or with the space
// after a sentence's final punctuation.
func splitLines(toks []token) []int {
	starts := []int{0}
	for k := range toks {
		if toks[k].kind != tkSpace || k+1 == len(toks) {
			continue
		}
		if strings.Contains(toks[k].text, "\n") || (k > 0 && isSentenceEnd(toks[k-1])) {
			starts = append(starts, k+1)
		}
	}
	return append(starts, len(toks))
}

// isSentenceEnd reports whether t ends a sentence.
func isSentenceEnd(t token) bool {
	return t.kind == tkWord && (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";")
}

// lineKeys returns one key per line: its tokens' keys joined.
func lineKeys(toks []token, starts []int) []string {
	keys := make([]string, len(starts)-1)
	for l := range keys {
		var b strings.Builder
		for _, t := range toks[starts[l]:starts[l+1]] {
			b.WriteString(t.key)
			b.WriteByte(0)
		}
		keys[l] = b.String()
	}
	return keys
}

// lineSpan returns the number of tokens in n lines from line l.
func lineSpan(starts []int, l, n int) int {
	return starts[l+n] - starts[l]
}

// regionOps groups an edit script into equalities and changes.
func regionOps(ops []op) []region {
	var rs []region
	for _, o := range ops {
		switch {
		case o.kind == opEqual:
			rs = append(rs, region{eq: true, del: o.n, ins: o.n})
		case len(rs) == 0 || rs[len(rs)-1].eq:
			rs = append(rs, region{})
			fallthrough
		default:
			if o.kind == opDelete {
				rs[len(rs)-1].del += o.n
			} else {
				rs[len(rs)-1].ins += o.n
			}
		}
	}
	return rs
}
