package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// input is what the load phase reads: the site as it is on disk, with
// the options and environment applied, and nothing decided yet. Every
// later phase reads files only through it (and, for history: git, the
// blobs assemble opens), so a build reads each file once.
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
	copies       []copiedFile      // those files, read
	layouts      map[string][]byte // layouts/… → contents, see readLayouts
	assetFiles   []assetFile       // assets/… of every layer, read and hashed
}

// load reads the site: clause.yaml with the options and environment
// applied, the content listing, every Markdown file parsed, the files
// copied as they are, the layouts and the theme's assets. Problems go to
// errs; what could not be read is left out.
func load(ctx context.Context, opts Options, src fs.FS, errs *ErrorList) *input {
	in := &input{opts: opts, src: src, theme: layers{src}}
	if opts.Theme != nil {
		in.theme = append(in.theme, opts.Theme)
	}
	in.configure(errs)
	in.contentFiles = listContent(src, in.layout, errs, opts.cache)
	in.sources = loadSources(ctx, src, in.layout, in.contentFiles, errs, opts.cache)
	in.noteUnloaded()
	in.readCopies(errs)
	in.assetFiles = readAssets(in.theme, errs)
	in.layouts = readLayouts(in.theme, errs)
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

// history returns where versions come from: HistoryFiles (or "") or HistoryGit.
func (in *input) history() History {
	if in.opts.History != "" {
		return in.opts.History
	}
	return in.cfg.History
}

// contentFile is a file found in the content folder.
type contentFile struct {
	rel      string // path below the content folder, as the site sees it
	real     string // path from the source to read it from: rel's file, or where its symbolic link leads
	markdown bool
}

// listContent lists the content folder's files sorted by path, as
// lister does, reusing the dev server's cached listing when the folder
// and patterns are the same.
func listContent(src fs.FS, l *layout, errs *ErrorList, cache *buildCache) []contentFile {
	if files := cache.cachedListing(l.key()); files != nil {
		return files
	}
	ls := &lister{fsys: src, l: l, errs: errs}
	files, ok := ls.list()
	if ok {
		cache.storeListing(l, files)
	}
	return files
}

// lister walks the content folder. It leaves out what layout.skipped
// says, editor temp files and folders holding a build's output; it
// follows symbolic links that lead inside the source and warns about
// the others.
type lister struct {
	fsys   fs.FS
	l      *layout
	errs   *ErrorList
	files  []contentFile
	failed bool // a folder could not be read: the listing is incomplete
}

// list walks the whole folder; ok is false when part of it could not be
// read.
func (ls *lister) list() (files []contentFile, ok bool) {
	info, err := fs.Stat(ls.fsys, ls.l.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if ls.l.line > 0 {
			ls.errs.Add(&Error{Path: configFile, Line: ls.l.line, Msg: fmt.Sprintf("content_dir %q does not exist", ls.l.dir),
				Hint: "create the folder, or set content_dir to the folder that holds your Markdown files"})
		}
		return nil, true
	case err != nil:
		ls.errs.Errorf(ls.l.dir, 0, "cannot read: %v", unwrapPathError(err))
		return nil, false
	case !info.IsDir():
		ls.errs.Add(&Error{Path: configFile, Line: ls.l.line, Msg: fmt.Sprintf("content_dir %q is a file, not a folder", ls.l.dir),
			Hint: "set content_dir to the folder that holds your Markdown files"})
		return nil, false
	}
	ls.walk(ls.l.dir, ".", []string{ls.l.dir})
	sort.Slice(ls.files, func(i, j int) bool { return ls.files[i].rel < ls.files[j].rel })
	return ls.files, !ls.failed
}

// walk lists the folder at real (a path without links), which the site
// sees at rel; stack holds the real folders being walked, to stop loops.
func (ls *lister) walk(real, rel string, stack []string) {
	entries, err := fs.ReadDir(ls.fsys, real)
	if err != nil {
		ls.errs.Errorf(ls.l.sourcePath(rel), 0, "cannot read: %v", unwrapPathError(err))
		ls.failed = true
		return
	}
	for _, d := range entries {
		ls.entry(path.Join(real, d.Name()), path.Join(rel, d.Name()), d, stack)
	}
}

// entry lists one file or folder.
func (ls *lister) entry(real, rel string, d fs.DirEntry, stack []string) {
	shown := ls.l.sourcePath(rel)
	mode, target := d.Type(), ""
	if mode&fs.ModeSymlink != 0 {
		if ls.l.skipped(rel, false) && ls.l.skipped(rel, true) {
			return
		}
		var err error
		real, target, err = resolveLink(ls.fsys, real)
		if err != nil {
			ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: err.Error(), Hint: linkHint})
			return
		}
		info, err := fs.Stat(ls.fsys, real)
		if err != nil {
			ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: fmt.Sprintf("symbolic link to %q cannot be followed: %v; skipped", target, unwrapPathError(err))})
			return
		}
		mode = info.Mode().Type()
	}
	isDir := mode.IsDir()
	if ls.l.skipped(rel, isDir) {
		return
	}
	switch {
	case isDir && makesLoop(real, stack):
		ls.errs.Add(&Error{Path: shown, Severity: SeverityWarning, Msg: fmt.Sprintf("symbolic link to %q makes a loop; skipped", target), Hint: linkHint})
	case isDir:
		if _, err := fs.Stat(ls.fsys, path.Join(real, markerFile)); err == nil {
			return // a build's output, such as public/ in a repository's root
		}
		ls.walk(real, rel, append(stack[:len(stack):len(stack)], real))
	case mode.IsRegular():
		ls.files = append(ls.files, contentFile{rel: rel, real: real, markdown: isMarkdown(rel)})
	default:
		ls.errs.Add(&Error{Path: shown, Msg: "not a regular file", Hint: "devices, pipes and sockets are not read from the content folder"})
	}
}

