package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/clause-dev/clause/site"
)

// parseArgs parses flags placed before, between or after the positional
// arguments, which it returns. Like parseFlags, it returns false when the
// command should stop, with the exit status.
func parseArgs(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int, bool) {
	var pos []string
	for {
		if err := parseQuietly(fs, args); err != nil {
			return nil, stopOn(fs, err, stdout), false
		}
		if fs.NArg() == 0 {
			return pos, exitOK, true
		}
		rest := fs.Args()
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), exitOK, true // after --, everything is an argument
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// wantArgs checks the number of positional arguments.
func wantArgs(fs *flag.FlagSet, got []string, n int, what string) bool {
	if len(got) == n {
		return true
	}
	fmt.Fprintf(fs.Output(), "clause %s: want %s, got %d %s\n", fs.Name(), what, len(got), plural(len(got), "argument"))
	fs.Usage()
	return false
}

// runNew writes a new policy file: clause new policy <slug>.
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	opts := site.NewPolicyOptions{}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`")
	fs.StringVar(&opts.Title, "title", "", "the policy's `title` (default: the slug made readable)")
	fs.StringVar(&opts.Group, "group", "", "the home page `group` (default: the first group in clause.yaml)")
	now := fs.String("now", "", "write this `DATE` as last_revised and effective (default today)")
	pos, status, ok := parseArgs(fs, args, stdout)
	if !ok {
		return status
	}
	if !wantArgs(fs, pos, 2, "policy <slug>") {
		return exitUsage
	}
	if pos[0] != "policy" {
		fmt.Fprintf(stderr, "clause new: unknown kind %q: clause new makes a policy, as in clause new policy cookies\n", pos[0])
		return exitUsage
	}
	var err error
	if opts.Now, err = parseNow(*now); err != nil {
		fmt.Fprintf(stderr, "clause new: %v\n", err)
		return exitUsage
	}
	opts.Slug = pos[1]
	rel, err := site.NewPolicy(opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s\n\nNext:\n", rel)
	fmt.Fprintf(stdout, "  1. Write its description in the front matter, and replace each TODO line in the text\n     (clause check warns about each one left).\n")
	fmt.Fprintf(stdout, "  2. Run clause check, then clause serve to read it as visitors will.\n")
	return exitOK
}

// parseNow reads a --now value; empty means the zero time.
func parseNow(s string) (time.Time, error) {
	var o site.Options
	err := setNow(&o, s)
	return o.Now, err
}
