package main

import (
	"errors"
	"flag"
)

// historyFlag is the --history flag. It accepts "files" or "git" only, so
// that a typo is a usage error rather than a build without history.
type historyFlag struct{ p *string }

// String returns the flag's value.
func (h historyFlag) String() string {
	if h.p == nil {
		return ""
	}
	return *h.p
}

// Set checks and stores a value.
func (h historyFlag) Set(s string) error {
	if s != "files" && s != "git" {
		return errors.New(`must be "files" or "git"`)
	}
	*h.p = s
	return nil
}

// addHistoryFlag defines --history on fs, storing into p.
func addHistoryFlag(fs *flag.FlagSet, p *string, usage string) {
	fs.Var(historyFlag{p}, "history", usage)
}
