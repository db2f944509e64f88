package site

import (
	"strings"
	"testing"
)

// TestCheckUnsafeURLs warns about links that run code or open data: URLs,
// and about content that makes the browser ask another host for
// something, at the line and column where each is written.
func TestCheckUnsafeURLs(t *testing.T) {
	body := "[Run](javascript:alert(1)) and [old](VBScript:msgbox) and [blob](data:text/html;base64,PGI+)\n\n" + // line 7
		"![Seal](https://cdn.example.net/seal.png) ![Inline](data:image/png;base64,iVBOR) ![Ours](https://privacy.example.com/terms/)\n\n" + // line 9
		"<iframe src=\"https://video.example.org/embed/1\"></iframe>\n\n" + // line 11
		"<script src=\"//scripts.example.org/a.js\"></script>\n\n" + // line 13
		"<link rel=\"stylesheet\" href=\"https://fonts.example.org/css\">\n\n" + // line 15
		"<a href=\"  java\tscript:void(0)\">tricky</a> <img srcset=\"/a.png 1x, https://img.example.org/b.png 2x\">\n\n" + // line 17
		"[Fine](https://elsewhere.example.org/) [Mail](mailto:dpo@example.com) ![Local](terms.md)\n"
	_, got := runCheck(t, map[string]string{
		"clause.yaml":        "title: Test\nbase_url: https://privacy.example.com/\n",
		"content/privacy.md": page(body),
	}, nil)
	want := []string{
		`content/privacy.md:7:7: warning: <a href> to a javascript: URL "javascript:alert(1)": it runs code in the visitor's browser`,
		`content/privacy.md:7:38: warning: <a href> to a vbscript: URL "VBScript:msgbox": it runs code in the visitor's browser`,
		`content/privacy.md:7:66: warning: <a href> to a data: URL: browsers refuse to open it, and it can hold a page that imitates the site`,
		`content/privacy.md:9:9: warning: <img src> loads "https://cdn.example.net/seal.png" from cdn.example.net: the theme promises visitors no third-party requests`,
		`content/privacy.md:11:14: warning: <iframe src> loads "https://video.example.org/embed/1" from video.example.org: the theme promises visitors no third-party requests`,
		`content/privacy.md:13:14: warning: <script src> loads "//scripts.example.org/a.js" from scripts.example.org: the theme promises visitors no third-party requests`,
		`content/privacy.md:15:30: warning: <link href> loads "https://fonts.example.org/css" from fonts.example.org: the theme promises visitors no third-party requests`,
		"content/privacy.md:17:10: warning: <a href> to a javascript: URL \"  java\\tscript:void(0)\": it runs code in the visitor's browser",
		`content/privacy.md:17:68: warning: <img srcset> loads "https://img.example.org/b.png" from img.example.org: the theme promises visitors no third-party requests`,
	}
	var problems []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "content/privacy.md") {
			problems = append(problems, l)
		}
	}
	equalList(t, "problems", problems, want)
}

// TestCheckStyleURLs warns about style attributes and <style> elements
// that fetch images, fonts or style sheets from another host, and leaves
// the site's own files and data: images alone.
func TestCheckStyleURLs(t *testing.T) {
	body := "<div style=\"background: url('https://track.example.net/px.gif')\">Hi</div>\n\n" + // line 7
		"<p style=\"background-image:url(/img/ours.png); border-image: url(data:image/svg+xml;utf8,x)\">Ours</p>\n\n" + // line 9
		"<style>\n@import \"https://fonts.example.org/a.css\";\nh2 { background: URL( //cdn.example.org/b.png ) }\n</style>\n" // lines 11-14
	_, got := runCheck(t, map[string]string{
		"clause.yaml":        "title: Test\nbase_url: https://privacy.example.com/\n",
		"content/privacy.md": page(body),
	}, nil)
	want := []string{
		`content/privacy.md:7:30: warning: <div style> loads "https://track.example.net/px.gif" from track.example.net: the theme promises visitors no third-party requests`,
		`content/privacy.md:12:10: warning: <style> loads "https://fonts.example.org/a.css" from fonts.example.org: the theme promises visitors no third-party requests`,
		`content/privacy.md:13:23: warning: <style> loads "//cdn.example.org/b.png" from cdn.example.org: the theme promises visitors no third-party requests`,
	}
	var problems []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "content/privacy.md") {
			problems = append(problems, l)
		}
	}
	equalList(t, "problems", problems, want)
}
