package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site"
	"github.com/clause-dev/clause/site/devserver"
)

// runServe builds the site into memory and serves it with live reload
// until Ctrl-C or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	opts := site.ServeOptions{Options: site.Options{Theme: clause.Theme}, Stdout: stdout, Stderr: stderr}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`")
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 exposes the preview to your network")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages with draft: true")
	addHistoryFlag(fs, &opts.History, "where earlier versions come from: `files` or git")
	now := fs.String("now", "", "decide which versions are current as of this `DATE`")
	open := fs.Bool("open", false, "open the site in a browser")
	fs.Func("allowed-host", "also answer requests for this host `name` (a proxy, a Codespace); .example.com allows its subdomains; repeatable", func(v string) error {
		h, err := devserver.CleanAllowedHost(v)
		opts.AllowedHosts = append(opts.AllowedHosts, h)
		return err
	})
	if status, ok := parseFlags(fs, args, stdout); !ok {
		return status
	}
	if err := setNow(&opts.Options, *now); err != nil {
		fmt.Fprintf(stderr, "clause serve: %v\n", err)
		return exitUsage
	}
	opts.Addr = net.JoinHostPort(*bind, strconv.Itoa(*port))
	if !site.IsLoopback(opts.Addr) {
		fmt.Fprintf(stderr, "warning: serving on %s makes the preview reachable from other machines\n", *bind)
	}
	if *open {
		opts.Ready = openBrowser
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := site.Serve(ctx, opts); err != nil {
		fmt.Fprintf(stderr, "clause serve: %v\n", err)
		return exitError
	}
	return exitOK
}

// openBrowser opens url with the system's browser, best effort.
func openBrowser(url string) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "explorer"
	}
	if err := exec.Command(name, url).Start(); err != nil {
		fmt.Println("open your browser at", url)
	}
}
