package devserver

import (
	"encoding/json"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// eventsPath is the live reload stream endpoint.
const eventsPath = "/_clause/events"

// Stream tuning.
const (
	clientBuffer = 8                // messages queued per client before coalescing
	heartbeat    = 15 * time.Second // comment sent to keep proxies from timing out
	writeTimeout = 10 * time.Second // a client that cannot take a write this long is dropped
	retryMillis  = "1000"           // EventSource reconnection delay
)

// encode formats a live reload message as one SSE data frame of JSON.
func encode(msg map[string]any) []byte {
	data, _ := json.Marshal(msg) // cannot fail: strings, string slices and ints
	frame := make([]byte, 0, len(data)+8)
	frame = append(frame, "data: "...)
	frame = append(frame, data...)
	return append(frame, "\n\n"...)
}

// helloMessage greets a new stream with the current build and the number
// of problems, so a page served from an older build reloads at once.
func helloMessage(build string, problems int) []byte {
	return encode(map[string]any{"type": "hello", "build": build, "errors": problems})
}

// reloadMessage tells pages to reload, or to leave when they were removed.
func reloadMessage(build string, removed []string) []byte {
	if removed == nil {
		removed = []string{}
	}
	return encode(map[string]any{"type": "reload", "build": build, "removed": removed})
}

// cssMessage tells pages to swap their stylesheets in place.
func cssMessage(build string, paths []string) []byte {
	return encode(map[string]any{"type": "css", "build": build, "paths": paths})
}

// errorMessage tells pages to fetch and show the problems.
func errorMessage(problems int) []byte {
	return encode(map[string]any{"type": "error", "errors": problems})
}

// coalescedReload replaces messages a slow client missed.
var coalescedReload = reloadMessage("", nil)

// client is one open event stream.
type client struct {
	ch     chan []byte
	missed atomic.Bool   // a message was dropped: the next one becomes a reload
	page   string        // the snapshot name of the page it shows ("" when unknown)
	queued atomic.Uint64 // messages queued in ch so far
	sent   atomic.Uint64 // messages of ch written to the stream so far
}

// hub is the set of open event streams.
type hub struct {
	mu      sync.Mutex
	clients map[*client]struct{}
}

// newHub returns an empty hub.
func newHub() *hub {
	return &hub{clients: make(map[*client]struct{})}
}

// join registers a new client showing page (a snapshot name, or "").
func (h *hub) join(page string) *client {
	c := &client{ch: make(chan []byte, clientBuffer), page: page}
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	return c
}

// leave unregisters c.
func (h *hub) leave(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// len returns the number of open streams.
func (h *hub) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// broadcast queues msg for every client without ever blocking: a client
// whose buffer is full misses it and gets a reload with its next message.
func (h *hub) broadcast(msg []byte) {
	h.broadcastTo(msg, func(*client) bool { return true })
}

// broadcastTo queues msg, as broadcast does, for the clients to accepts.
func (h *hub) broadcastTo(msg []byte, to func(*client) bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		if to(c) {
			c.offer(msg)
		}
	}
}

// offer queues msg, or a reload when an earlier message was missed, and
// records a miss when the buffer is full.
func (c *client) offer(msg []byte) {
	if c.missed.Load() {
		msg = coalescedReload
	}
	select {
	case c.ch <- msg:
		c.queued.Add(1)
		if string(msg) == string(coalescedReload) {
			c.missed.Store(false)
		}
	default:
		c.missed.Store(true)
	}
}

// serveEvents streams live reload messages until the client goes away or
// the server stops. The first frames set the retry delay and say hello with
// the current build, so a page served from an older build reloads at once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		return
	}
	c := s.hub.join(r.URL.Query().Get("page"))
	defer s.hub.leave(c)
	st := s.state.Load()
	out := &stream{w: w, rc: http.NewResponseController(w)}
	defer out.rc.SetWriteDeadline(time.Time{})
	hello := helloMessage(st.build, len(st.problems))
	if !out.send([]byte("retry: "+retryMillis+"\n: clause live reload\n\n"), hello) {
		return
	}
	s.pump(r, c, out)
}

// pump forwards queued messages and heartbeats to one client.
func (s *Server) pump(r *http.Request, c *client, out *stream) {
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		var frame []byte
		queued := false
		select {
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		case frame = <-c.ch:
			queued = true
		case <-tick.C:
			frame = []byte(": ping\n\n")
		}
		if !out.send(frame) {
			return
		}
		if queued {
			c.sent.Add(1)
		}
		if len(c.ch) == 0 && c.missed.Swap(false) && !out.send(coalescedReload) {
			return
		}
	}
}

// stream writes frames to one client with a deadline, flushing each time.
type stream struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

// send writes frames and flushes; it reports false when the client is gone
// or too slow.
func (o *stream) send(frames ...[]byte) bool {
	_ = o.rc.SetWriteDeadline(time.Now().Add(writeTimeout)) // unsupported in some tests
	for _, f := range frames {
		if _, err := o.w.Write(f); err != nil {
			return false
		}
	}
	return o.rc.Flush() == nil
}
