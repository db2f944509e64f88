package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interrupt cancels a context on the first Ctrl-C (SIGINT) or SIGTERM and
// remembers which signal came. A second signal gets the default action,
// so a build that does not stop can still be killed.
type interrupt struct {
	ch     chan os.Signal
	cancel context.CancelFunc
	mu     sync.Mutex
	sig    os.Signal
	done   chan struct{}
}

// onInterrupt starts listening for SIGINT and SIGTERM.
func onInterrupt() (context.Context, *interrupt) {
	ctx, cancel := context.WithCancel(context.Background())
	in := &interrupt{ch: make(chan os.Signal, 1), cancel: cancel, done: make(chan struct{})}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go in.wait()
	return ctx, in
}

// wait records the first signal and cancels the context.
func (in *interrupt) wait() {
	select {
	case s := <-in.ch:
		signal.Stop(in.ch)
		in.mu.Lock()
		in.sig = s
		in.mu.Unlock()
		in.cancel()
	case <-in.done:
	}
}

// stop stops listening.
func (in *interrupt) stop() {
	signal.Stop(in.ch)
	close(in.done)
	in.cancel()
}

// status returns the signal that came, if one did, and the exit status
// that reports it: 128 plus its number (130 for Ctrl-C, 143 for SIGTERM).
func (in *interrupt) status() (os.Signal, int, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.sig == nil {
		return nil, 0, false
	}
	n := 2
	if s, ok := in.sig.(syscall.Signal); ok {
		n = int(s)
	}
	return in.sig, 128 + n, true
}
