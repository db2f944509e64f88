// Package devserver serves an immutable in-memory snapshot of a built site
// for `clause serve`, with live reload over server-sent events and a build
// error overlay.
//
// Serve mode never writes to disk: every Publish swaps in a complete
// in-memory Snapshot, and requests are answered from whichever snapshot was
// current when they arrived. PublishFirst serves the first pages of a
// build still running, those that open browsers show (Viewed; the script
// names its page when it connects), and reloads only those browsers;
// until the build's Publish (or Fail), a request for any other file
// waits for it rather than mix two builds. The live reload script is injected into HTML
// responses on the fly and is never part of the snapshot itself. All URLs
// the script uses are relative to the page, so the server works behind a
// proxy or in a Codespace, under any host name it is told to answer (see
// Options.AllowedHosts): other Host headers get 403, against DNS
// rebinding.
package devserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/clause-dev/clause/site/internal/diag"
)

// DefaultAddr is the address Listen binds when Options.Addr is empty.
const DefaultAddr = "127.0.0.1:1313"

// shutdownGrace bounds how long Serve waits for requests in flight after
// its context is cancelled before closing connections.
const shutdownGrace = time.Second

// Snapshot is one immutable built site. Files maps output-relative slash
// paths ("index.html", "privacy/index.html", "assets/clause.3f2a1b.css",
// "404.html") to contents. Neither the map nor the contents may be modified
// once the snapshot is published.
type Snapshot struct {
	Files map[string][]byte
}

// Options configures a Server.
type Options struct {
	// Addr is the TCP address to listen on, such as "127.0.0.1:1313". The
	// server never changes it; empty means DefaultAddr.
	Addr string
	// AllowedHosts are the Host header names answered besides localhost,
	// loopback addresses and the bind address, each checked by
	// CleanAllowedHost; a leading dot also allows subdomains.
	AllowedHosts []string
	// Demand, when set, is asked for the files that a request needs while
	// only a build's first files are served (see PublishFirst): the
	// snapshot names a request could be for ("policy/index.html"). It
	// may render them and call PublishMore before it returns, or later;
	// the request waits either way, for a snapshot that has its file or
	// the complete one. Each request asks once. It is called from request
	// goroutines.
	Demand func(names []string)
}

// state is what requests see: the last good snapshot and the problems of
// the latest failed build, if any. It is replaced as a whole, never edited.
type state struct {
	snap     *Snapshot // nil until the first Publish
	problems []Problem // nil when the latest build succeeded
	build    string    // identifies snap across server restarts
	// base is the last complete snapshot: snap itself, except while snap
	// holds only the first pages of a build (see PublishFirst).
	base *Snapshot
	// pending is non-nil while snap holds only a build's first pages; it
	// is closed when a complete snapshot or a failure replaces it.
	pending chan struct{}
}

// Server serves snapshots with live reload. Its methods are safe for
// concurrent use.
type Server struct {
	opts  Options
	state atomic.Pointer[state]
	hub   *hub
	hosts *hostPolicy
	mu    sync.Mutex         // serialises Publish and Fail so broadcasts follow state order
	nonce string             // distinguishes builds of different server runs
	gen   uint64             // guarded by mu
	told  map[*client]uint64 // guarded by mu: clients the pending first pages reloaded, with their queued count then
	// answering counts the site requests being answered from a snapshot
	// (not those waiting for one); see Pause.
	answering atomic.Int64
	waiting   atomic.Int64 // site requests waiting for a complete snapshot
	quit      chan struct{}
	once      sync.Once
	active    atomic.Int64 // requests in flight under Serve
}

// New returns a Server that serves a "building" page until the first
// Publish.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	s := &Server{
		opts:  opts,
		hub:   newHub(),
		hosts: newHostPolicy(opts.Addr, opts.AllowedHosts),
		nonce: strconv.FormatInt(time.Now().UnixNano(), 36),
		quit:  make(chan struct{}),
	}
	s.state.Store(&state{build: s.nonce + ".0"})
	return s
}

// Listen binds the configured address. When the port is taken the error
// says so and suggests --port.
func (s *Server) Listen() (net.Listener, error) {
	addr := s.opts.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil && isAddrInUse(err) {
		_, port, _ := net.SplitHostPort(addr)
		return nil, &portInUseError{port: port, err: err}
	}
	return ln, err
}

// portInUseError reports a taken port in words a writer can act on.
type portInUseError struct {
	port string
	err  error
}

// Error returns the actionable message.
func (e *portInUseError) Error() string {
	return fmt.Sprintf("port %s is already in use; pick another with --port", e.port)
}

// Unwrap returns the underlying listen error.
func (e *portInUseError) Unwrap() error { return e.err }

// isAddrInUse reports whether err means the address is already bound.
func isAddrInUse(err error) bool {
	return errors.Is(err, syscall.EADDRINUSE) ||
		strings.Contains(err.Error(), "address already in use") ||
		strings.Contains(err.Error(), "Only one usage of each socket address")
}

