package redline

import (
	"reflect"
	"testing"
)

// TestDifferSectionsOfRefilledSlice diffs through one Differ a slice of
// blocks, then the same slice refilled with another version's blocks: the
// second redline must be that version's, as a fresh Differ gives it, not
// one made from the sections remembered for the slice.
func TestDifferSectionsOfRefilledSlice(t *testing.T) {
	old := blocksFromHTML(`<h2 id="data">Data</h2><p>We keep orders for five years.</p>`)
	first := blocksFromHTML(`<h2 id="data">Data</h2><p>We keep orders for six years.</p>`)
	second := blocksFromHTML(`<h2 id="data">Data</h2><p>We keep orders for seven years.</p>`)
	if len(first) != len(second) {
		t.Fatalf("the versions have %d and %d blocks; the test needs as many", len(first), len(second))
	}
	d := NewDiffer()
	buf := append([]Block(nil), first...)
	d.Diff(old, buf)
	copy(buf, second)
	got, want := d.Diff(old, buf), NewDiffer().Diff(old, second)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after refilling the slice the Differ gave\n%s\nwant\n%s", got.HTML, want.HTML)
	}
	d.Diff(old, second)
	if r := d.split[&second[0]]; r == nil || r.groups == nil {
		t.Error("the Differ did not remember the version it split")
	}
}
