// Command bareloop is the benchmark baseline (corpus.BareLoop): it parses
// each policy's front matter, renders it with goldmark (GFM) and writes one
// file per policy, and nothing else. bench/build.sh times it beside
// `clause build` on the same corpus. By default it renders with as many
// workers as clause does (GOMAXPROCS), so it is the floor for clause.
//
// With -redlines it also writes, per policy folder, the redline of each
// version against the one before it and of each archived version against
// the current one: the floor for a corpus with versions once comparison
// pages count as work every such site does.
//
// With -texts it writes, per policy folder, the page, its Markdown
// (index.md), its plain text (index.txt) and an embeddable copy
// (embed/index.html): the floor once the verifiable texts every policy
// publishes count as work.
//
//	go run ./bench/bareloop -source /tmp/corpus -out /tmp/bare-out [-dirs] [-redlines] [-texts] [-workers N]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/clause-dev/clause/site/corpus"
)

func main() {
	src := flag.String("source", "", "the corpus folder (holding content/)")
	out := flag.String("out", "", "the output folder")
	dirs := flag.Bool("dirs", false, "write <policy>/index.html, one folder per policy as a site has, instead of flat files")
	redlines := flag.Bool("redlines", false, "per policy folder, also compare each version with the one before it and each archived version with the current one (site/redline), as a site of versioned policies does")
	texts := flag.Bool("texts", false, "per policy folder, also write its Markdown, plain text and an embeddable copy of its page, as a privacy center publishes")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "how many documents to render at once")
	flag.Parse()
	if *src == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "bareloop: -source and -out are required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "bareloop:", err)
		os.Exit(1)
	}
	if err := corpus.BareLoop(*src, *out, corpus.BareOptions{Dirs: *dirs, Workers: *workers, Redlines: *redlines, Texts: *texts}); err != nil {
		fmt.Fprintln(os.Stderr, "bareloop:", err)
		os.Exit(1)
	}
}
