package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
)

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

// noteUnloaded records the Markdown files that were listed but could not
// be loaded (broken front matter, not UTF-8, unreadable). Their own
// error is reported once; links to them resolve to the URL their path
// gives rather than adding "link to missing file" on every page that
// links to them.
func (in *input) noteUnloaded() {
	loaded := map[string]bool{}
	for _, s := range in.sources {
		loaded[s.Rel] = true
	}
	in.unloaded = map[string]string{}
	for _, f := range in.contentFiles {
		if f.markdown && !loaded[f.rel] {
			in.unloaded[f.rel] = derivedURL(f.rel, "")
		}
	}
}
