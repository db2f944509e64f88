// Package gctune sizes the garbage collector's soft memory limit from the
// live heap, so that a program's memory follows the work it holds instead
// of a constant chosen for one size of site.
//
// A fixed limit is either too small for large sites or too large for
// small ones: under 80 MiB, a build of 10,000 policies (about 60 MB live)
// collected 189 times and spent a fifth of its CPU in the collector, while
// a generous fixed limit lets a small site grow its heap for nothing.
// Instead, after every collection the limit becomes the live heap times
// Policy.Factor, kept between Policy.Min and Policy.Max. The collector
// then runs when the heap has grown by (Factor − 1) times what is live,
// like GOGC=100 for Factor 2, but never below Min: small sites collect
// rarely.
//
// The limit is recomputed from a cleanup attached to an object that only
// the next collection frees; runtime/metrics gives the live heap. When
// GOMEMLIMIT is set in the environment, Start does nothing, so a user's
// own limit always wins.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Policy bounds the soft memory limit and says how far above the live
// heap it is set.
type Policy struct {
	Min    uint64  // the limit never goes below this many bytes
	Max    uint64  // nor above this many; 0 means no upper bound
	Factor float64 // the limit is the live heap times Factor
}

// Limit returns the soft memory limit the policy gives for a live heap of
// live bytes.
func (p Policy) Limit(live uint64) uint64 {
	limit := uint64(float64(live) * p.Factor)
	if limit < p.Min {
		limit = p.Min
	}
	if p.Max > 0 && limit > p.Max {
		limit = p.Max
	}
	return limit
}

// Start sets the limit to p.Min and from then on resizes it after every
// collection, until stop is called. It does nothing, and stop is a no-op,
// when GOMEMLIMIT is set.
func Start(p Policy) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	t := &tuner{policy: p}
	debug.SetMemoryLimit(int64(p.Min))
	t.arm()
	return func() { t.stopped.Store(true) }
}

// tuner resizes the limit once per collection.
type tuner struct {
	policy  Policy
	stopped atomic.Bool
	sample  [1]metrics.Sample
}

// sentinel is allocated so that the next collection frees it.
type sentinel struct{ _ [16]byte }

// arm attaches the resizing cleanup to a fresh sentinel that nothing
// references, so the cleanup runs after the next collection.
func (t *tuner) arm() {
	s := new(sentinel)
	runtime.AddCleanup(s, func(t *tuner) { t.resize() }, t)
}

// resize sets the limit from the live heap and arms the next resize.
// Cleanups run one at a time, so the sample buffer needs no lock.
func (t *tuner) resize() {
	if t.stopped.Load() {
		return
	}
	t.sample[0].Name = "/gc/heap/live:bytes"
	metrics.Read(t.sample[:])
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(int64(t.policy.Limit(t.sample[0].Value.Uint64())))
	}
	t.arm()
}
