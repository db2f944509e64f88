package devserver

import (
	"bytes"
	"context"
	"maps"
	"net/http"
	"sort"
	"sync/atomic"
	"time"
)

// Viewed returns the snapshot names of the pages that open live reload
// streams show ("privacy/index.html"), sorted, each once. The live
// reload script names its page when it connects; streams that name none
// are left out.
func (s *Server) Viewed() []string {
	s.hub.mu.Lock()
	seen := map[string]bool{}
	for c := range s.hub.clients {
		if c.page != "" {
			seen[c.page] = true
		}
	}
	s.hub.mu.Unlock()
	pages := make([]string, 0, len(seen))
	for p := range seen {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	return pages
}

// PublishFirst serves the first files of a build that is still running
// (the pages that browsers show, with the stylesheets and files they
// load) and tells the browsers showing pages, and only those, to reload
// (or to swap their stylesheets, as Publish would). changed lists the
// paths of snap that differ from the last complete snapshot, as the
// caller knows them. Until Publish or Fail replaces it, a request for a
// file that snap lacks asks Options.Demand for it and waits for a
// PublishMore that has it, or for the complete snapshot, instead of
// mixing the two builds on one page. Publish then skips the browsers
// showing a page that it serves as snap did; Fail goes back to the last
// complete snapshot and tells every browser.
func (s *Server) PublishFirst(snap *Snapshot, pages []string, changed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	if old.base == nil {
		return // no complete snapshot yet: the build's Publish tells everyone
	}
	next := &state{snap: snap, base: old.base, build: s.nextBuild(), pending: make(chan struct{})}
	s.state.Store(next)
	release(old)
	show := make(map[string]bool, len(pages))
	for _, p := range pages {
		show[p] = true
	}
	told := map[*client]uint64{}
	to := func(c *client) bool { return show[c.page] }
	s.hub.mu.Lock()
	for c := range s.hub.clients {
		if show[c.page] {
			told[c] = 0
		}
	}
	s.hub.mu.Unlock()
	if len(old.problems) == 0 && onlyCSS(old.base, snap, changed) {
		s.hub.broadcastTo(cssMessage(next.build, changed), to)
	} else {
		s.hub.broadcastTo(reloadMessage(next.build, nil), to)
	}
	for c := range told {
		told[c] = c.queued.Load()
	}
	s.told = told
}

// deliverCap bounds how long Delivered waits for slow streams.
const deliverCap = 250 * time.Millisecond

// pollEvery is how often Delivered and Pause look again.
const pollEvery = 200 * time.Microsecond

// Delivered waits until the streams that the last PublishFirst told have
// written its message, or left, so that the rest of a build does not
// hold the message back from browsers by taking every processor. It
// gives up after deliverCap, or when ctx is done.
func (s *Server) Delivered(ctx context.Context) {
	s.mu.Lock()
	told := maps.Clone(s.told)
	s.mu.Unlock()
	deadline := time.Now().Add(deliverCap)
	for !s.wrote(told) && ctx.Err() == nil && time.Now().Before(deadline) {
		time.Sleep(pollEvery)
	}
}

// wrote reports whether each client of told has written the messages it
// had queued then, or has left.
func (s *Server) wrote(told map[*client]uint64) bool {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	for c, n := range told {
		if _, open := s.hub.clients[c]; open && c.sent.Load() < n {
			return false
		}
	}
	return true
}

// PublishMore serves more files of the build whose first files
// PublishFirst serves: snap holds them all, those served already too. It
// tells no browser; the requests waiting for a file that snap has are
// answered. It does nothing once Publish or Fail has replaced the first
// files.
func (s *Server) PublishMore(snap *Snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	if old.pending == nil {
		return
	}
	s.state.Store(&state{snap: snap, base: old.base, build: old.build, pending: make(chan struct{})})
	release(old)
}

// pauseCap bounds the pauses of one build in all, so that a stream of
// requests cannot stop it.
const pauseCap = 300 * time.Millisecond

// Pauses returns the pause of one build, which its rest calls before
// each unit of work: it waits while site requests are being answered, so
// that the rest of a build, which a browser does not wait for, does not
// slow the responses that browsers do wait for. Requests that wait for a
// complete snapshot do not count. Once the pauses of the build have
// waited pauseCap in all, or when ctx is done, it returns at once.
func (s *Server) Pauses() func(ctx context.Context) {
	var left atomic.Int64
	left.Store(int64(pauseCap))
	return func(ctx context.Context) {
		start := time.Now()
		for s.answering.Load() > 0 && ctx.Err() == nil && left.Load() > int64(time.Since(start)) {
			time.Sleep(pollEvery)
		}
		left.Add(-int64(time.Since(start)))
	}
}

// shownFirst reports whether the page is one that old, the first pages
// of a build, served as next serves it: its browser has it already,
// whether it reloaded at PublishFirst or opened it since.
func shownFirst(old *state, next *Snapshot, page string) bool {
	if old.pending == nil {
		return false
	}
	first, ok := old.snap.Files[page]
	return ok && bytes.Equal(first, next.Files[page])
}

// release wakes the requests waiting for st to be replaced.
func release(st *state) {
	if st.pending != nil {
		close(st.pending)
	}
}

// awaitReplaced waits until st is replaced and returns the state that
// replaced it, or false when the request went away first. When the
// server stops it returns st itself at once, to answer from what there is.
func (s *Server) awaitReplaced(r *http.Request, st *state) (*state, bool) {
	s.waiting.Add(1)
	defer s.waiting.Add(-1)
	select {
	case <-st.pending:
		return s.state.Load(), true
	case <-s.quit:
		return st, true
	case <-r.Context().Done():
		return nil, false
	}
}
