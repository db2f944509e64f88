package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// layoutsDir is the folder, in the theme and in a site, that holds templates.
const layoutsDir = "layouts"

// templates holds the parsed layouts: one template set per layout file,
// each made of baseof.html, every partial and the layout itself.
type templates struct {
	files  map[string][]byte // layouts/… path → contents, read once per build
	target *funcTarget       // the build the template functions serve
	base   *template.Template
	sets   map[string]*template.Template
	// entries names, for each layout, the template to execute (see
	// entry), decided when it is parsed: html/template escapes a template
	// on its first execution, rewriting its tree, so the trees must not
	// be read while pages render in parallel.
	entries map[string]string
}

// loadTemplates parses baseof.html and layouts/partials/*.html, and every
// layout file named in want. Missing or broken templates are reported.
func loadTemplates(files map[string][]byte, target *funcTarget, want []string, errs *ErrorList) *templates {
	t := &templates{files: files, target: target, sets: map[string]*template.Template{}, entries: map[string]string{}}
	base := template.New("").Funcs(funcs(target))
	names := []string{"baseof.html"}
	var partials []string
	for p := range files {
		if ok, _ := path.Match(layoutsDir+"/partials/*.html", p); ok {
			partials = append(partials, strings.TrimPrefix(p, layoutsDir+"/"))
		}
	}
	sort.Strings(partials)
	names = append(names, partials...)
	for _, name := range names {
		if err := t.parseInto(base, name); err != nil {
			errs.Add(templateError(err, name))
			return t
		}
	}
	t.base = base
	target.partials = newPartialCache(base)
	for _, name := range want {
		t.parseLayout(name, errs)
	}
	return t
}

// parseInto reads layouts/name and adds it to set under that name.
func (t *templates) parseInto(set *template.Template, name string) error {
	data, ok := t.files[path.Join(layoutsDir, name)]
	if !ok {
		return &fs.PathError{Op: "open", Path: path.Join(layoutsDir, name), Err: fs.ErrNotExist}
	}
	_, err := set.New(name).Parse(string(data))
	return err
}

// parseLayout builds the template set for one layout file.
func (t *templates) parseLayout(name string, errs *ErrorList) {
	if t.base == nil || t.sets[name] != nil {
		return
	}
	set, err := t.base.Clone()
	if err == nil {
		err = t.parseInto(set, name)
	}
	if err != nil {
		errs.Add(templateError(err, name))
		return
	}
	t.sets[name] = set
	t.entries[name] = entry(set, name)
}

// has reports whether a layout file exists in any layer.
func (t *templates) has(name string) bool {
	_, ok := t.files[path.Join(layoutsDir, name)]
	return ok
}

// lookup returns the ready template set for a layout, or nil.
func (t *templates) lookup(name string) *template.Template { return t.sets[name] }

// entryOf returns the template to execute for a parsed layout.
func (t *templates) entryOf(name string) string { return t.entries[name] }

// entry returns the template to execute for a layout: baseof.html when
// the layout only fills baseof.html's blocks, else the layout itself.
func entry(set *template.Template, name string) string {
	if set.Lookup("baseof.html") != nil && isOnlyDefines(set.Lookup(name)) {
		return "baseof.html"
	}
	return name
}

// isOnlyDefines reports whether a template's body is empty apart from
// {{ define }} blocks, meaning it fills baseof.html's blocks.
func isOnlyDefines(t *template.Template) bool {
	return t.Tree == nil || strings.TrimSpace(t.Tree.Root.String()) == ""
}

var templatePos = regexp.MustCompile(`template:\s*([^:\s]+):(\d+)(?::(\d+))?:?\s*`)

// templateError turns a text/template or html/template error into a
// located Error, naming the template file and line.
func templateError(err error, fallback string) *Error {
	msg := err.Error()
	e := &Error{Path: path.Join(layoutsDir, fallback), Msg: msg}
	if errors.Is(err, fs.ErrNotExist) {
		e.Msg = fmt.Sprintf("template %s not found", fallback)
		e.Hint = "create it in your site's layouts/ folder, or choose another layout"
		return e
	}
	if m := templatePos.FindStringSubmatchIndex(msg); m != nil {
		e.Path = path.Join(layoutsDir, msg[m[2]:m[3]])
		e.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
		if m[6] >= 0 {
			col, _ := strconv.Atoi(msg[m[6]:m[7]])
			e.Col = col + 1 // text/template counts bytes from 0 (parse.Tree.ErrorContext)
		}
		e.Msg = strings.TrimSpace(msg[:m[0]] + msg[m[1]:])
		e.Msg = strings.TrimPrefix(strings.TrimPrefix(e.Msg, "html/"), "template:")
		e.Msg = strings.TrimSpace(e.Msg)
	}
	return e
}

// readLayouts reads every file under layouts/ of every layer, the first
// layer winning, once per build: the templates are parsed from it and the
// serve cache hashes it. Symbolic links are followed as walkLayers says.
func readLayouts(fsys layers, errs *ErrorList) map[string][]byte {
	files := map[string][]byte{}
	for _, f := range walkLayers(fsys, layoutsDir, nil, errs) {
		data, err := f.read()
		if err != nil {
			errs.Errorf(f.path, 0, "cannot read: %v", unwrapPathError(err))
			continue
		}
		files[f.path] = data
	}
	return files
}