// Serve answers requests on ln until ctx is cancelled, then shuts down:
// live reload streams are closed, requests in flight get a short grace
// period, and no goroutines are left when it returns. It returns nil after
// a cancellation and the listener's error otherwise. Serve may be called
// once per Server.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.tracked(s.handler()),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		s.stopStreams()
		return err
	case <-ctx.Done():
	}
	s.stopStreams()
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if srv.Shutdown(grace) != nil {
		srv.Close()
	}
	<-errc
	s.waitIdle(shutdownGrace)
	return nil
}

// tracked counts requests in flight so Serve can wait for them.
func (s *Server) tracked(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.active.Add(1)
		defer s.active.Add(-1)
		h.ServeHTTP(w, r)
	})
}

// waitIdle waits up to limit for handlers still running after their
// connections were closed.
func (s *Server) waitIdle(limit time.Duration) {
	deadline := time.Now().Add(limit)
	for s.active.Load() > 0 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
}

// stopStreams ends every live reload stream.
func (s *Server) stopStreams() { s.once.Do(func() { close(s.quit) }) }

// Publish atomically replaces the served snapshot, clears problems and
// tells browsers: a "css" message when every changed path is a stylesheet
// (and the previous build did not fail), otherwise a "reload" message
// listing the HTML pages that no longer exist. An empty changed list means
// "unknown" and reloads.
func (s *Server) Publish(snap *Snapshot, changed []string) {
	if snap == nil || snap.Files == nil {
		snap = &Snapshot{Files: map[string][]byte{}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	next := &state{snap: snap, base: snap, build: s.nextBuild()}
	s.state.Store(next)
	release(old)
	s.told = nil
	to := func(c *client) bool { return !shownFirst(old, snap, c.page) }
	if len(old.problems) == 0 && onlyCSS(old.base, snap, changed) {
		s.hub.broadcastTo(cssMessage(next.build, changed), to)
		return
	}
	s.hub.broadcastTo(reloadMessage(next.build, removedPages(old.base, snap)), to)
}

// nextBuild returns the name of a new build; call it with mu held.
func (s *Server) nextBuild() string {
	s.gen++
	return s.nonce + "." + strconv.FormatUint(s.gen, 10)
}

// Fail records the problems of a failed build. The last good snapshot
// keeps being served, every page shows the overlay, and open pages are told
// with an "error" message.
func (s *Server) Fail(problems []Problem) {
	problems = append([]Problem(nil), problems...)
	if len(problems) == 0 {
		problems = []Problem{{Diagnostic: diag.Diagnostic{Msg: "build failed"}}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	build := old.build
	if old.pending != nil {
		build = s.nextBuild() // back to the last complete snapshot, which the first pages replaced
	}
	s.state.Store(&state{snap: old.base, base: old.base, problems: problems, build: build})
	release(old)
	s.told = nil
	s.hub.broadcast(errorMessage(len(problems)))
}

// handler returns the HTTP handler: the site, /_clause/events and
// /_clause/problems. Only GET and HEAD are allowed, and only for the
// hosts of the server's host policy (see hostPolicy); others get 403.
func (s *Server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts.allows(r.Host) {
			refuseHost(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		switch r.URL.Path {
		case eventsPath:
			s.serveEvents(w, r)
		case problemsPath:
			s.serveProblems(w, r)
		default:
			s.serveSite(w, r)
		}
	})
}

// onlyCSS reports whether changed holds stylesheets and nothing else but
// pages that differ from their old version only in the version query of
// the stylesheets they link ("clause.css?v=1a2b…"), as every page does
// when such a stylesheet changes.
func onlyCSS(old, next *Snapshot, changed []string) bool {
	css := false
	for _, p := range changed {
		switch {
		case strings.HasSuffix(p, ".css"):
			css = true
		case old != nil && strings.HasSuffix(p, ".html") && sameButStyleVersions(old.Files[p], next.Files[p]):
		default:
			return false
		}
	}
	return css
}

// sameButStyleVersions reports whether a and b differ only in the values
// of ".css?v=" queries. It compares in one pass, without copies, since a
// stylesheet edit changes every page of the site.
func sameButStyleVersions(a, b []byte) bool {
	if a == nil || b == nil {
		return false
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i, j = i+1, j+1
			continue
		}
		k := i // the start of the token both sides differ in
		for k > 0 && isVersionByte(a[k-1]) {
			k--
		}
		if !bytes.HasSuffix(a[:k], []byte(".css?v=")) {
			return false
		}
		for i < len(a) && isVersionByte(a[i]) {
			i++
		}
		for j < len(b) && isVersionByte(b[j]) {
			j++
		}
	}
	return i == len(a) && j == len(b)
}

// isVersionByte reports whether c can be part of an asset version.
func isVersionByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// removedPages returns the HTML paths of old that next no longer has.
func removedPages(old, next *Snapshot) []string {
	removed := []string{}
	if old == nil {
		return removed
	}
	for p := range old.Files {
		if _, ok := next.Files[p]; !ok && strings.HasSuffix(p, ".html") {
			removed = append(removed, p)
		}
	}
	sort.Strings(removed)
	return removed
}
