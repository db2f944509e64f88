package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
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
	dest, err := prepareDestination(opts.Source, contentDirOf(opts), opts.Destination)
	if err != nil {
		return nil, err
	}
	out, err := newDirOutput(ctx, dest)
	if err != nil {
		return nil, err
	}
	res, err := run(ctx, opts, out)
	if err == nil {
		pause(ctx, "commit")
		err = ctx.Err()
	}
	if err != nil {
		out.discard()
		return res, err
	}
	if err := out.commit(); err != nil {
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
	out := newMemOutput()
	res, err := run(ctx, opts, out)
	if res != nil {
		res.Duration = time.Since(start)
	}
	return out.files, res, err
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

// run executes load, assemble, render and write against out. It never
// panics: a panic in any step becomes an error. Once ctx is done it
// skips the remaining pages and returns ctx's error.
func run(ctx context.Context, opts Options, out output) (res *Result, err error) {
	src := opts.sourceFS
	if src == nil {
		root, err := os.OpenRoot(opts.Source)
		if err != nil {
			return nil, fmt.Errorf("source folder: %w", err)
		}
		defer root.Close()
		src = root.FS()
	}
	b := newBuilder(opts, src, out)
	b.ctx = ctx
	defer b.recoverPanic("", &err)
	b.build()
	res = b.result()
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := b.errs.Err(); err != nil {
		return res, err
	}
	return res, nil
}
