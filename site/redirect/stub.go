package redirect

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
)

// stubTemplate is the built-in HTML stub. html/template escapes every value
// for its context: attribute, URL, JavaScript string or text.
var stubTemplate = template.Must(template.New("stub").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting to {{.URL}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}">
<script>
(function () {
  var t = {{.URL}};
  var i = t.indexOf("#");
  var base = i < 0 ? t : t.slice(0, i);
  var frag = i < 0 ? location.hash : t.slice(i);
  var search = base.indexOf("?") < 0 ? location.search : "";
  location.replace(base + search + frag);
})();
</script>
</head>
<body>
<p>This page has moved to <a href="{{.URL}}">{{.URL}}</a>.</p>
</body>
</html>
`))

// DefaultStub renders the built-in HTML stub for s.
func DefaultStub(s StubData) ([]byte, error) {
	var b bytes.Buffer
	if err := stubTemplate.Execute(&b, s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// stubData builds the values a stub for it is rendered from.
func stubData(it item, opts Options) StubData {
	s := StubData{From: it.r.From, To: it.r.To, URL: it.url, Canonical: it.url}
	if o := siteOrigin(opts.BaseURL); o != "" && !isExternal(it.url) {
		s.Canonical = o + it.url
	}
	return s
}

// renderHTML writes one stub page per source. Sources that differ only by
// a trailing slash share one stub; folder-style sources get an index.html.
func renderHTML(items []item, opts Options, out *fileSet) []Error {
	stub := opts.Stub
	if stub == nil {
		stub = DefaultStub
	}
	errs := stubConflicts(items)
	for _, it := range items {
		b, err := stub(stubData(it, opts))
		if err != nil {
			errs = append(errs, Error{Path: it.r.File, Line: it.r.Line,
				Msg: fmt.Sprintf("rendering the redirect stub for %s: %v", it.r.From, err)})
			continue
		}
		out.put(stubPath(it.key), b)
	}
	return errs
}

// stubConflicts reports stubs that would need a file and a folder of the
// same name, such as "/a.html" next to "/a.html/b/".
func stubConflicts(items []item) []Error {
	files := make(map[string]Redirect, len(items))
	for _, it := range items {
		files[stubPath(it.key)] = it.r
	}
	var errs []Error
	for _, it := range items {
		for dir := path.Dir(stubPath(it.key)); dir != "."; dir = path.Dir(dir) {
			if r, ok := files[dir]; ok {
				errs = append(errs, Error{Path: it.r.File, Line: it.r.Line,
					Msg:  fmt.Sprintf("redirect source %s needs a folder where the stub for %s (%s) is a file", it.r.From, r.From, where(r)),
					Hint: "remove one of the two sources"})
				break
			}
		}
	}
	return errs
}
