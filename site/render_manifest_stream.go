package site

import (
	"context"
	"sync"
)

// A one-off build writes policies.json while the policies render rather
// than after them. Each entry of the file needs the records of its
// policy's versions and of its translations' versions (section ids,
// titles and hashes; see render_records.go), which only the policy's
// unit makes. Held until the end, the records of every policy were the
// largest part of the live heap of a large build: about 80 MB at 10,000
// policies of 36 sections. Instead one goroutine writes the file from
// the start, waiting before each entry for the units it needs; it
// encodes the entry, hands it to the output and drops those records.
// The units are rendered in the order of the file (see manifestOrder),
// so it waits only for the few units that the workers still have in
// hand, and only the records of those are held at any time.
//
// The file is the same whatever order the units finish in: its entries
// are written in the order of the policies, each once its records are
// complete, by the same code as the dev server's policies.json. The dev
// server, whose memo keeps each entry and the whole file, and its first
// pass, which renders some units before the others, write the file after
// every unit instead (renderer.cached), as before.

// manifestStream is the state shared by the policies' units and the
// goroutine that writes policies.json while they render.
type manifestStream struct {
	mu       sync.Mutex
	changed  *sync.Cond    // broadcast when a unit finishes or the build is cancelled
	finished []bool        // finished[i]: the unit of m.policies[i] has finished, rendered or not
	written  chan struct{} // closed when the writer has returned
}

// streamsManifest reports whether this render writes policies.json while
// the policies render: a build without the dev server's memo or first
// pass.
func (r *renderer) streamsManifest() bool {
	return r.m.in.opts.cache.memoView() == nil && r.first == nil
}

// startManifest starts writing policies.json beside the policies' units
// when the build streams it, and returns a function that waits for the
// writer to return; it returns nil when policies.json is written after
// the units.
func (r *renderer) startManifest() (wait func()) {
	if !r.streamsManifest() {
		return nil
	}
	s := &manifestStream{finished: make([]bool, len(r.m.policies)), written: make(chan struct{})}
	s.changed = sync.NewCond(&s.mu)
	r.stream = s
	stop := context.AfterFunc(r.ctx, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.changed.Broadcast()
	})
	go func() {
		defer stop()
		defer close(s.written)
		defer recoverPanic(r.errs, "policies.json", nil)
		r.writeManifest(r.out)
	}()
	return func() { <-s.written }
}

// unitFinished says that the unit of m.policies[i] will not change its
// records any more: it rendered, failed, was cancelled or skipped.
func (r *renderer) unitFinished(i int) {
	if s := r.stream; s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.finished[i] = true
		s.changed.Broadcast()
	}
}

// awaitEntry waits until the records that p's entry in policies.json
// needs are made: those of p and of its translations. It reports false
// when the build was cancelled, and the file is not worth finishing.
func (r *renderer) awaitEntry(p *Page) bool {
	if r.stream == nil {
		return true // written after every unit
	}
	s := r.stream
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, i := range r.entryUnits(p) {
		for !s.finished[i] && r.ctx.Err() == nil {
			s.changed.Wait()
		}
	}
	return r.ctx.Err() == nil
}

// releaseEntry drops the records of p and of its translations once p's
// entry is written: no other entry lists them.
func (r *renderer) releaseEntry(p *Page) {
	if r.stream == nil {
		return
	}
	for _, i := range r.entryUnits(p) {
		r.records[i] = nil
	}
}

// entryUnits returns the indices in m.policies of p and its
// translations, whose records p's entry in policies.json lists.
func (r *renderer) entryUnits(p *Page) []int {
	var units []int
	if i, ok := r.recordIndex[p.Policy]; ok {
		units = append(units, i)
	}
	for _, t := range p.Policy.Translations() {
		if i, ok := r.recordIndex[t]; ok && t != p.Policy {
			units = append(units, i)
		}
	}
	return units
}

// manifestOrder returns the indices of m.policies in the order their
// units are rendered: each policy of the default language, as
// policies.json lists them, followed by its translations, then the
// policies of other languages that translate none of them. On a site of
// one language it is simply m.policies' order.
func (r *renderer) manifestOrder() []int {
	n := len(r.m.policies)
	order := make([]int, 0, n)
	seen := make([]bool, n)
	add := func(i int) {
		if !seen[i] {
			seen[i] = true
			order = append(order, i)
		}
	}
	if len(r.m.langs) > 1 {
		for _, p := range r.m.defaultLanguage().policies {
			for _, i := range r.entryUnits(p) {
				add(i)
			}
		}
	}
	for i := range n {
		add(i)
	}
	return order
}
