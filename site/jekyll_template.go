package site

import (
	"bytes"
	"path"
)

// isJekyllTemplate reports whether a file that is not Markdown starts
// with a front matter line, which is how Jekyll marks a file to run
// through Liquid and a layout (index.html, 404.html, feed.xml,
// sitemap.xml, assets/css/style.scss). clause does not run Liquid
// templates, so copying such a file would publish its template source.
func isJekyllTemplate(data []byte) bool {
	return bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("---\r\n"))
}

// jekyllTemplateWarning says that a Jekyll template is left out, and
// what clause offers instead of it. rel is its output path; a file in
// assets/ (not the content folder) cannot be excluded, only replaced.
func jekyllTemplateWarning(p, rel string, inAssets bool) *Error {
	if inAssets {
		return &Error{Path: p, Line: 1, Severity: SeverityWarning, Msg: "left out: a Jekyll template with front matter, which clause does not publish as it is",
			Hint: "clause does not run Liquid or Sass; put the finished file (for example the compiled .css) in assets/ instead"}
	}
	hint := "clause does not run Liquid templates; write your page in Markdown, or your HTML in layouts/ (see Templates in the README); add it to exclude: in clause.yaml to silence this"
	switch rel {
	case "index.html", "index.htm":
		hint = "clause makes the home page itself from clause.yaml and index.md or _index.md; add it to exclude: in clause.yaml to silence this"
	case "404.html", "sitemap.xml", "robots.txt", "feed.xml", "atom.xml":
		hint = "clause makes its own " + path.Base(rel) + "; add it to exclude: in clause.yaml to silence this"
	}
	return &Error{Path: p, Line: 1, Severity: SeverityWarning, Msg: "left out: a Jekyll template with front matter, which clause does not publish as it is", Hint: hint}
}
