package main

import (
	"os"
	"runtime/debug"

	"github.com/clause-dev/clause/internal/gctune"
)

// buildMemory is the collector's policy for one-off builds: at least
// 80 MiB, so that a site of 1,000 policies collects rarely; above that,
// 1.9 times the live heap, at most 2 GiB. The live heap of a large build
// is its model (sources, pages, claimed paths: about 5 KB a policy) and
// the pages the workers have in hand, since policies.json and the
// redirect stubs are written as they are made; 1.9 times it keeps a build
// of 10,000 policies (58–72 MB live) under 150 MB. The factor trades
// memory for collections: each collects when the heap has grown by
// 0.9 times what is live, so 10,000 policies collect about 190 times
// (130 at 2.2, when the peak was over 160 MB), and a fixed 80 MiB made
// them spend a fifth of their CPU collecting.
var buildMemory = gctune.Policy{Min: 80 << 20, Max: 2 << 30, Factor: 1.9}

// tuneGC trades a little memory for speed in one-off builds: GOGC=800
// lets the heap grow to nine times what is live before a collection, so
// the soft limit sized from the live heap (see buildMemory) is what
// decides when the collector runs: at 1,000 policies (about 12 MB live)
// when the heap nears 80 MiB, ten times a build instead of fifteen under
// GOGC=400, for 5 MB more; at 10,000, at 1.9 times the live heap, as
// before. GOGC and GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	gctune.Start(buildMemory)
}
