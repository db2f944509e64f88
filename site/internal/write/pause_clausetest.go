//go:build clausetest

package write

import (
	"context"
	"fmt"
	"os"
)

// In a binary built with -tags clausetest, CLAUSE_TEST_PAUSE names a
// point where the build prints "clause-test: paused at POINT" to stderr
// and waits until it is cancelled, so that a test can send a signal at
// a moment it knows.
func init() {
	want := os.Getenv("CLAUSE_TEST_PAUSE")
	pause = func(ctx context.Context, point string) {
		if want == "" || point != want {
			return
		}
		fmt.Fprintf(os.Stderr, "clause-test: paused at %s\n", point)
		<-ctx.Done()
	}
}
