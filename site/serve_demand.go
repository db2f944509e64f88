package site

import (
	"maps"
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
// for the first pass.
type onDemand struct {
	r   *renderer
	rec *recorder // every file the build writes, the first pass's too

	mu     sync.Mutex
	open   bool            // the rest of the build runs; false once render returns
	state  map[string]bool // unit → done (false: being rendered); absent: not begun
	wanted map[string]bool // units being rendered that a request waits for
	busy   sync.WaitGroup  // units rendered for requests, until published
	pubMu  sync.Mutex      // publishes one at a time, so a later one never holds fewer files
}

// openDemand starts rendering on demand for the rest of the build, after
// a first pass that published its files through rec; the units it
// rendered are done. It reports whether it started: not without a first
// pass that published, or without more (tests).
func (fp *firstPass) openDemand(r *renderer, rec *recorder) bool {
	if fp == nil || !fp.published || fp.more == nil {
		return false
	}
	od := &onDemand{r: r, rec: rec, open: true, state: map[string]bool{}, wanted: map[string]bool{}}
	for u := range r.first {
		od.state[u] = true
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
	done, begun := od.state[u]
	switch {
	case done:
		od.busy.Add(1)
	case begun:
		od.wanted[u] = true
		od.mu.Unlock()
		return
	default:
		od.state[u] = false
		od.busy.Add(1)
	}
	od.mu.Unlock()
	defer od.busy.Done()
	if !done {
		od.r.renderUnit(u)
		od.mu.Lock()
		od.state[u] = true
		od.mu.Unlock()
	}
	od.publish()
}

// take reports whether the build's own pass should render unit u, and
// if so marks it begun: not when the first pass or a request did.
func (od *onDemand) take(u string) bool {
	od.mu.Lock()
	defer od.mu.Unlock()
	if _, begun := od.state[u]; begun {
		return false
	}
	od.state[u] = false
	return true
}

// done marks unit u rendered by the build's own pass and publishes it
// when a request waits for it.
func (od *onDemand) done(u string) {
	od.mu.Lock()
	od.state[u] = true
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
// request rendered it or is rendering it.
func (r *renderer) takeUnit(u string) bool {
	if od := r.m.in.opts.first.onDemand(); od != nil {
		return od.take(u)
	}
	return !r.first[u]
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
	for i, p := range r.m.policies {
		if "policy:"+p.Policy.ID == u {
			r.renderPolicyUnit(i, p)
			return
		}
	}
}
