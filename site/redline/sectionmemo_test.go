package redline

import (
	"math/rand/v2"
	"reflect"
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
