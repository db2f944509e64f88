package main

import (
	"errors"
	"flag"

	"github.com/clause-dev/clause/site"
)

// historyFlag is the --history flag. It accepts "files" or "git" only, so
// that a typo is a usage error rather than a build without history.
type historyFlag struct{ p *site.History }

// String returns the flag's value.
func (h historyFlag) String() string {
	if h.p == nil {
		return ""
	}
	return string(*h.p)
}

// Set checks and stores a value.
func (h historyFlag) Set(s string) error {
	v := site.History(s)
	if v != site.HistoryFiles && v != site.HistoryGit {
		return errors.New(`must be "files" or "git"`)
	}
	*h.p = v
	return nil
}

// addHistoryFlag defines --history on fs, storing into p.
func addHistoryFlag(fs *flag.FlagSet, p *site.History, usage string) {
	fs.Var(historyFlag{p}, "history", usage)
}
