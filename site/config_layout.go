package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

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
		errs.Add(&Error{Path: configFile, Line: v.Line, Col: v.Column, Msg: msg,
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
			errs.Add(&Error{Path: configFile, Line: n.Line, Col: n.Column,
				Msg: key + " must be a list of glob patterns", Hint: key + ": [README.md, drafts/]"})
			continue
		}
		if msg := checkGlob(n.Value); msg != "" {
			errs.Add(&Error{Path: configFile, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("%s pattern %q %s", key, n.Value, msg),
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
	src := opts.sourceFS
	if src == nil {
		src = os.DirFS(opts.Source)
	}
	return loadConfig(src, &ErrorList{}).layout.dir
}
