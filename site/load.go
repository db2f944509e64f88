package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Content is the folder, in the source, that holds the pages.
const Content = "content"

// contentFile is a file found under content/.
type contentFile struct {
	rel      string // path below content/
	markdown bool
}

// listContent walks content/ and returns its files sorted by path. Hidden
// files and folders, and those starting with "_" other than _index.md,
// are skipped, as are editor temp files.
func listContent(src fs.FS, errs *ErrorList, cache *Cache) []contentFile {
	if files := cache.cachedListing(); files != nil {
		return files
	}
	files := listFiles(src, errs)
	cache.storeListing(files)
	return files
}

// listFiles walks content/.
func listFiles(src fs.FS, errs *ErrorList) []contentFile {
	var files []contentFile
	err := fs.WalkDir(src, Content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Errorf(p, 0, "cannot read: %v", unwrapPathError(err))
			return nil
		}
		name := d.Name()
		if p != Content && skipName(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			errs.Add(&Error{Path: p, Msg: "not a regular file", Hint: "links and devices are not read from content/"})
			return nil
		}
		rel := strings.TrimPrefix(p, Content+"/")
		files = append(files, contentFile{rel: rel, markdown: isMarkdown(name)})
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Errorf(Content, 0, "cannot read: %v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files
}

// skipName reports whether a file or folder under content/ is ignored.
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
// order of files; files that failed to parse are left out.
func loadSources(src fs.FS, files []contentFile, errs *ErrorList, cache *Cache) []*Source {
	out := make([]*Source, len(files))
	parallel(len(files), func(i int) {
		f := files[i]
		if !f.markdown {
			return
		}
		p := path.Join(Content, f.rel)
		if s := cache.source(p); s != nil {
			out[i] = s
			return
		}
		raw, err := fs.ReadFile(src, p)
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
