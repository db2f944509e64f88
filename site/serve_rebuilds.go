package site

import (
	"context"
	"errors"
	"time"
)

// rebuildResult is the outcome of one dev server rebuild.
type rebuildResult struct {
	changes []fileChange // what the rebuild was for
	files   map[string][]byte
	changed []string
	res     *Result
	err     error
	took    time.Duration
}

// cancelled reports whether the rebuild stopped because a newer change
// arrived (or the server stopped) rather than finishing.
func (r rebuildResult) cancelled() bool {
	return errors.Is(r.err, context.Canceled)
}

// rebuilds runs the dev server's rebuilds one at a time in the
// background. A change that arrives while a rebuild runs cancels it, so
// that one slow build does not delay the fix saved after it: the render
// workers stop between pages, the cancelled build publishes nothing, and
// the next rebuild covers the changes of both.
type rebuilds struct {
	build   func(ctx context.Context, changes []fileChange) rebuildResult
	pending []fileChange
	cancel  context.CancelFunc // of the running rebuild; nil when none runs
	done    chan rebuildResult // delivers the running rebuild's result
}

// add queues changes, cancelling the running rebuild or starting one.
func (r *rebuilds) add(ctx context.Context, changes []fileChange) {
	r.pending = append(r.pending, changes...)
	if r.cancel != nil {
		r.cancel()
		return
	}
	r.start(ctx)
}

// start runs a rebuild of the pending changes in the background.
func (r *rebuilds) start(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	changes := r.pending
	r.pending, r.cancel, r.done = nil, cancel, make(chan rebuildResult, 1)
	go func(done chan<- rebuildResult) {
		defer cancel()
		res := r.build(ctx, changes)
		res.changes = changes
		done <- res
	}(r.done)
}

// finished returns the channel that delivers the running rebuild's
// result, or nil when none runs.
func (r *rebuilds) finished() <-chan rebuildResult {
	if r.cancel == nil {
		return nil
	}
	return r.done
}

// finish records the end of the running rebuild, whose result came from
// finished, and reports whether to publish it: a cancelled rebuild's
// changes go back in the queue instead. Call resume after publishing.
func (r *rebuilds) finish(res rebuildResult) bool {
	r.cancel, r.done = nil, nil
	if res.cancelled() {
		r.pending = append(res.changes, r.pending...)
		return false
	}
	return true
}

// resume starts a rebuild of the changes queued while none could run.
func (r *rebuilds) resume(ctx context.Context) {
	if r.cancel == nil && len(r.pending) > 0 && ctx.Err() == nil {
		r.start(ctx)
	}
}

// stop cancels the running rebuild and waits for it to end.
func (r *rebuilds) stop() {
	if r.cancel != nil {
		r.cancel()
		<-r.done
		r.cancel, r.done = nil, nil
	}
}
