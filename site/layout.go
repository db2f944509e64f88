package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Content is the default content folder: the folder, in the source, that
// holds the pages when clause.yaml sets no content_dir.
const Content = "content"

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
var rootExclude = []string{"/" + ConfigFile, "/" + Layouts + "/", "/" + Assets + "/"}

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
	l := &layout{dir: Content}
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
// left out by its own name or path: a hidden or "_" name (other than
// _index.md) or an exclude pattern, unless an include pattern re-admits
// it. The walk does not enter a skipped folder.
func (l *layout) skipped(rel string, isDir bool) bool {
	name := path.Base(rel)
	if strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") {
		return true // editor backups are never pages, whatever include says
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

// decodeLayout reads content_dir, include and exclude from clause.yaml's
// top-level mapping, reporting bad values at their line and column.
func (cfg *Config) decodeLayout(root *yaml.Node, errs *ErrorList) {
	l := defaultLayout()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "content_dir":
			if dir, ok := checkContentDir(v, errs); ok {
				l.dir, l.line = dir, k.Line
			}
		case "include":
			l.include = append(l.include, readGlobs(k.Value, v, errs)...)
		case "exclude":
			l.exclude = append(l.exclude, readGlobs(k.Value, v, errs)...)
		}
	}
	if l.dir == "." {
		for _, p := range rootExclude {
			l.exclude = append(l.exclude, newGlob(p))
		}
	}
	cfg.layout = l
}

// checkContentDir validates content_dir: a relative folder inside the
// source, "." for the source itself.
func checkContentDir(v *yaml.Node, errs *ErrorList) (string, bool) {
	bad := func(msg string) (string, bool) {
		errs.Add(&Error{Path: ConfigFile, Line: v.Line, Col: v.Column, Msg: msg,
			Hint: "write a folder relative to the site folder, such as content, Policies, or . for the site folder itself"})
		return "", false
	}
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return bad("content_dir must be a folder name")
	}
	raw := v.Value
	switch {
	case strings.TrimSpace(raw) == "":
		return bad("content_dir is empty")
	case strings.Contains(raw, "\\"):
		return bad(fmt.Sprintf("content_dir %q contains a backslash; write folders with /", raw))
	case path.IsAbs(raw) || filepath.IsAbs(raw) || filepath.VolumeName(raw) != "":
		return bad(fmt.Sprintf("content_dir %q is an absolute path", raw))
	}
	dir := path.Clean(raw)
	if first, _, _ := strings.Cut(dir, "/"); first == ".." {
		return bad(fmt.Sprintf("content_dir %q is outside the site folder", raw))
	}
	return dir, true
}

// readGlobs reads a list of patterns, checking each one's syntax.
func readGlobs(key string, v *yaml.Node, errs *ErrorList) []glob {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out []glob
	for _, n := range items {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			errs.Add(&Error{Path: ConfigFile, Line: n.Line, Col: n.Column,
				Msg: key + " must be a list of glob patterns", Hint: key + ": [README.md, drafts/]"})
			continue
		}
		if msg := checkGlob(n.Value); msg != "" {
			errs.Add(&Error{Path: ConfigFile, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("%s pattern %q %s", key, n.Value, msg),
				Hint: "patterns use * ? [a-z] and \\ as in Go's path.Match, are relative to the content folder, and end in / for a folder"})
			continue
		}
		out = append(out, newGlob(n.Value))
	}
	return out
}

// checkGlob describes what is wrong with a pattern, or returns "".
func checkGlob(p string) string {
	g := newGlob(p)
	if g.pattern == "" || g.pattern == "." {
		return "is empty"
	}
	for _, seg := range strings.Split(g.pattern, "/") {
		if seg == "" || seg == ".." || seg == "." {
			return "has an empty, . or .. path element"
		}
	}
	if _, err := path.Match(g.pattern, ""); err != nil {
		return "is not a valid pattern: " + err.Error()
	}
	return ""
}

// destinationInSource returns the destination folder as a slash path
// relative to the source, or "" when it lies outside it.
func destinationInSource(source, dest string) string {
	src, err1 := filepath.Abs(source)
	abs, err2 := filepath.Abs(dest)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(src, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// contentDirOf returns the content folder that clause.yaml in the site
// of opts names; a clause.yaml that cannot be read gives the default,
// and the build reports why.
func contentDirOf(opts Options) string {
	src := opts.SourceFS
	if src == nil {
		src = os.DirFS(opts.Source)
	}
	return loadConfig(src, &ErrorList{}).layout.dir
}

// scaffoldContentDir returns the content folder that clause new and
// clause revise write into; an invalid content_dir is an error, since
// writing into the default folder instead would put the file where the
// build never looks.
func scaffoldContentDir(source string) (string, error) {
	errs := &ErrorList{}
	cfg := loadConfig(os.DirFS(source), errs)
	for _, e := range errs.Errors() {
		if line := cfg.lines["content_dir"]; line > 0 && e.Line == line {
			return "", e
		}
	}
	return cfg.layout.dir, nil
}
