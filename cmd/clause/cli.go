package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/internal/suggest"
	"github.com/clause-dev/clause/site"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the build found problems
	exitUsage = 2 // unknown command or flag
)

// command is one clause subcommand.
type command struct {
	name    string
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a folder", "clause build [--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--now DATE] [--history files|git] [--quiet]", runBuild},
		{"serve", "serve the site with live reload", "clause serve [--source DIR] [--port PORT] [--bind ADDRESS] [--allowed-host NAME]... [--drafts] [--now DATE] [--history files|git] [--open]", runServe},
		{"check", "check the site for errors and lint warnings, writing nothing", "clause check [--source DIR] [--format text|json|github] [--strict] [--base-url URL] [--drafts] [--now DATE] [--history files|git]", runCheck},
		{"init", "start a site: clause.yaml and a first policy", "clause init [DIR] [--now DATE]", runInit},
		{"new", "write a new policy file with front matter and sections", "clause new policy <slug> [--title TITLE] [--group ID] [--source DIR] [--now DATE]", runNew},
		{"revise", "archive a policy's current text and start a new version", "clause revise <slug> --effective DATE [--summary TEXT] [--material] [--backdate] [--source DIR] [--now DATE]", runRevise},
		{"announce", "print the announcement of a policy's next change, as Markdown or a plain-text e-mail", "clause announce <slug> [--format markdown|text] [--source DIR] [--base-url URL] [--now DATE] [--history files|git]", runAnnounce},
		{"import", "convert a plain-text or HTML policy to Markdown", "clause import [--html] [--output FILE] FILE|-", runImport},
		{"version", "print the version", "clause version", runVersion},
		{"help", "show help for a command", "clause help [command]", nil},
	}
}

// run dispatches to a subcommand and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdout, stderr)
	case "-v", "-version", "--version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(rest, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "clause: unknown command %q%s\n\n", name, didYouMean(name))
	usage(stderr)
	return exitUsage
}

// didYouMean suggests the command meant by an unknown one, or returns "".
func didYouMean(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s, ok := suggest.Closest(name, names); ok {
		return fmt.Sprintf("; did you mean clause %s?", s)
	}
	return ""
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "clause builds static privacy centers from Markdown policies.")
	fmt.Fprintln(w, "\nUsage:\n\n\tclause <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'clause help <command>' or 'clause <command> --help' for a command's flags.")
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return c.run([]string{"--help"}, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "clause help: unknown command %q%s\n", args[0], didYouMean(args[0]))
	return exitUsage
}

// parseFlags parses args; it returns a status and false when the command
// should stop (help was asked for, or the flags were wrong).
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	if err := parseQuietly(fs, args); err != nil {
		return stopOn(fs, err, stdout), false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "clause %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	opts := site.Options{Theme: clause.Theme}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`, holding clause.yaml, content/, layouts/ and assets/")
	fs.StringVar(&opts.Destination, "destination", "", "the output `folder` (default \"public\" inside the source; env CLAUSE_DESTINATION)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's absolute `URL`, overriding base_url in clause.yaml (env CLAUSE_BASE_URL)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages with draft: true")
	addHistoryFlag(fs, &opts.History, "where earlier versions come from: `files` (versions/ folders) or git (the repository's history)")
	quiet := fs.Bool("quiet", false, "print nothing on success, and no warnings")
	now := fs.String("now", "", "decide which versions are current as of this `DATE` (default SOURCE_DATE_EPOCH, else the clock)")
	if status, ok := parseFlags(fs, args, stdout); !ok {
		return status
	}
	if err := setNow(&opts, *now); err != nil {
		fmt.Fprintf(stderr, "clause build: %v\n", err)
		return exitUsage
	}
	if opts.Destination == "" {
		opts.Destination = envOr("CLAUSE_DESTINATION", "")
	}
	tuneGC()
	ctx, in := onInterrupt()
	res, err := site.BuildContext(ctx, opts)
	in.stop()
	if sig, status, ok := in.status(); ok && err != nil {
		fmt.Fprintf(stderr, "clause build: interrupted (%v); nothing was written and the previous output, if any, is untouched\n", sig)
		return status
	}
	if res != nil && !*quiet {
		printProblems(stderr, res.Warnings)
	}
	if err != nil {
		reportError(stderr, err)
		return exitError
	}
	if !*quiet {
		fmt.Fprintln(stdout, res.Summary())
		if !res.NextChange.IsZero() {
			fmt.Fprintf(stdout, "next change: %s (rebuild on that date so the upcoming version becomes current)\n", res.NextChange.ISO())
		}
	}
	return exitOK
}

// setNow parses --now into opts.Now.
func setNow(opts *site.Options, now string) error {
	if now == "" {
		return nil
	}
	d, err := site.ParseDate(now)
	if err != nil {
		return fmt.Errorf("--now: %v", err)
	}
	opts.Now = d.Time()
	return nil
}

// reportError prints a build failure: every problem, then a count.
func reportError(w io.Writer, err error) {
	var be *site.BuildError
	if errors.As(err, &be) {
		printProblems(w, be.Errors)
		fmt.Fprintf(w, "build failed: %d %s; nothing was written and the previous output, if any, is untouched\n", len(be.Errors), plural(len(be.Errors), "error"))
		return
	}
	fmt.Fprintf(w, "clause: %v\n", err)
}

func printProblems(w io.Writer, problems []*site.Error) {
	for _, e := range problems {
		fmt.Fprintln(w, e.Error())
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Version is set at link time with -ldflags "-X main.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", stderr)
	if status, ok := parseFlags(fs, args, stdout); !ok {
		return status
	}
	v := Version
	if info, ok := debug.ReadBuildInfo(); ok && v == "" {
		v = info.Main.Version
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	fmt.Fprintf(stdout, "clause %s\n", strings.TrimSpace(v))
	return exitOK
}
