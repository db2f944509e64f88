package main

import (
	"fmt"
	"io"

	"github.com/clause-dev/clause/site"
)

// runRevise starts a new version of a policy: clause revise <slug>
// --effective DATE.
func runRevise(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("revise", stderr)
	opts := site.ReviseOptions{}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`")
	effective := fs.String("effective", "", "the `DATE` the new version takes effect, YYYY-MM-DD (required)")
	fs.StringVar(&opts.Summary, "summary", "", "one line on what changes, shown to readers")
	fs.BoolVar(&opts.Material, "material", false, "mark the change as material")
	now := fs.String("now", "", "today's `DATE`, written as last_revised (default SOURCE_DATE_EPOCH, else the clock)")
	fs.BoolVar(&opts.Backdate, "backdate", false, "accept an --effective date before today: the new version is current at once")
	pos, status, ok := parseArgs(fs, args, stdout)
	if !ok {
		return status
	}
	if !wantArgs(fs, pos, 1, "the policy's slug") {
		return exitUsage
	}
	if *effective == "" {
		fmt.Fprintln(stderr, "clause revise: --effective DATE is required: the date the new version takes effect")
		return exitUsage
	}
	var err error
	if opts.Effective, err = site.ParseDate(*effective); err != nil {
		fmt.Fprintf(stderr, "clause revise: --effective: %v\n", err)
		return exitUsage
	}
	if opts.Now, err = parseNow(*now); err != nil {
		fmt.Fprintf(stderr, "clause revise: %v\n", err)
		return exitUsage
	}
	opts.Slug = pos[0]
	rev, err := site.Revise(opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if rev.Backdated() {
		fmt.Fprintf(stderr, "warning: --backdate: the new version took effect on %s, before today (%s); readers see it as the current text at once, without notice, and its last_revised is %s\n",
			rev.Effective.ISO(), rev.Today.ISO(), rev.Revised.ISO())
	}
	printRevision(stdout, rev, opts)
	return exitOK
}

// printRevision tells the writer what changed and what to do next.
func printRevision(w io.Writer, rev *site.Revision, opts site.ReviseOptions) {
	fmt.Fprintf(w, "archived the text effective %s as %s\n", rev.Previous.ISO(), rev.Archived)
	fmt.Fprintf(w, "%s is now the new version: effective %s, last_revised %s\n", rev.Current, rev.Effective.ISO(), rev.Revised.ISO())
	if rev.InForce() {
		fmt.Fprintf(w, "\nNext:\n  1. Edit the text of %s: it is the current version since %s, so readers see it as soon as you publish.\n", rev.Current, rev.Effective.ISO())
	} else {
		fmt.Fprintf(w, "\nNext:\n  1. Edit the text of %s: readers see it as the upcoming version until %s.\n", rev.Current, rev.Effective.ISO())
	}
	step := 2
	if opts.Summary == "" {
		fmt.Fprintf(w, "  %d. Add summary: one line on what changes, to its front matter.\n", step)
		step++
	}
	fmt.Fprintf(w, "  %d. List each change under changes: in its front matter.\n", step)
	fmt.Fprintf(w, "  %d. Run clause check, then publish.\n", step+1)
	if !rev.InForce() {
		fmt.Fprintf(w, "  %d. Rebuild on %s, so the new version becomes current (a daily scheduled build does this).\n", step+2, rev.Effective.ISO())
	}
}
