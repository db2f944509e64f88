package redline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchWords is the vocabulary of generated documents.
var benchWords = strings.Fields(`personal data information process collect share
retain delete account service provider partner cookie analytics advertising
consent legitimate interest request access correct object restrict transfer
country safeguard contract security encryption breach notify authority child
age email address device identifier location payment billing support`)

// benchSentence returns a random sentence of n words.
func benchSentence(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchWords[rng.IntN(len(benchWords))]
	}
	if n > 4 {
		ws[2] = "<strong>" + ws[2] + "</strong>"
		ws[n-2] = `<a href="/terms#` + ws[n-2] + `">` + ws[n-2] + "</a>"
	}
	return strings.Join(ws, " ") + "."
}

// benchDoc returns an HTML policy of about 30 KB with 12 sections of
// paragraphs, lists and tables.
func benchDoc(rng *rand.Rand) string {
	var b strings.Builder
	for s := 0; s < 12; s++ {
		fmt.Fprintf(&b, "<h2 id=\"s%d\">Section %d %s</h2>\n", s, s, benchWords[s])
		for p := 0; p < 4; p++ {
			fmt.Fprintf(&b, "<p>%s %s %s</p>\n", benchSentence(rng, 14), benchSentence(rng, 10), benchSentence(rng, 12))
		}
		b.WriteString("<ul>\n")
		for i := 0; i < 5; i++ {
			fmt.Fprintf(&b, "<li>%s</li>\n", benchSentence(rng, 8))
		}
		b.WriteString("</ul>\n<table><thead><tr><th>Name</th><th>Purpose</th><th>Lifetime</th></tr></thead><tbody>\n")
		for i := 0; i < 4; i++ {
			fmt.Fprintf(&b, "<tr><td>c%d</td><td>%s</td><td>%d days</td></tr>\n", i, benchSentence(rng, 5), rng.IntN(400))
		}
		b.WriteString("</tbody></table>\n")
	}
	return b.String()
}

// benchEdit applies n random word edits (replace, insert or delete) to
// the text between tags of doc.
func benchEdit(rng *rand.Rand, doc string, n int) string {
	parts := strings.SplitAfter(doc, " ")
	for i := 0; i < n; i++ {
		k := rng.IntN(len(parts))
		if strings.ContainsAny(parts[k], "<>\"=") {
			continue
		}
		switch rng.IntN(3) {
		case 0:
			parts[k] = benchWords[rng.IntN(len(benchWords))] + " "
		case 1:
			parts[k] += benchWords[rng.IntN(len(benchWords))] + " "
		default:
			parts[k] = ""
		}
	}
	return strings.Join(parts, "")
}

// benchDocs returns two versions of a generated policy with small random
// edits.
func benchDocs(seed uint64) (old, new []Block) {
	rng := rand.New(rand.NewPCG(seed, seed))
	doc := benchDoc(rng)
	return blocksFromHTML(doc), blocksFromHTML(benchEdit(rng, doc, 40))
}

// BenchmarkDiff diffs two versions whose blocks must be parsed
// (WellFormed unset, as for raw HTML) and, in the WellFormed case, blocks
// a Markdown renderer made, of which only the changed ones are parsed.
func BenchmarkDiff(b *testing.B) {
	for _, wellFormed := range []bool{false, true} {
		b.Run(fmt.Sprintf("WellFormed=%v", wellFormed), func(b *testing.B) {
			old, new := benchDocs(1)
			size := 0
			for _, bs := range [][]Block{old, new} {
				for i := range bs {
					bs[i].WellFormed = wellFormed
				}
			}
			for _, blk := range old {
				size += len(blk.HTML)
			}
			for b.Loop() {
				diff(old, new)
			}
			b.ReportMetric(float64(size), "bytes/doc")
		})
	}
}
