package main

import (
	"os"
	"runtime/debug"

	"github.com/clause-dev/clause/internal/gctune"
)

// buildMemory is the collector's policy for one-off builds: at least
// 80 MiB, so that a site of 1,000 policies collects rarely; above that,
// 2.2 times the live heap, so that 10,000 policies (about
// 46 MB live) do not spend a fifth of their CPU collecting, as they did
// under a fixed 80 MiB; at most 2 GiB.
var buildMemory = gctune.Policy{Min: 80 << 20, Max: 2 << 30, Factor: 2.2}

// tuneGC trades a little memory for speed in one-off builds: the
// collector runs a quarter as often (GOGC=400), while a soft limit sized
// from the live heap (see buildMemory) bounds the footprint. GOGC and
// GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	gctune.Start(buildMemory)
}