// skipName reports whether a file or folder in the content folder is
// ignored by its name alone: hidden names, names starting with "_" other
// than _index.md, and editor backups.
func skipName(name string) bool {
	if name == "_index.md" || name == "_index.markdown" {
		return false
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// isMarkdown reports whether a file name is a Markdown page.
func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// loadSources reads and parses every Markdown file in parallel, reusing
// the cache's parse of files that have not changed. The result keeps the
// order of files; files that failed to parse are left out, and so are
// those not yet read when ctx is done (the build is cancelled).
func loadSources(ctx context.Context, src fs.FS, l *layout, files []contentFile, errs *ErrorList, cache *buildCache) []*Source {
	out := make([]*Source, len(files))
	parallel(len(files), func(i int) {
		f := files[i]
		if !f.markdown || ctx.Err() != nil {
			return
		}
		p := l.sourcePath(f.rel)
		if s := cache.source(p); s != nil {
			out[i] = s
			return
		}
		raw, err := fs.ReadFile(src, f.real)
		if err != nil {
			errs.Errorf(p, 0, "cannot read: %v", unwrapPathError(err))
			return
		}
		local := &ErrorList{}
		out[i] = safeParse(p, f.rel, raw, local)
		out[i].reportTextDates(local)
		for _, e := range local.Items() {
			errs.Add(e)
		}
		if out[i] == nil {
			return
		}
		if f.real != p {
			out[i].real = f.real
		}
		out[i].release() // read again when rendered: memory stays flat
		if len(local.Items()) == 0 {
			cache.storeSource(out[i])
		}
	})
	kept := out[:0]
	for _, s := range out {
		if s != nil {
			kept = append(kept, s)
		}
	}
	return kept
}

// parallel runs fn(0..n-1) on as many goroutines as there are CPUs.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// unwrapPathError drops the path from a *fs.PathError, since our messages
// already start with it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// safeParse is parseSource with a panic turned into an error naming the
// file, so that no input can crash a build.
func safeParse(p, rel string, raw []byte, errs *ErrorList) (s *Source) {
	defer func() {
		if r := recover(); r != nil {
			errs.Add(&Error{Path: p, Msg: fmt.Sprintf("internal error reading this file: %v", r),
				Hint: "this is a bug in clause; please report it with this file"})
			s = nil
		}
	}()
	return parseSource(p, rel, raw, errs)
}
