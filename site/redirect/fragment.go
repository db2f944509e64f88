package redirect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"golang.org/x/net/html"

	"github.com/clause-dev/clause/site/internal/diag"
)

// A source with a #fragment, such as "/guidelines#impersonation", names a
// section that became a page of its own. Browsers never send the fragment
// to the server, so no rule file can redirect it: a small script on the
// page at the source's path sends a visitor who arrives with that fragment
// on. Resolve decides which page that is (Redirect.Page); the site injects
// the script with Fragments and PageFragments.Apply, and Files writes a
// stub listing the moved sections where no page is served.

// movedSection is one moved section of a page.
type movedSection struct {
	ID    string // the decoded fragment, without "#"
	URL   string // where it went, as a visitor's browser needs it
	Title string // the title of the page it went to, when known
	r     Redirect
}

// PageFragments are the moved sections whose script runs on one page.
type PageFragments struct {
	Page     string         // the page's decoded URL path, e.g. "/guidelines/"
	Sections []movedSection // sorted by ID
}

// Fragments groups the resolved redirects with a #fragment and a Page by
// that page, with each target's base path applied.
func Fragments(rs []Redirect, opts Options) map[string]*PageFragments {
	out := make(map[string]*PageFragments)
	for _, r := range rs {
		if r.Page == "" || r.Fragment() == "" {
			continue
		}
		pf := out[r.Page]
		if pf == nil {
			pf = &PageFragments{Page: r.Page}
			out[r.Page] = pf
		}
		pf.Sections = append(pf.Sections, movedSection{ID: r.Fragment(), URL: targetURL(r.To, opts.BasePath), r: r})
	}
	for _, pf := range out {
		sortSections(pf.Sections)
	}
	return out
}

// sortSections orders sections by ID.
func sortSections(s []movedSection) {
	sort.Slice(s, func(i, j int) bool { return s[i].ID < s[j].ID })
}

// movedJS follows the fragment of the location when it names a moved
// section: it replaces the location with the section's new URL, keeping
// the query unless the target has its own. It runs once when the page
// loads and again when only the fragment changes. It is one function
// expression, called with the map of IDs to URLs, and holds no "<" or ">",
// so the script element's text is plain whatever the map holds.
const movedJS = `(function (moved) {
  function follow() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) {}
    if (!Object.prototype.hasOwnProperty.call(moved, id)) return;
    var u = moved[id], i = u.indexOf("#"), f = "";
    if (i !== -1) { f = u.slice(i); u = u.slice(0, i); }
    if (location.search && u.indexOf("?") === -1) u += location.search;
    location.replace(u + f);
  }
  follow();
  addEventListener("hashchange", follow);
})`

// Script returns the <script> element that sends the page's moved
// sections on. The map is JSON with <, > and & escaped, so no ID or URL
// can end the element.
func (pf *PageFragments) Script() []byte {
	return movedScript(pf.Sections)
}

// movedScript renders the script for sections.
func movedScript(sections []movedSection) []byte {
	m := make(map[string]string, len(sections))
	for _, s := range sections {
		m[s.ID] = s.URL
	}
	data, err := json.Marshal(m) // sorted keys; escapes <, > and &
	if err != nil {              // cannot happen for a map of strings
		data = []byte("{}")
	}
	var b bytes.Buffer
	b.WriteString("<script data-clause-moved>")
	b.WriteString(movedJS)
	b.WriteByte('(')
	b.Write(data)
	b.WriteString(");</script>\n")
	return b.Bytes()
}

// Apply returns page with the script inserted right before </head> (else
// right after <body>, else at the start), and a warning for every moved
// section whose ID is still an element id of the page: a visitor
// following a link to that section is sent away from it.
func (pf *PageFragments) Apply(page []byte) ([]byte, []Error) {
	ids := elementIDs(page)
	var errs []Error
	for _, s := range pf.Sections {
		if ids[s.ID] {
			errs = append(errs, Error{Path: s.r.File, Line: s.r.Line, Severity: diag.Warning,
				Msg: fmt.Sprintf("redirect source %s names a section that %s still has (id %q); visitors following it are sent to %s",
					s.r.From, pf.Page, s.ID, s.URL),
				Hint: "remove the section from the old page, or the #" + s.ID + " entry"})
		}
	}
	script := pf.Script()
	at := injectionPoint(page)
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:at]...)
	out = append(out, script...)
	out = append(out, page[at:]...)
	return out, errs
}

