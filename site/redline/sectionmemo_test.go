package redline

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestDifferReuseMatchesFreshDiffers compares a chain of versions the way
// a policy's pages do (each version with the one before it, then every
// archived version with the newest) through one Differ, whose section
// memory serves repeated pairs of sections, and through a fresh Differ
// per comparison. Every redline must be the same.
func TestDifferReuseMatchesFreshDiffers(t *testing.T) {
	for _, wellFormed := range []bool{false, true} {
		rng := rand.New(rand.NewPCG(7, 7))
		doc := benchDoc(rng)
		var versions [][]Block
		for range 6 {
			bs := blocksFromHTML(doc)
			for i := range bs {
				bs[i].WellFormed = wellFormed
			}
			versions = append(versions, bs)
			doc = benchEdit(rng, doc, 3)
		}
		shared := NewDiffer()
		check := func(name string, old, new []Block) {
			got, want := shared.Diff(old, new), NewDiffer().Diff(old, new)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("WellFormed=%v, %s: the shared Differ gave\n%s\nwant\n%s", wellFormed, name, got.HTML, want.HTML)
			}
		}
		for i := 1; i < len(versions); i++ {
			check("changes", versions[i-1], versions[i])
		}
		newest := versions[len(versions)-1]
		for i := 0; i < len(versions)-1; i++ {
			check("compare", versions[i], newest)
			remembered := len(shared.sections.bodies)
			check("compare again", versions[i], newest)
			if n := len(shared.sections.bodies); n != remembered {
				t.Errorf("WellFormed=%v: comparing version %d again computed %d new section bodies, want 0 (from memory)", wellFormed, i, n-remembered)
			}
		}
	}
}

// TestDifferRemembersBlockPairs compares two archived versions with the
// newest, where the section that changed also changed between the two
// archived versions: its pair of sections is new the second time, but its
// changed paragraph is the same old paragraph against the same new one,
// so that pair of blocks comes from memory. The redlines must be those of
// fresh Differs.
func TestDifferRemembersBlockPairs(t *testing.T) {
	page := func(p, q string) []Block {
		return blocksFromHTML(`<h2 id="data">Data we keep</h2><p>` + p + `</p><p>` + q + `</p><h2 id="rights">Your rights</h2><p>You may ask for a copy.</p>`)
	}
	first := page("We keep orders for five years.", "We keep tickets for one year.")
	second := page("We keep orders for five years.", "We keep support tickets for one year.")
	newest := page("We keep orders for seven years, as tax law requires.", "We keep support tickets for one year.")
	shared := NewDiffer()
	check := func(name string, old []Block) {
		got, want := shared.Diff(old, newest), NewDiffer().Diff(old, newest)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the shared Differ gave\n%s\nwant\n%s", name, got.HTML, want.HTML)
		}
	}
	check("first", first)
	sections, pairs := len(shared.sections.bodies), len(shared.sections.pairs)
	check("second", second)
	if len(shared.sections.bodies) != sections+1 {
		t.Errorf("section bodies: %d after the first comparison, %d after the second; want one more (the changed section)", sections, len(shared.sections.bodies))
	}
	if len(shared.sections.pairs) != pairs {
		t.Errorf("block pairs: %d after the first comparison, %d after the second; want the same (the paragraph pair from memory)", pairs, len(shared.sections.pairs))
	}
	if pairs == 0 {
		t.Error("the first comparison remembered no pair of blocks")
	}
	// The second comparison reads the remembered pair: mark it and look.
	d := NewDiffer()
	d.Diff(first, newest)
	for k, body := range d.sections.pairs {
		body.html += "<!-- remembered -->"
		d.sections.pairs[k] = body
	}
	if got := d.Diff(second, newest).HTML; !strings.Contains(got, "<!-- remembered -->") {
		t.Errorf("the second comparison did not use the remembered pair of paragraphs:\n%s", got)
	}
}
