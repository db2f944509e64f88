package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/clause-dev/clause/internal/gctune"
	"github.com/clause-dev/clause/site/devserver"
	"github.com/clause-dev/clause/site/watch"
)

// ServeOptions configures the dev server.
type ServeOptions struct {
	Options        // what to build; Serve is set, Destination is never written
	Addr    string // host:port to listen on; default 127.0.0.1:1313
	// AllowedHosts are Host header names answered besides localhost,
	// loopback addresses and the bind address (see devserver.Options).
	AllowedHosts []string
	Stdout       io.Writer        // where the URL and rebuild lines go
	Stderr       io.Writer        // where errors and warnings go
	Ready        func(url string) // called once the server listens (for --open and tests)
}

// Serve builds the site into memory, serves it with live reload, and
// rebuilds on every change to the content folder, layouts/, assets/ or
// clause.yaml until ctx is done. It never writes the destination folder,
// and changes inside it never trigger a rebuild.
func Serve(ctx context.Context, o ServeOptions) error {
	o.withServeDefaults()
	defer gctune.Start(serveMemory)()      // the limit follows the live heap while the server runs; GOMEMLIMIT wins
	var building atomic.Pointer[firstPass] // the running build's, for requests that it has not rendered yet
	srv := devserver.New(devserver.Options{Addr: o.Addr, AllowedHosts: o.AllowedHosts, Demand: func(names []string) {
		building.Load().demand(names)
	}})
	ln, err := srv.Listen()
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	o.Options.serve = true
	o.Options.BaseURL = url
	sess := newSession(o.Options)
	loop := &serveLoop{o: o, srv: srv, sess: sess, filter: newWatchFilter(o.Options), building: &building}
	if err := loop.startWatcher(); err != nil {
		ln.Close()
		return err
	}
	defer func() { loop.w.Close() }()
	if msg := missingSite(o.Source); msg != "" {
		fmt.Fprintln(o.Stderr, msg)
	}
	loop.rebuild(nil)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	fmt.Fprintf(o.Stdout, "serving %s at %s (press Ctrl-C to stop)\n", o.Source, url)
	if o.Ready != nil {
		o.Ready(url)
	}
	loop.watch(ctx)
	return <-done
}

