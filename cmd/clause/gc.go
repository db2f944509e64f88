package main

import (
	"os"
	"runtime/debug"
)

// tuneGC trades a little memory for speed in one-off builds: the
// collector runs a quarter as often (GOGC=400), while a soft limit keeps
// the heap under 80 MiB, so a build of 1,000 policies stays well under
// 100 MB. GOGC and GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
}