// elementIDs returns the id attributes of every element of an HTML page.
func elementIDs(page []byte) map[string]bool {
	ids := make(map[string]bool)
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				key, val, more := z.TagAttr()
				if string(key) == "id" {
					ids[string(val)] = true
				}
				if !more {
					break
				}
			}
		}
	}
}

// injectionPoint returns the offset where the script goes: before
// </head>, else after the <body> tag, else 0.
func injectionPoint(page []byte) int {
	lower := bytes.ToLower(page)
	if i := bytes.Index(lower, []byte("</head>")); i >= 0 {
		return i
	}
	if i := bytes.Index(lower, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(lower[i:], '>'); j >= 0 {
			return i + j + 1
		}
	}
	return 0
}

// MovedData is what the page listing the sections moved from a page that
// no longer exists is rendered from.
type MovedData struct {
	Script   template.HTML  // the script that sends a visitor with a known #fragment on; it goes in <head>
	Sections []MovedSection // sorted by ID
}

// MovedSection is one section of a MovedData.
type MovedSection struct {
	ID    string // the decoded fragment, without "#"
	URL   string // where it went, as a visitor's browser needs it
	Title string // the title of the page it went to, or ""
}

// DefaultMoved renders the built-in page listing moved sections.
func DefaultMoved(m MovedData) ([]byte, error) {
	var b bytes.Buffer
	if err := movedTemplate.Execute(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// movedTemplate is the stub written where sections moved from a page
// that no longer exists. Without JavaScript, or with a fragment it does
// not know, it lists where the sections went.
var movedTemplate = template.Must(template.New("moved").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page has moved</title>
<meta name="robots" content="noindex">
{{ .Script }}<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}a{color:#0b57d0}@media(prefers-color-scheme:dark){body{color:#e6e8eb;background:#111418}a{color:#8ab4f8}}</style>
</head>
<body>
<h1>This page has moved</h1>
<p>Its sections have moved:</p>
<ul>
{{- range .Sections }}
<li><a href="{{ .URL }}">{{ with .Title }}{{ . }}{{ else }}{{ .URL }}{{ end }}</a> (formerly <code>#{{ .ID }}</code>)</li>
{{- end }}
</ul>
</body>
</html>
`))

// targetTitle returns the title of the page an internal target names,
// or "" when it is not known.
func targetTitle(to string, opts Options) string {
	if opts.Title == nil || isExternal(to) {
		return ""
	}
	p, _ := splitTarget(to)
	return opts.Title(urlpath.Decode(p))
}

// renderMoved writes a stub at the path of every source with a #fragment
// that no page serves, listing the sections moved from it.
func renderMoved(moved []item, opts Options, out *fileSet) []Error {
	groups := make(map[string][]movedSection)
	var keys []string
	for _, it := range moved {
		k, _, _ := strings.Cut(it.key, "#")
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], movedSection{ID: it.r.Fragment(), URL: it.url, Title: targetTitle(it.r.To, opts), r: it.r})
	}
	var errs []Error
	for _, k := range keys {
		sections := groups[k]
		sortSections(sections)
		name := stubPath(k)
		if out.has(name) {
			r := sections[0].r
			errs = append(errs, Error{Path: r.File, Line: r.Line,
				Msg: fmt.Sprintf("redirect source %s needs a page listing moved sections at %s, where another redirect's stub is", r.From, name)})
			continue
		}
		data := MovedData{Script: template.HTML(movedScript(sections))}
		for _, s := range sections {
			data.Sections = append(data.Sections, MovedSection{ID: s.ID, URL: s.URL, Title: s.Title})
		}
		render := opts.Moved
		if render == nil {
			render = DefaultMoved
		}
		b, err := render(data)
		if err != nil {
			r := sections[0].r
			errs = append(errs, Error{Path: r.File, Line: r.Line, Msg: fmt.Sprintf("rendering the moved-sections page for %s: %v", k, err)})
			continue
		}
		out.put(name, b)
	}
	return errs
}
