package write

import "context"

// pause is called at named points of Commit: "commit" as it begins, once
// the temporary folder is complete, "moved-aside" between the two renames of
// the fallback swap, and "swapped" once the new output is in place and
// the previous one not yet removed. It does nothing; tests, and binaries
// built with the clausetest tag (see pause_clausetest.go), replace it to
// stop a build at a known point.
var pause = func(ctx context.Context, point string) {}
