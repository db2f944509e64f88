package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/clause-dev/clause/site"
)

// runInit writes a starter site: clause init [DIR].
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr)
	now := fs.String("now", "", "write this `DATE` as the starter policy's effective and last_revised (default today)")
	pos, status, ok := parseArgs(fs, args, stdout)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		wantArgs(fs, pos, 1, "at most one folder")
		return exitUsage
	}
	opts := site.InitOptions{Dir: "."}
	if len(pos) == 1 {
		opts.Dir = pos[0]
	}
	var err error
	if opts.Now, err = parseNow(*now); err != nil {
		fmt.Fprintf(stderr, "clause init: %v\n", err)
		return exitUsage
	}
	wrote, err := site.InitSite(opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	fmt.Fprintf(stdout, "started a site in %s:\n", opts.Dir)
	for _, f := range wrote {
		fmt.Fprintf(stdout, "  %s\n", filepath.ToSlash(filepath.Join(opts.Dir, f)))
	}
	fmt.Fprintln(stdout, "\nNext:")
	serve := "clause serve"
	if opts.Dir != "." {
		serve = "clause serve --source " + opts.Dir
	}
	fmt.Fprintf(stdout, "  1. Run %s and open the address it prints, to see the site as visitors will.\n", serve)
	fmt.Fprintln(stdout, "  2. Edit clause.yaml and content/privacy.md; the page reloads as you save.")
	fmt.Fprintln(stdout, "  3. Add policies with clause new policy <slug>, and run clause check before you publish.")
	return exitOK
}