func (o *ServeOptions) withServeDefaults() {
	if o.Addr == "" {
		o.Addr = devserver.DefaultAddr
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	o.Options = o.Options.withDefaults()
}

// IsLoopback reports whether a listen address only accepts local
// connections.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serveLoop runs one rebuild at a time and reports each distinct failure
// once.
type serveLoop struct {
	o          ServeOptions
	srv        *devserver.Server
	sess       *session
	filter     *watchFilter
	w          *watch.Watcher
	lastReport string
	served     bool                       // a build has succeeded, so there is a last good site
	building   *atomic.Pointer[firstPass] // the first pass of the running build, if any
}

// failureNote says what visitors see after a failed rebuild.
func (l *serveLoop) failureNote() string {
	if l.served {
		return "still serving the last good site"
	}
	return "there is no site to serve until it is fixed; the browser shows the errors"
}

// watch rebuilds after every batch of changes until ctx is done. The
// rebuilds run in the background, so a batch that arrives meanwhile
// cancels the running one (see rebuilds).
func (l *serveLoop) watch(ctx context.Context) {
	r := &rebuilds{build: l.build}
	defer r.stop()
	for {
		select {
		case <-ctx.Done():
			return
		case batch, ok := <-l.w.Batches():
			if !ok {
				return
			}
			r.add(ctx, toChanges(batch))
		case res := <-r.finished():
			if r.finish(res) {
				l.publish(res)
			}
			r.resume(ctx)
		case err, ok := <-l.w.Errors():
			if ok {
				fmt.Fprintf(l.o.Stderr, "watch: %v\n", err)
			}
		}
	}
}

func toChanges(batch []watch.Event) []fileChange {
	out := make([]fileChange, len(batch))
	for i, e := range batch {
		out[i] = fileChange{Path: e.Path, Created: e.Op.Has(watch.Create) || e.Op.Has(watch.Remove) || e.Op.Has(watch.Rename)}
	}
	return out
}

// rebuild builds once and publishes the result or the problems.
func (l *serveLoop) rebuild(changes []fileChange) {
	res := l.build(context.Background(), changes)
	res.changes = changes
	l.publish(res)
}

// build runs one rebuild of the session until ctx is done. The pages
// that browsers show are rendered first and served at once (see
// firstPass); the rest of the site follows.
func (l *serveLoop) build(ctx context.Context, changes []fileChange) rebuildResult {
	start := time.Now()
	fp := &firstPass{pages: l.srv.Viewed(), yield: l.srv.Pauses(), publish: func(ctx context.Context, files map[string][]byte, pages, changed []string) {
		l.srv.PublishFirst(&devserver.Snapshot{Files: files}, pages, changed)
		l.srv.Delivered(ctx)
	}, more: func(files map[string][]byte) { l.srv.PublishMore(&devserver.Snapshot{Files: files}) },
		fail: func(errs []*Error) { l.srv.Fail(l.problems(errs)) }}
	if len(fp.pages) == 0 {
		fp = nil
	}
	l.building.Store(fp)
	defer l.building.Store(nil)
	files, changed, res, err := l.sess.rebuildFirst(ctx, changes, fp)
	return rebuildResult{files: files, changed: changed, res: res, err: err, took: time.Since(start)}
}

// publish serves a rebuild's files or shows its problems.
func (l *serveLoop) publish(r rebuildResult) {
	files, changed, res, err, changes := r.files, r.changed, r.res, r.err, r.changes
	var be *BuildError
	switch {
	case errors.As(err, &be):
		l.srv.Fail(l.problems(be.Errors))
		l.report(formatProblems(be.Errors) + "build failed: " + count(len(be.Errors), "error", "errors") + "; " + l.failureNote() + "\n")
	case err != nil:
		l.srv.Fail([]devserver.Problem{{Diagnostic: Error{Msg: err.Error()}}})
		l.report(err.Error() + "\n")
	default:
		l.srv.Publish(&devserver.Snapshot{Files: files}, changed)
		l.served = true
		l.report(formatProblems(res.Warnings))
		if changes != nil {
			fmt.Fprintf(l.o.Stdout, "rebuilt in %d ms: %s changed\n", r.took.Milliseconds(), count(len(changed), "output file", "output files"))
		}
	}
	if res != nil && res.layout != nil && l.filter.follow(res.layout) {
		l.restartWatcher() // content_dir changed: watch the new folder
	}
}

// report prints problems once, not once per event.
func (l *serveLoop) report(text string) {
	if text != l.lastReport && text != "" {
		fmt.Fprint(l.o.Stderr, text)
	}
	l.lastReport = text
}

func formatProblems(errs []*Error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

// problems gives errors to the browser overlay with the source lines
// around each one.
func (l *serveLoop) problems(errs []*Error) []devserver.Problem {
	out := make([]devserver.Problem, 0, len(errs))
	for _, e := range errs {
		p := devserver.Problem{Diagnostic: *e}
		if e.Line > 0 {
			p.Source = l.excerpt(e.Path, e.Line)
		}
		out = append(out, p)
	}
	return out
}

// excerpt reads the lines around line of a site file; os.Root keeps the
// read inside the source folder whatever the path says.
func (l *serveLoop) excerpt(p string, line int) []devserver.SourceLine {
	root, err := os.OpenRoot(l.o.Source)
	if err != nil {
		return nil
	}
	defer root.Close()
	src, err := root.ReadFile(filepath.FromSlash(p))
	if err != nil {
		return nil
	}
	return devserver.Excerpt(src, line, 3)
}

// serveMemory is the collector's policy for the dev server, which holds
// the whole site in memory and, while a template edit re-renders every
// page, briefly two: at least 120 MiB, else one and a half times the live
// heap, so its footprint stays near what it really uses while a large
// site is not slowed by constant collections.
var serveMemory = gctune.Policy{Min: 120 << 20, Max: 4 << 30, Factor: 1.5}
