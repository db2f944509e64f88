package site

import (
	"fmt"
	"path"
)

// genericLayouts are the layout names Jekyll themes give an ordinary
// page. A site that has no such file gets policy.html without a warning:
// nearly every page of a Jekyll repository names one of them.
var genericLayouts = map[string]bool{"default": true, "page": true, "post": true}

// chooseLayouts gives every policy its layout and names every layout
// file the build will execute in m.layouts, falling back to policy.html
// (with a warning) for layouts the theme lacks.
func (m *model) chooseLayouts() {
	want := []string{"policy.html", "home.html", "404.html", "version.html", "versions.html", "changes.html", "changelog.html", "redirect.html", "moved.html", "embed.html"}
	for _, p := range m.policies {
		p.layout = "policy.html"
		l := p.src.FM.Layout
		if l == "" || l == "policy" {
			continue
		}
		name := l + ".html"
		if genericLayouts[l] && !m.layoutExists(name) {
			continue // Jekyll's ordinary page layout: policy.html is ours
		}
		if path.Base(name) != name || !m.layoutExists(name) {
			m.errs.Add(&Error{Path: p.src.Path, Line: p.src.FM.Lines["layout"], Severity: SeverityWarning,
				Msg:  fmt.Sprintf("layout %q not found; using policy.html", l),
				Hint: fmt.Sprintf("create layouts/%s to use it, or remove the layout key", name)})
			continue
		}
		p.layout = name
		want = append(want, name)
	}
	m.layouts = want
}

func (m *model) layoutExists(name string) bool {
	return (&templates{files: m.in.layouts}).has(name)
}
