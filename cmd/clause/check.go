package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site"
)

// usageOf returns the usage line of the named command.
func usageOf(name string) string {
	for _, c := range commands() {
		if c.name == name {
			return c.usage
		}
	}
	return "clause " + name
}

// summaryOf returns what the named command does, in a few words.
func summaryOf(name string) string {
	for _, c := range commands() {
		if c.name == name {
			return c.summary
		}
	}
	return ""
}

// runCheck checks the site without writing anything and prints every
// problem; it fails on errors, and with --strict on warnings too.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	opts := site.Options{Theme: clause.Theme}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`, holding clause.yaml and content/")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's absolute `URL`, overriding base_url in clause.yaml (env CLAUSE_BASE_URL)")
	format := fs.String("format", site.FormatText, "the output `format`: text, json or github (GitHub Actions annotations)")
	strict := fs.Bool("strict", false, "fail on warnings as well as errors")
	fs.BoolVar(&opts.Drafts, "drafts", false, "check pages with draft: true too")
	addHistoryFlag(fs, &opts.History, "where earlier versions come from: `files` (versions/ folders) or git")
	now := fs.String("now", "", "decide which versions are current as of this `DATE` (default SOURCE_DATE_EPOCH, else the clock)")
	if status, ok := parseFlags(fs, args, stdout); !ok {
		return status
	}
	if !slices.Contains(site.Formats, *format) {
		fmt.Fprintf(stderr, "clause check: unknown --format %q: use %s\n", *format, strings.Join(site.Formats, ", "))
		return exitUsage
	}
	if err := setNow(&opts, *now); err != nil {
		fmt.Fprintf(stderr, "clause check: %v\n", err)
		return exitUsage
	}
	report, err := site.Check(opts)
	if err != nil {
		fmt.Fprintf(stderr, "clause check: %v\n", err)
		return exitError
	}
	if err := site.WriteProblems(stdout, report.Problems, *format, opts.Source); err != nil {
		fmt.Fprintf(stderr, "clause check: %v\n", err)
		return exitError
	}
	if *format == site.FormatText {
		fmt.Fprintln(stderr, report.Summary())
	}
	if report.Failed(*strict) {
		return exitError
	}
	return exitOK
}
