package site

import (
	"runtime"
	"sync/atomic"

	"github.com/clause-dev/clause/site/gitlog"
)

// prefetchBlobs reads the contents of each policy's revisions (revs[i]
// for policy i) ahead of the workers that parse them: GOMAXPROCS
// goroutines take policy after policy, in order, each asking git through
// whichever cat-file process is idle (gitlog.Blobs runs as many as there
// are readers), so that git inflates several policies' texts at once
// while the workers parse, instead of each worker waiting for one git
// process in turn. The
// readers stay at most a few policies ahead of the workers, so memory
// holds only those policies' texts. The returned function gives policy
// i's contents, waiting for them; it must be called exactly once for
// every i, in any order in which the calls for lower indices have at
// least begun (parallel hands out indices in order), and the readers are
// done when the last call returns.
func (m *model) prefetchBlobs(revs [][]gitlog.Revision) func(i int) [][]byte {
	ready := make([]chan [][]byte, len(revs))
	for i := range ready {
		ready[i] = make(chan [][]byte, 1)
	}
	readers := runtime.GOMAXPROCS(0)
	ahead := make(chan struct{}, 2*readers)
	var next atomic.Int64
	for range readers {
		go func() {
			for {
				ahead <- struct{}{}
				i := int(next.Add(1) - 1)
				if i >= len(revs) {
					<-ahead
					return
				}
				ready[i] <- m.readBlobs(revs[i])
			}
		}()
	}
	return func(i int) [][]byte {
		contents := <-ready[i]
		<-ahead
		return contents
	}
}
