package watch

import (
	"sort"
	"time"
)

// existence records whether a path existed at some point of a batch.
type existence uint8

const (
	unknown existence = iota
	present
	absent
)

// entry tracks one path inside a pending batch: whether it existed before
// the batch started and whether it exists after the latest event.
type entry struct {
	before, now existence
	gone        Op // Remove or Rename: how the path disappeared
}

// batch accumulates deduplicated events until the debounce closes it.
type batch struct {
	entries map[string]*entry
	first   time.Time // arrival of the first event; zero when empty
	adds    int       // number of add calls, to detect changes
}

// newBatch returns an empty batch.
func newBatch() *batch {
	return &batch{entries: make(map[string]*entry)}
}

// add merges one operation on path into the batch. A removal followed by a
// creation is a Write; a creation followed by a removal cancels out.
func (b *batch) add(path string, op Op) {
	b.adds++
	e := b.entries[path]
	if e == nil {
		e = &entry{}
		b.entries[path] = e
	}
	switch {
	case op.Has(Create):
		e.observe(absent, present)
	case op.Has(Remove) || op.Has(Rename):
		e.observe(present, absent)
		e.gone = op & (Remove | Rename)
	default:
		e.observe(present, present)
	}
}

// observe sets the state before the batch if still unknown, and the state
// after the latest event.
func (e *entry) observe(before, now existence) {
	if e.before == unknown {
		e.before = before
	}
	e.now = now
}

// op returns the merged operation, or zero when the path is unchanged.
func (e *entry) op() Op {
	switch {
	case e.before == absent && e.now == present:
		return Create
	case e.before == present && e.now == present:
		return Write
	case e.before == present && e.now == absent:
		if e.gone.Has(Remove) {
			return Remove
		}
		return Rename
	}
	return 0
}

// events returns the batch as one Event per changed path, sorted by path.
func (b *batch) events() []Event {
	evs := make([]Event, 0, len(b.entries))
	for p, e := range b.entries {
		if op := e.op(); op != 0 {
			evs = append(evs, Event{Path: p, Op: op})
		}
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].Path < evs[j].Path })
	return evs
}

// reset empties the batch after delivery.
func (b *batch) reset() {
	clear(b.entries)
	b.first = time.Time{}
}

// delay returns how long to wait before the batch closes, given an event
// arriving at now: the quiet period, cut short so that a batch never stays
// open longer than maxWait. A result <= 0 means the batch is closed.
func (b *batch) delay(now time.Time, quiet, maxWait time.Duration) time.Duration {
	if b.first.IsZero() {
		b.first = now
	}
	return min(quiet, b.first.Add(maxWait).Sub(now))
}

// pending is the loop's view of the batch being assembled.
type pending struct {
	b      *batch
	timer  *time.Timer
	closed bool    // quiet period elapsed or maxWait reached
	dirty  bool    // batch changed since evs was computed
	evs    []Event // cached result of b.events()
}

// touched restarts the quiet period after b changed; the batch closes at
// once when it has been open for maxWait already.
func (p *pending) touched(quiet time.Duration) {
	p.dirty = true
	d := p.b.delay(time.Now(), quiet, maxWait)
	p.closed = d <= 0
	if !p.closed {
		p.timer.Reset(d)
	}
}

// ready returns the events to deliver, or nil while the batch is open. A
// closed batch whose changes all cancelled out is discarded.
func (p *pending) ready() []Event {
	if p.closed && p.dirty {
		p.evs, p.dirty = p.b.events(), false
		if len(p.evs) == 0 {
			p.delivered()
		}
	}
	if !p.closed {
		return nil
	}
	return p.evs
}

// delivered starts a fresh batch.
func (p *pending) delivered() {
	p.b.reset()
	p.evs, p.closed, p.dirty = nil, false, false
}

// loop is the watcher's single goroutine: it reads fsnotify, keeps the
// watch set in step with the tree, merges events into the pending batch and
// hands the batch over once it is closed and the consumer is ready for it.
// While the consumer is busy, new events keep merging into the batch.
func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.batches)
	defer close(w.errors)
	p := &pending{b: newBatch(), timer: time.NewTimer(time.Hour)}
	p.timer.Stop()
	defer p.timer.Stop()
	for {
		var out chan<- []Event
		if len(p.ready()) > 0 {
			out = w.batches
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.handle(ev, p.b) {
				p.touched(w.debounce)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if w.handleError(err, p.b) {
				p.dirty, p.closed = true, true
			}
		case <-p.timer.C:
			p.closed = true
		case out <- p.evs:
			p.delivered()
		}
	}
}
