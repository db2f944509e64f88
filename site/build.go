package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/clause-dev/clause/site/internal/write"
)

// Options configures one build. Fields left zero take their defaults.
type Options struct {
	Source      string    // the site folder; default "."
	Destination string    // default "public" inside Source
	BaseURL     string    // overrides clause.yaml base_url
	Drafts      bool      // include pages with draft: true
	History     History   // HistoryFiles or HistoryGit; overrides history in clause.yaml
	Theme       fs.FS     // the default theme, holding layouts/ and assets/
	Now         time.Time // the moment that decides which version is current; zero means SOURCE_DATE_EPOCH, else the clock
	Getenv      func(string) string

	// Set by the package's dev server and tests.
	serve    bool        // dev server mode: templates see .Site.Serve
	cache    *buildCache // reuse work of earlier builds (the dev server); nil for none
	sourceFS fs.FS       // if set, read the site from here instead of Source
	first    *firstPass  // the dev server's pages to render and publish first; nil for none

	// Set by Check: keep the rendered texts for the linter (see renderMarkdown).
	texts *renderedTexts
}

// Result describes a finished build.
type Result struct {
	Pages      int // HTML pages written, policies and generated pages alike
	Policies   int
	Redirects  int
	Files      int
	Warnings   []*Error
	Duration   time.Duration
	Dest       string
	NextChange Date // the next date on which the output would change, or zero

	layout *layout // the content folder and patterns the build used, for serve's watcher
}

// Summary is the one line `clause build` prints on success.
func (r *Result) Summary() string {
	return fmt.Sprintf("built %s (%s, %s) in %d ms -> %s", count(r.Pages, "page", "pages"),
		count(r.Policies, "policy", "policies"), count(r.Redirects, "redirect", "redirects"), r.Duration.Milliseconds(), r.Dest)
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// BuildContext renders the site in opts.Source into opts.Destination. The
// new site is written into a temporary folder beside the destination and
// swapped in only when the whole build succeeded, so a failed build
// leaves the previous output exactly as it was. A *BuildError lists every
// problem. When ctx is done it removes its temporary folder, leaves the
// previous output as it was and returns ctx's error; once the new output
// is being swapped in, the build finishes.
func BuildContext(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	opts = opts.withDefaults()
	dest, err := checkDestination(opts)
	if err != nil {
		return nil, err
	}
	dir, err := write.Open(ctx, dest)
	if err != nil {
		return nil, err
	}
	res, err := run(ctx, opts, dir)
	if err != nil {
		dir.Discard()
		return res, err
	}
	if err := dir.Commit(); err != nil {
		return res, err
	}
	res.Duration = time.Since(start)
	res.Dest = opts.Destination
	return res, nil
}

// renderContext builds the site in memory and returns its files by output
// path; the dev server serves from this, and nothing is written to disk.
// It stops rendering pages once ctx is done and then returns ctx's error.
func renderContext(ctx context.Context, opts Options) (map[string][]byte, *Result, error) {
	start := time.Now()
	opts = opts.withDefaults()
	out := write.NewMemory()
	res, err := run(ctx, opts, out)
	if res != nil {
		res.Duration = time.Since(start)
	}
	return out.Files(), res, err
}

func (o Options) withDefaults() Options {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Destination == "" {
		o.Destination = filepath.Join(o.Source, "public")
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	return o
}

// run executes load, assemble and render against out, whose commit is
// the write phase (see BuildContext). It never panics: a panic in any
// step becomes an error. Once ctx is done it skips the remaining pages
// and returns ctx's error.
func run(ctx context.Context, opts Options, out output) (res *Result, err error) {
	src := opts.sourceFS
	if src == nil {
		root, err := os.OpenRoot(opts.Source)
		if err != nil {
			return nil, fmt.Errorf("source folder: %w", err)
		}
		defer root.Close()
		var release func()
		src, release = newSourceFS(root)
		defer release()
	}
	errs := &ErrorList{}
	defer recoverPanic(errs, "", &err)
	m, r := phases(ctx, opts, src, out, errs)
	res = m.result(r.pageCount())
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := errs.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// phases runs load, assemble and render, each phase a function of the
// value the one before made. They keep going after errors, all of which
// go to errs, so that one run reports as many problems as it can find.
// The renderer is nil when ctx was done before rendering began.
func phases(ctx context.Context, opts Options, src fs.FS, out output, errs *ErrorList) (*model, *renderer) {
	in := load(ctx, opts, src, errs)
	opts.first.failEarly(errs) // a front matter that cannot be read: show it before assembling
	m := assemble(in, errs)
	defer m.closeBlobs()
	if ctx.Err() != nil {
		return m, nil
	}
	return m, render(ctx, m, out, errs)
}

// pageCount returns the number of HTML pages written; 0 for a nil
// renderer, one that never ran.
func (r *renderer) pageCount() int {
	if r == nil {
		return 0
	}
	return int(r.pages.Load())
}

// recoverPanic turns a panic into an error in errs naming the file being
// built, so no input can crash clause; err, if not nil, is set to the
// list's error.
func recoverPanic(errs *ErrorList, file string, err *error) {
	if r := recover(); r != nil {
		e := &Error{Path: file, Msg: fmt.Sprintf("internal error: %v", r),
			Hint: "this is a bug in clause; please report it with this file\n" + firstLines(string(debug.Stack()), 12)}
		if file == "" {
			e.Path = "(build)"
		}
		errs.Add(e)
		if err != nil {
			*err = errs.Err()
		}
	}
}

// firstLines returns at most the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
