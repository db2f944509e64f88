package main

import (
	"fmt"
	"io"

	"github.com/clause-dev/clause/site"
)

// runAnnounce prints the announcement of a policy's next change:
// clause announce <slug>.
func runAnnounce(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("announce", stderr)
	opts := site.Options{}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's absolute `URL`, for the links (default base_url in clause.yaml, env CLAUSE_BASE_URL)")
	format := fs.String("format", "markdown", "the output `format`: markdown, or text for a plain-text e-mail with its subject line first")
	addHistoryFlag(fs, &opts.History, "where earlier versions come from: `files` (versions/ folders) or git")
	now := fs.String("now", "", "decide which version is upcoming as of this `DATE` (default SOURCE_DATE_EPOCH, else the clock)")
	pos, status, ok := parseArgs(fs, args, stdout)
	if !ok {
		return status
	}
	if !wantArgs(fs, pos, 1, "the policy's slug") {
		return exitUsage
	}
	if *format != "markdown" && *format != "text" {
		fmt.Fprintf(stderr, "clause announce: unknown --format %q: use markdown or text\n", *format)
		return exitUsage
	}
	if err := setNow(&opts, *now); err != nil {
		fmt.Fprintf(stderr, "clause announce: %v\n", err)
		return exitUsage
	}
	a, err := site.Announce(opts, pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if *format == "text" {
		fmt.Fprint(stdout, a.Text())
	} else {
		fmt.Fprint(stdout, a.Markdown())
	}
	return exitOK
}
