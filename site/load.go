package site

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/clause-dev/clause/site/internal/i18n"
)

// input is what the load phase reads: the site as it is on disk, with
// the options and environment applied, and nothing decided yet. Later
// phases read no other file, with three exceptions that keep memory flat
// or depend on a decision: a Markdown body is released once parsed and
// read again from src when it is rendered (see model.body), a file
// copied as it is is read whole only as render copies it (see
// checkCopies), and history: git reads the texts of the versions
// assemble finds.
type input struct {
	opts   Options
	src    fs.FS     // the source folder
	cfg    *Config   // clause.yaml, with --base-url or CLAUSE_BASE_URL applied
	now    time.Time // the moment that decides which version is current
	layout *layout   // the content folder and its patterns, from clause.yaml
	theme  layers    // the user's site, then the embedded theme

	contentFiles []contentFile     // the content folder's files, sorted by path
	sources      []*Source         // the Markdown files that loaded, in listing order
	unloaded     map[string]string // Markdown files that could not be loaded → the URL their path gives; see noteUnloaded
	copiedFiles  map[string]bool   // paths below content/ of the files copied as they are
	copies       []copiedFile      // those files, less Jekyll templates and files that cannot be read
	layouts      map[string][]byte // layouts/… → contents, see readLayouts
	wordFiles    map[string][]byte // i18n/… → contents, see readWords
	words        *i18n.Catalog     // the theme's words with the site's wordFiles on top
	assetFiles   []assetFile       // assets/… of every layer, read and hashed
	register     *Register         // data/subprocessors.yaml, see subprocessors.go
}

// load reads the site: clause.yaml with the options and environment
// applied, the content listing, every Markdown file parsed, the files
// to copy as they are checked, the layouts and the theme's assets. Problems go to
// errs; what could not be read is left out.
func load(ctx context.Context, opts Options, src fs.FS, errs *ErrorList) *input {
	in := &input{opts: opts, src: src, theme: layers{src}}
	if opts.Theme != nil {
		in.theme = append(in.theme, opts.Theme)
	}
	in.configure(errs)
	in.register = loadRegister(src, errs)
	in.contentFiles = listContent(src, in.layout, errs, opts.cache)
	in.sources = loadSources(ctx, src, in.layout, in.contentFiles, errs, opts.cache)
	in.noteUnloaded()
	in.checkCopies(errs)
	in.assetFiles = readAssets(in.theme, errs)
	in.layouts = readLayouts(in.theme, errs)
	in.wordFiles, in.words = readWords(src, errs)
	return in
}

// configure reads clause.yaml and applies the environment and options:
// the flag wins over CLAUSE_BASE_URL, which wins over the file.
func (in *input) configure(errs *ErrorList) {
	in.cfg = loadConfig(in.src, errs)
	if in.opts.BaseURL != "" {
		in.cfg.overrideBaseURL("--base-url", in.opts.BaseURL, errs)
	} else {
		in.cfg.overrideBaseURL("CLAUSE_BASE_URL", in.opts.Getenv("CLAUSE_BASE_URL"), errs)
	}
	now, err := resolveNow(in.opts.Now, in.opts.Getenv)
	if err != nil {
		errs.Add(&Error{Path: "SOURCE_DATE_EPOCH", Msg: err.Error()})
	}
	in.now = now
	in.layout = in.cfg.layout.withDestination(destinationInSource(in.opts.Source, in.opts.Destination))
}

// baseURLBy names what set base_url over clause.yaml, as configure
// applies them: "--base-url", "CLAUSE_BASE_URL", or "" for the file.
func (in *input) baseURLBy() string {
	switch {
	case in.opts.BaseURL != "":
		return "--base-url"
	case in.opts.Getenv("CLAUSE_BASE_URL") != "":
		return "CLAUSE_BASE_URL"
	}
	return ""
}

// history returns where versions come from: HistoryFiles (or "") or HistoryGit.
func (in *input) history() History {
	if in.opts.History != "" {
		return in.opts.History
	}
	return in.cfg.History
}

// resolveNow picks the moment that decides what is current: --now, else
// SOURCE_DATE_EPOCH, else the clock.
func resolveNow(now time.Time, getenv func(string) string) (time.Time, error) {
	if !now.IsZero() {
		return now, nil
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		var sec int64
		if _, err := fmt.Sscan(s, &sec); err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}
