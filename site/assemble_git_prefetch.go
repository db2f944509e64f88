package site

import (
	"runtime"

	"github.com/clause-dev/clause/site/gitlog"
)

// prefetchBlobs reads the contents of each policy's revisions (revs[i]
// for policy i) ahead of the workers that parse them: one goroutine asks
// git for policy after policy, in order, so that git's cat-file process
// works while the workers parse, instead of each worker waiting for git
// in turn. It stays at most a few policies ahead of the workers, so
// memory holds only those policies' texts. The returned function gives
// policy i's contents, waiting for them; it must be called exactly once
// for every i, in any order in which the calls for lower indices have
// at least begun (parallel hands out indices in order), and the reader
// is done when the last call returns.
func (m *model) prefetchBlobs(revs [][]gitlog.Revision) func(i int) [][]byte {
	ready := make([]chan [][]byte, len(revs))
	for i := range ready {
		ready[i] = make(chan [][]byte, 1)
	}
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	go func() {
		for i := range revs {
			ahead <- struct{}{}
			ready[i] <- m.readBlobs(revs[i])
		}
	}()
	return func(i int) [][]byte {
		contents := <-ready[i]
		<-ahead
		return contents
	}
}
