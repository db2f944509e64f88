package redline

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// opKind is the kind of one edit operation.
type opKind int8

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// op is a run of n equal, deleted or inserted elements.
type op struct {
	kind opKind
	n    int
}

// firstCode is the rune standing for the first distinct key; runes in the
// UTF-16 surrogate range are skipped, as Go strings cannot hold them.
const firstCode = 0x100

// codeRune returns the rune standing for the i-th distinct key, or false
// when there are more keys than valid runes.
func codeRune(i int) (rune, bool) {
	r := rune(firstCode + i)
	if r >= 0xD800 {
		r += 0x800
	}
	return r, r <= utf8.MaxRune
}

// encodeKeys maps each distinct key of a and b to a distinct rune, the
// trick of diffmatchpatch's DiffLinesToRunes applied to arbitrary tokens.
func encodeKeys(a, b []string) (ra, rb []rune, ok bool) {
	codes := make(map[string]rune, len(a)+len(b))
	encode := func(keys []string) []rune {
		out := make([]rune, len(keys))
		for i, k := range keys {
			r, seen := codes[k]
			if !seen {
				if r, ok = codeRune(len(codes)); !ok {
					return nil
				}
				codes[k] = r
			}
			out[i] = r
		}
		return out
	}
	ok = true
	ra = encode(a)
	if ok {
		rb = encode(b)
	}
	return ra, rb, ok
}

// diffKeys returns a shortest edit script from a to b, comparing elements
// by key, computed with the Myers algorithm of diffmatchpatch. Within
// each change, deletions come before insertions.
func diffKeys(a, b []string) []op {
	ra, rb, ok := encodeKeys(a, b)
	if !ok {
		return replaceAll(len(a), len(b))
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the result must not depend on speed
	var ops []op
	na, nb := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ops = appendOp(ops, opEqual, n)
			na, nb = na+n, nb+n
		case diffmatchpatch.DiffDelete:
			ops = appendOp(ops, opDelete, n)
			na += n
		case diffmatchpatch.DiffInsert:
			ops = appendOp(ops, opInsert, n)
			nb += n
		}
	}
	if na != len(a) || nb != len(b) {
		return replaceAll(len(a), len(b))
	}
	return ops
}

// appendOp appends n elements of kind k, merging with the last run.
func appendOp(ops []op, k opKind, n int) []op {
	if n == 0 {
		return ops
	}
	if l := len(ops); l > 0 && ops[l-1].kind == k {
		ops[l-1].n += n
		return ops
	}
	return append(ops, op{k, n})
}

// replaceAll returns the edit script deleting all of a and inserting all
// of b.
func replaceAll(na, nb int) []op {
	return appendOp(appendOp(nil, opDelete, na), opInsert, nb)
}
