package site

import (
	"maps"
	"strings"
	"sync"
)

// onDemand renders, while the rest of a dev server build runs, the units
// of the pages that requests ask for before the build has rendered them
// (issue 15): a request that the first pass's files cannot answer names
// the files it could be for (firstPass.demand); the unit that makes them
// is rendered at once in the request's goroutine, or, when a render
// worker is at it already, published as soon as that worker is done.
// Each publish hands every file the build has written so far, all of
// them final, to firstPass.more; only while the build has no error, as
// for the first pass. A render worker that comes to a unit a request is
// rendering waits until it is done, so that what is made from every
// unit's records (policies.json, the home page, the feeds) is made after
// it.
type onDemand struct {
	r   *renderer
	rec *recorder // every file the build writes, the first pass's too

	mu     sync.Mutex
	open   bool                     // the rest of the build runs; false once render returns
	state  map[string]chan struct{} // unit → closed once rendered; absent: not begun
	wanted map[string]bool          // units being rendered that a request waits for
	busy   sync.WaitGroup           // units rendered for requests, until published
	pubMu  sync.Mutex               // publishes one at a time, so a later one never holds fewer files
}

// openDemand starts rendering on demand for the rest of the build, after
// a first pass that published its files through rec; the units it
// rendered are done. It reports whether it started: not without a first
// pass that published, or without more (tests).
func (fp *firstPass) openDemand(r *renderer, rec *recorder) bool {
	if fp == nil || !fp.published || fp.more == nil {
		return false
	}
	od := &onDemand{r: r, rec: rec, open: true, state: map[string]chan struct{}{}, wanted: map[string]bool{}}
	rendered := make(chan struct{})
	close(rendered)
	for u := range r.first {
		od.state[u] = rendered
	}
	fp.mu.Lock()
	fp.od = od
	fp.mu.Unlock()
	return true
}

// closeDemand ends rendering on demand and waits for the renders that
// requests started, so that nothing is published once render returns.
func (fp *firstPass) closeDemand() {
	od := fp.onDemand()
	if od == nil {
		return
	}
	od.mu.Lock()
	od.open = false
	od.mu.Unlock()
	od.busy.Wait()
}

// onDemand returns the build's on-demand state, or nil before openDemand.
func (fp *firstPass) onDemand() *onDemand {
	if fp == nil {
		return nil
	}
	fp.mu.Lock()
	defer fp.mu.Unlock()
	return fp.od
}

// demand renders the units that make any of the output paths names, for
// a request that waits for one of them; see onDemand. It does nothing
// before the first pass published or once the build's render is over.
func (fp *firstPass) demand(names []string) {
	od := fp.onDemand()
	if od == nil || od.r.ctx.Err() != nil {
		return
	}
	for u := range od.r.m.unitsOf(names) {
		od.serve(u)
	}
}

// serve publishes unit u for a request: at once when it is done,
// rendered here when no one began it, else once its worker is done.
func (od *onDemand) serve(u string) {
	od.mu.Lock()
	if !od.open {
		od.mu.Unlock()
		return
	}
	ch, begun := od.state[u]
	switch {
	case begun && !isClosed(ch):
		od.wanted[u] = true
		od.mu.Unlock()
		return
	case !begun:
		ch = make(chan struct{})
		od.state[u] = ch
	}
	od.busy.Add(1)
	od.mu.Unlock()
	defer od.busy.Done()
	if !begun {
		od.render(u, ch)
	}
	od.publish()
}

// render renders unit u for a request and then closes ch, also when the
// render panics (the panic is the build's error, as in a render worker),
// so that a worker waiting for the unit goes on.
func (od *onDemand) render(u string, ch chan struct{}) {
	defer close(ch)
	defer recoverPanic(od.r.errs, "("+u+")", nil)
	if fp := od.r.m.in.opts.first; fp.rendering != nil {
		fp.rendering(u)
	}
	od.r.renderUnit(u)
}

// isClosed reports whether ch is closed.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// take reports whether the build's own pass should render unit u, and
// if so marks it begun. When the first pass or a request began it, it
// returns false and a channel closed once that render is done.
func (od *onDemand) take(u string) (mine bool, rendered <-chan struct{}) {
	od.mu.Lock()
	defer od.mu.Unlock()
	if ch, begun := od.state[u]; begun {
		return false, ch
	}
	od.state[u] = make(chan struct{})
	return true, nil
}

// done marks unit u rendered by the build's own pass and publishes it
// when a request waits for it.
func (od *onDemand) done(u string) {
	od.mu.Lock()
	close(od.state[u])
	wanted := od.wanted[u]
	delete(od.wanted, u)
	od.mu.Unlock()
	if wanted {
		od.publish()
	}
}

// publish hands every file written so far to the first pass's more,
// while the build has no error and goes on.
func (od *onDemand) publish() {
	od.pubMu.Lock()
	defer od.pubMu.Unlock()
	if od.r.ctx.Err() != nil || od.r.errs.ErrorCount() > 0 {
		return
	}
	od.rec.mu.Lock()
	files := maps.Clone(od.rec.files)
	od.rec.mu.Unlock()
	od.r.m.in.opts.first.more(files)
}

// takeUnit reports whether the build's own pass should render unit u (a
// unit name of unitsOf): not when the dev server's first pass or a
// request rendered it or is rendering it. In the last case it returns
// once the request's render is done (or the build is cancelled), so that
// the unit's records are complete when the build goes on.
func (r *renderer) takeUnit(u string) bool {
	od := r.m.in.opts.first.onDemand()
	if od == nil {
		return !r.first[u]
	}
	mine, rendered := od.take(u)
	if !mine && !isClosed(rendered) {
		if fp := r.m.in.opts.first; fp.waiting != nil {
			fp.waiting(u)
		}
		select {
		case <-rendered:
		case <-r.ctx.Done():
		}
	}
	return mine
}

// unitDone tells the on-demand state that the build's own pass rendered
// unit u.
func (r *renderer) unitDone(u string) {
	if od := r.m.in.opts.first.onDemand(); od != nil {
		od.done(u)
	}
}

// renderUnit renders one unit by its name: "site" or "policy:<id>".
func (r *renderer) renderUnit(u string) {
	if u == "site" {
		r.renderSiteUnit()
		return
	}
	id, _ := strings.CutPrefix(u, "policy:")
	for i, p := range r.m.policies {
		if p.Policy.ID == id {
			r.renderPolicyUnit(i, p)
			return
		}
	}
}
