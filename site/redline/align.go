package redline

// minSimilarity is the least word similarity for which two paragraphs,
// rows or items are diffed word by word rather than shown as a removal and
// an addition.
const minSimilarity = 0.4

// maxPairCells bounds the size of the pairing table of one change region;
// larger regions pair segments by position instead.
const maxPairCells = 1 << 18

// step is one step of an alignment: a pair of segments (equal or to be
// diffed), a removed old segment (b < 0) or an added new one (a < 0).
type step struct {
	a, b  int
	equal bool
}

// alignSegments aligns two segment lists: a Myers diff over their keys,
// then, within each change, a pairing of similar segments of the same kind.
func alignSegments(sa, sb []segment) []step {
	ops := diffKeys(segmentKeys(sa), segmentKeys(sb))
	var steps []step
	i, j := 0, 0
	for k := 0; k < len(ops); {
		if ops[k].kind == opEqual {
			for n := 0; n < ops[k].n; n++ {
				steps = append(steps, step{i + n, j + n, true})
			}
			i, j, k = i+ops[k].n, j+ops[k].n, k+1
			continue
		}
		d, in := 0, 0
		for ; k < len(ops) && ops[k].kind != opEqual; k++ {
			if ops[k].kind == opDelete {
				d += ops[k].n
			} else {
				in += ops[k].n
			}
		}
		steps = append(steps, pairRegion(sa[i:i+d], sb[j:j+in], i, j)...)
		i, j = i+d, j+in
	}
	return steps
}

// segmentKeys returns the keys of segs.
func segmentKeys(segs []segment) []string {
	keys := make([]string, len(segs))
	for i := range segs {
		keys[i] = segs[i].key
	}
	return keys
}

// pairRegion turns one change region into steps: paired segments in
// order, with unpaired removals before unpaired additions between them.
func pairRegion(as, bs []segment, i0, j0 int) []step {
	var steps []step
	pi, pj := 0, 0
	pairs := append(matchRegion(as, bs), [2]int{len(as), len(bs)})
	for _, p := range pairs {
		for ; pi < p[0]; pi++ {
			steps = append(steps, step{i0 + pi, -1, false})
		}
		for ; pj < p[1]; pj++ {
			steps = append(steps, step{-1, j0 + pj, false})
		}
		if p[0] < len(as) {
			steps = append(steps, step{i0 + pi, j0 + pj, false})
			pi, pj = pi+1, pj+1
		}
	}
	return steps
}

// matchRegion pairs segments of as and bs, preserving order and maximizing
// the total pairing weight (dynamic programming over the region).
func matchRegion(as, bs []segment) [][2]int {
	n, m := len(as), len(bs)
	if n == 1 && m == 1 {
		if canPair(&as[0], &bs[0]) {
			return [][2]int{{0, 0}}
		}
		return nil
	}
	if n*m > maxPairCells {
		return matchDiagonal(as, bs)
	}
	t := newPairTable(as, bs)
	var pairs [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch wt := t.w[i*m+j]; {
		case wt > 0 && t.at(i, j) == wt+t.at(i+1, j+1):
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case t.at(i, j) == t.at(i+1, j):
			i++
		default:
			j++
		}
	}
	return pairs
}

// pairTable holds pairing weights w and the best total weight of pairing
// each suffix of a region.
type pairTable struct {
	m     int // len(bs)
	w, dp []float64
}

// newPairTable computes the pairing table of a region.
func newPairTable(as, bs []segment) *pairTable {
	n, m := len(as), len(bs)
	t := &pairTable{m: m, w: make([]float64, n*m), dp: make([]float64, (n+1)*(m+1))}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			wt := pairWeight(&as[i], &bs[j])
			t.w[i*m+j] = wt
			best := max(t.at(i+1, j), t.at(i, j+1))
			if wt > 0 {
				best = max(best, wt+t.at(i+1, j+1))
			}
			t.dp[i*(m+1)+j] = best
		}
	}
	return t
}

// at returns the best total weight pairing as[i:] with bs[j:].
func (t *pairTable) at(i, j int) float64 { return t.dp[i*(t.m+1)+j] }

// matchDiagonal pairs segments by position, for regions too large to
// optimize, such as a long table whose every row gained a column.
func matchDiagonal(as, bs []segment) [][2]int {
	var pairs [][2]int
	for i := 0; i < min(len(as), len(bs)); i++ {
		if pairWeight(&as[i], &bs[i]) > 0 {
			pairs = append(pairs, [2]int{i, i})
		}
	}
	return pairs
}

// canPair reports whether a and b may pair, that is pairWeight(a, b) > 0,
// without comparing their words when their kind always pairs.
func canPair(a, b *segment) bool {
	if pairKind(a.kind) == pairKind(b.kind) && !thresholdKinds[a.kind] {
		return true
	}
	return pairWeight(a, b) > 0
}

// pairWeight scores pairing a with b; 0 means they must not pair.
func pairWeight(a, b *segment) float64 {
	if pairKind(a.kind) != pairKind(b.kind) {
		return 0
	}
	sim := similarity(a, b)
	if !thresholdKinds[a.kind] {
		return 1 + sim
	}
	if sim >= minSimilarity {
		return sim
	}
	return 0
}
