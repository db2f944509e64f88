package redline

import (
	"reflect"
	"testing"
)

// TestDifferPreparesABlockOnce compares two archived versions with the
// newest through one Differ. The newest version's list is paired with a
// different old list each time (one item changed in the first, another
// in the second), so it is diffed twice: the second time its items must
// come from the split made the first time, and its changed item's words
// from the tokens made then. Both redlines must be those of fresh
// Differs.
func TestDifferPreparesABlockOnce(t *testing.T) {
	page := func(a, b string) []Block {
		return blocksFromHTML(`<h2 id="share">Who we share data with</h2><ul><li>` + a + `</li><li>` + b +
			`</li><li>Auditors, once a year.</li></ul>`)
	}
	first := page("Couriers, to deliver orders.", "Banks, to take payments.")
	second := page("Couriers, to deliver your orders.", "Banks, to take payments.")
	newest := page("Couriers, to deliver your orders.", "Banks and card networks, to take payments.")
	d := NewDiffer()
	check := func(old []Block) {
		t.Helper()
		got, want := d.Diff(old, newest), NewDiffer().Diff(old, newest)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the shared Differ gave\n%s\nwant\n%s", got.HTML, want.HTML)
		}
	}
	check(first)
	list := d.segment(newest[1]).tree()[0]
	if list.kids == nil {
		t.Fatal("diffing the list did not keep its items")
	}
	items := *list.kids
	item := items[1].tree()[0].childSegments()[0] // the second item's text
	if item.toks == nil {
		t.Fatal("diffing the second item did not keep its words")
	}
	toks := *item.toks
	check(second)
	if again := *list.kids; &again[0] != &items[0] {
		t.Error("the second comparison split the list's items again")
	}
	if again := items[1].tree()[0].childSegments()[0]; &(*again.toks)[0] != &toks[0] {
		t.Error("the second comparison flattened the second item's words again")
	}
}
