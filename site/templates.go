package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Layouts is the folder, in the theme and in a site, that holds templates.
const Layouts = "layouts"

// templates holds the parsed layouts: one template set per layout file,
// each made of baseof.html, every partial and the layout itself.
type templates struct {
	fsys  layers
	funcs template.FuncMap
	base  *template.Template
	sets  map[string]*template.Template
}

// loadTemplates parses baseof.html and layouts/partials/*.html, and every
// layout file named in want. Missing or broken templates are reported.
func loadTemplates(fsys layers, funcs template.FuncMap, want []string, errs *ErrorList) *templates {
	t := &templates{fsys: fsys, funcs: funcs, sets: map[string]*template.Template{}}
	base := template.New("").Funcs(funcs)
	names := []string{"baseof.html"}
	partials, _ := fs.Glob(fsys, Layouts+"/partials/*.html")
	for _, p := range partials {
		names = append(names, strings.TrimPrefix(p, Layouts+"/"))
	}
	for _, name := range names {
		if err := t.parseInto(base, name); err != nil {
			errs.Add(templateError(err, name))
			return t
		}
	}
	t.base = base
	for _, name := range want {
		t.parseLayout(name, errs)
	}
	return t
}

// parseInto reads layouts/name and adds it to set under that name.
func (t *templates) parseInto(set *template.Template, name string) error {
	data, err := fs.ReadFile(t.fsys, path.Join(Layouts, name))
	if err != nil {
		return err
	}
	_, err = set.New(name).Parse(string(data))
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
}

// has reports whether a layout file exists in any layer.
func (t *templates) has(name string) bool {
	_, err := fs.Stat(t.fsys, path.Join(Layouts, name))
	return err == nil
}

// lookup returns the ready template set for a layout, or nil.
func (t *templates) lookup(name string) *template.Template { return t.sets[name] }

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
	e := &Error{Path: path.Join(Layouts, fallback), Msg: msg}
	if errors.Is(err, fs.ErrNotExist) {
		e.Msg = fmt.Sprintf("template %s not found", fallback)
		e.Hint = "create it in your site's layouts/ folder, or choose another layout"
		return e
	}
	if m := templatePos.FindStringSubmatchIndex(msg); m != nil {
		e.Path = path.Join(Layouts, msg[m[2]:m[3]])
		e.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
		if m[6] >= 0 {
			e.Col, _ = strconv.Atoi(msg[m[6]:m[7]])
		}
		e.Msg = strings.TrimSpace(msg[:m[0]] + msg[m[1]:])
		e.Msg = strings.TrimPrefix(strings.TrimPrefix(e.Msg, "html/"), "template:")
		e.Msg = strings.TrimSpace(e.Msg)
	}
	return e
}
