// Command gencorpus writes a deterministic benchmark site: N policies of
// about 30 KB each (see package site/corpus).
//
//	go run ./bench/gencorpus -n 1000 -versions 0 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/clause-dev/clause/site/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of policies")
	versions := flag.Int("versions", 0, "earlier versions per policy")
	redirects := flag.Int("redirects", 1, "redirect_from entries per policy")
	out := flag.String("out", "", "output folder (required; must not exist or be empty)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -out is required")
		os.Exit(2)
	}
	if err := corpus.Write(*out, corpus.Options{Policies: *n, Versions: *versions, Redirects: *redirects}); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
