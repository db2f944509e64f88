package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/clause-dev/clause/site/watch"
)

// contentDir is the default content folder: the folder, in the source, that
// holds the pages when clause.yaml sets no content_dir.
const contentDir = "content"

// defaultExclude lists what a repository holds that is never published.
// Patterns follow the rules of glob (see matchGlob); a user's exclude adds
// to them, and include re-admits any of them.
var defaultExclude = []string{
	"README*", "LICENSE*", "LICENCE*", "CODE_OF_CONDUCT*", "CONTRIBUTING*",
	".github/", "node_modules/", "vendor/", "_site/", ".jekyll-cache/", ".sass-cache/",
	"Gemfile", "Gemfile.lock", "package.json", "package-lock.json", "yarn.lock",
}

// rootExclude lists the site's own inputs, excluded when the content
// folder is the source root (content_dir: .): they are not pages.
var rootExclude = []string{"/" + configFile, "/" + layoutsDir + "/", "/" + assetsDir + "/", "/" + registerFile, "/" + wordsDir + "/"}

// layout is where a site's pages are and which files there are pages:
// content_dir with its include and exclude globs.
type layout struct {
	dir     string // the content folder, slash path relative to the source; "." for the root
	line    int    // the line of content_dir in clause.yaml, or 0
	dest    string // the destination, relative to the source, when inside it; else ""
	include []glob
	exclude []glob
}

// glob is one include or exclude pattern.
type glob struct {
	pattern  string // path.Match syntax, without the leading or trailing "/"
	anchored bool   // matched against the whole path, not each name
	dirOnly  bool   // written with a trailing "/": matches folders only
}

// newGlob parses a pattern: a trailing "/" matches folders only; a
// pattern with a "/" elsewhere is matched against the whole path below
// the content folder, one without against every file and folder name.
func newGlob(p string) glob {
	g := glob{dirOnly: strings.HasSuffix(p, "/")}
	p = strings.TrimSuffix(p, "/")
	g.anchored = strings.Contains(p, "/")
	g.pattern = strings.TrimPrefix(p, "/")
	return g
}

// matches reports whether the entry at rel (a slash path below the
// content folder) matches the pattern.
func (g glob) matches(rel string, isDir bool) bool {
	if g.dirOnly && !isDir {
		return false
	}
	name := rel
	if !g.anchored {
		name = path.Base(rel)
	}
	ok, _ := path.Match(g.pattern, name) // validated when read
	return ok
}

// defaultLayout is the layout of a site without content_dir, include or
// exclude.
func defaultLayout() *layout {
	l := &layout{dir: contentDir}
	for _, p := range defaultExclude {
		l.exclude = append(l.exclude, newGlob(p))
	}
	return l
}

// withDestination excludes the output folder when it lies inside the
// content folder, as it does with content_dir: . and the default
// destination public/. dest is the destination relative to the source.
func (l *layout) withDestination(dest string) *layout {
	c := *l
	if dest == "" || dest == "." {
		return &c
	}
	c.dest = dest
	rel, ok := l.below(dest)
	if !ok || rel == "." {
		return &c
	}
	c.exclude = append(append([]glob(nil), l.exclude...), glob{pattern: rel, anchored: true, dirOnly: true})
	return &c
}

// below returns p (a slash path relative to the source) relative to the
// content folder, and whether it lies in it.
func (l *layout) below(p string) (string, bool) {
	p = path.Clean(p)
	if l.dir == "." {
		return p, p != ".." && !strings.HasPrefix(p, "../")
	}
	if p == l.dir {
		return ".", true
	}
	rel, ok := strings.CutPrefix(p, l.dir+"/")
	return rel, ok
}

// sourcePath returns the path, relative to the source, of rel below the
// content folder.
func (l *layout) sourcePath(rel string) string { return path.Join(l.dir, rel) }

// skipped reports whether the entry at rel below the content folder is
// left out by its own name or path: editor and system junk (isJunk)
// always; a hidden or "_" name (other than _index.md) or an exclude
// pattern, unless an include pattern re-admits it. The walk does not enter a skipped folder.
func (l *layout) skipped(rel string, isDir bool) bool {
	name := path.Base(rel)
	if isJunk(name) {
		return true // never published, whatever include says
	}
	out := skipName(name)
	for _, g := range l.exclude {
		out = out || g.matches(rel, isDir)
	}
	if !out {
		return false
	}
	for _, g := range l.include {
		if g.matches(rel, isDir) {
			return false
		}
	}
	return true
}

// isJunk reports whether a file name is an editor's temp, swap or backup
// file or an operating system's metadata (4913, .swp, ~, #…#, .DS_Store,
// Thumbs.db): the predicate the dev server's watcher ignores changes by,
// so that what never triggers a rebuild is never published either.
func isJunk(name string) bool {
	return watch.IsTempFile(name) || strings.HasPrefix(name, "#")
}

// skippedPath reports whether rel, or any folder above it, is skipped.
func (l *layout) skippedPath(rel string, isDir bool) bool {
	parts := strings.Split(rel, "/")
	for i := range parts {
		if l.skipped(strings.Join(parts[:i+1], "/"), isDir || i < len(parts)-1) {
			return true
		}
	}
	return false
}

// key identifies the layout, so a cached listing is reused only for the
// same folder and patterns.
func (l *layout) key() string {
	var b strings.Builder
	b.WriteString(l.dir)
	for _, set := range [][]glob{l.include, l.exclude} {
		b.WriteString("\x00")
		for _, g := range set {
			fmt.Fprintf(&b, "%s|%v|%v\x01", g.pattern, g.anchored, g.dirOnly)
		}
	}
	return b.String()
}
