package redline

// item is one token of a word-level redline with its edit operation.
type item struct {
	op opKind
	t  *token
}

// wordDiff writes the word-level redline of two runs of inline nodes,
// given by their tokens (which it does not change).
func wordDiff(w *writer, ta, tb []token) {
	ops := absorbEqualities(tokenOps(ta, tb), ta, tb)
	writeItems(w, itemsOf(ops, ta, tb))
}

// itemsOf lists the tokens of an edit script: equal and inserted tokens
// from tb, deleted ones from ta.
func itemsOf(ops []op, ta, tb []token) []item {
	items := make([]item, 0, len(ta)+len(tb)) // every token of tb, and those deleted from ta
	i, j := 0, 0
	for _, o := range ops {
		for n := 0; n < o.n; n++ {
			switch o.kind {
			case opEqual:
				items = append(items, item{opEqual, &tb[j]})
				i, j = i+1, j+1
			case opDelete:
				items = append(items, item{opDelete, &ta[i]})
				i++
			case opInsert:
				items = append(items, item{opInsert, &tb[j]})
				j++
			}
		}
	}
	return items
}

// region is a run of an edit script: an equality of del == ins tokens, or
// a change deleting del tokens and inserting ins. wd and wi are their
// weights.
type region struct {
	eq         bool
	del, ins   int
	wdel, wins int
}

// absorbEqualities merges an equality into the changes around it when it
// has fewer visible tokens than each of them, so that "the quick" → "a
// slow" reads as one change rather than two changes around a space. This
// is the semantic cleanup of diff-match-patch, counted in tokens and a
// little more conservative, so that an unchanged word between one-word
// changes stays unmarked. The result has each change as its deletions
// followed by its insertions.
func absorbEqualities(ops []op, ta, tb []token) []op {
	var rs []region
	i, j := 0, 0
	for _, o := range ops {
		switch o.kind {
		case opEqual:
			wt := weight(ta[i : i+o.n])
			rs = append(rs, region{true, o.n, o.n, wt, wt})
			i, j = i+o.n, j+o.n
		case opDelete:
			rs = addChange(rs, region{del: o.n, wdel: weight(ta[i : i+o.n])})
			i += o.n
		case opInsert:
			rs = addChange(rs, region{ins: o.n, wins: weight(tb[j : j+o.n])})
			j += o.n
		}
	}
	var out []op
	for _, r := range rs {
		if r.eq {
			out = appendOp(out, opEqual, r.del)
			continue
		}
		out = appendOp(appendOp(out, opDelete, r.del), opInsert, r.ins)
	}
	return out
}

// addChange appends a change to rs, merging it with a preceding change and
// absorbing light equalities between changes.
func addChange(rs []region, c region) []region {
	if n := len(rs); n > 0 && !rs[n-1].eq {
		rs[n-1] = mergeRegions(rs[n-1], c)
	} else {
		rs = append(rs, c)
	}
	for n := len(rs); n >= 3; n = len(rs) {
		before, eq, after := rs[n-3], rs[n-2], rs[n-1]
		if before.eq || !eq.eq ||
			eq.wdel >= max(before.wdel, before.wins) || eq.wdel >= max(after.wdel, after.wins) {
			break
		}
		rs = append(rs[:n-3], mergeRegions(mergeRegions(before, eq), after))
	}
	return rs
}

// mergeRegions returns the change covering a followed by b.
func mergeRegions(a, b region) region {
	return region{del: a.del + b.del, ins: a.ins + b.ins,
		wdel: a.wdel + b.wdel, wins: a.wins + b.wins}
}
