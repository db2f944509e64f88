// Package corpus generates deterministic sites of many policies for
// benchmarks: N policies of about 30 KB each, with 12 h2 sections and h3
// subsections, lists, a table, a footnote, links, redirect_from and
// toc: true. The same arguments always give the same bytes.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options sizes a corpus.
type Options struct {
	Policies  int // number of policies
	Versions  int // earlier versions per policy, under <slug>/versions/ (0 for none)
	Redirects int // redirect_from entries per policy
}

// Files returns the corpus as slash paths relative to the site root.
func Files(o Options) map[string][]byte {
	files := map[string][]byte{
		"clause.yaml":       []byte("title: Benchmark Center\ntoc: true\nparams:\n  company: Bench Corp\n"),
		"content/_index.md": []byte("---\ntitle: Benchmark Center\n---\nEvery generated policy.\n"),
	}
	for i := 0; i < o.Policies; i++ {
		slug := fmt.Sprintf("policy-%04d", i)
		rng := rand.New(rand.NewPCG(uint64(i), 42))
		words := body(rng, i, o.Policies)
		for v := o.Versions; v > 0; v-- {
			date := fmt.Sprintf("20%02d-01-15", 25-v)
			files["content/"+slug+"/versions/"+date+".md"] = []byte(frontMatter(slug, i, date, 0) + strings.Join(words, ""))
			mutate(rng, words)
		}
		files["content/"+slug+"/index.md"] = []byte(frontMatter(slug, i, "2025-06-01", o.Redirects) + strings.Join(words, ""))
	}
	return files
}

// Write writes the corpus below dir.
func Write(dir string, o Options) error {
	for name, data := range Files(o) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func frontMatter(slug string, i int, date string, redirects int) string {
	fm := fmt.Sprintf("---\ntitle: Policy %d\ndescription: Generated policy number %d.\ngroup: g%d\nweight: %d\nlast_revised: %s\neffective: %s\ntoc: true\nsummary: Routine update.\n",
		i, i, i%5, i, date, date)
	if redirects > 0 {
		fm += "redirect_from:\n"
		for r := 0; r < redirects; r++ {
			fm += fmt.Sprintf("  - /old/%d/%s/\n", r, slug)
		}
	}
	return fm + "---\n"
}

var vocabulary = strings.Fields(`data personal information process controller processor consent
lawful basis retention period security measure transfer country adequacy safeguard request
access rectification erasure portability objection restriction complaint authority cookie
analytics service provider contract legitimate interest children account payment device
location contact marketing newsletter breach notification encryption backup audit vendor`)

// body returns a policy body as a slice of blocks, so that versions can
// change single blocks.
func body(rng *rand.Rand, i, n int) []string {
	var blocks []string
	blocks = append(blocks, para(rng, 60)+"\n\n")
	for s := 1; s <= 12; s++ {
		blocks = append(blocks, fmt.Sprintf("## Section %d: %s\n\n", s, title(rng)))
		blocks = append(blocks, para(rng, 70)+"\n\n", para(rng, 70)+"\n\n", list(rng),
			fmt.Sprintf("### Details %d.1\n\n", s), para(rng, 50)+"\n\n",
			fmt.Sprintf("### Details %d.2\n\n", s), para(rng, 50)+"\n\n")
		if s == 3 {
			blocks = append(blocks, table(rng))
		}
		if s == 5 {
			next := fmt.Sprintf("../policy-%04d/index.md", (i+1)%max(n, 1))
			blocks = append(blocks, fmt.Sprintf("See the [next policy](%s) and the [home page](/).[^note]\n\n", next))
		}
	}
	blocks = append(blocks, "[^note]: A generated footnote.\n")
	return blocks
}

func title(rng *rand.Rand) string {
	w := words(rng, 3)
	return strings.ToUpper(w[:1]) + w[1:]
}

func para(rng *rand.Rand, n int) string {
	w := words(rng, n)
	return strings.ToUpper(w[:1]) + w[1:] + "."
}

func words(rng *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = vocabulary[rng.IntN(len(vocabulary))]
	}
	return strings.Join(parts, " ")
}

func list(rng *rand.Rand) string {
	var b strings.Builder
	for i := 0; i < 5; i++ {
		b.WriteString("- " + para(rng, 12) + "\n")
	}
	return b.String() + "\n"
}

func table(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString("| Category | Purpose | Retention |\n|---|---|---|\n")
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&b, "| %s | %s | %d days |\n", words(rng, 2), words(rng, 5), 30*(i+1))
	}
	return b.String() + "\n"
}

// mutate makes the small edits between two versions: a changed word in a
// few paragraphs.
func mutate(rng *rand.Rand, blocks []string) {
	for k := 0; k < 3; k++ {
		i := 1 + rng.IntN(len(blocks)-2)
		if strings.HasPrefix(blocks[i], "#") || strings.HasPrefix(blocks[i], "|") || strings.HasPrefix(blocks[i], "See ") {
			continue
		}
		w := strings.Fields(blocks[i])
		if len(w) > 3 {
			w[rng.IntN(len(w)-1)+1] = vocabulary[rng.IntN(len(vocabulary))]
			blocks[i] = strings.Join(w, " ") + "\n\n"
		}
	}
}
