// Package urlpath holds clause's one implementation of each helper on the
// slash paths of a site's URLs: whether a path names a file or a folder,
// which output file serves it, how it is percent-encoded and decoded, the
// scheme a URL starts with, and the checks every path clause writes or
// redirects from must pass (see check.go).
//
// A URL path is a decoded slash path such as "/privacy/" or
// "/legal/terms.html". A page's path whose last segment ends in ".html" or
// ".htm" names that file (IsFile); any other page path names a folder,
// served by the folder's index.html. Folder adds the slash that a
// redirect source or a page URL written without one leaves out, and File
// maps a path to the output file that serves it.
package urlpath

import (
	"net/url"
	"path"
	"strings"
)

// IsFile reports whether the URL path p names an HTML file (served as
// exactly that file) rather than a folder. A path ending in a slash is
// always a folder.
func IsFile(p string) bool {
	ext := path.Ext(p)
	return ext == ".html" || ext == ".htm"
}

// File returns the output-relative file that serves the URL path u: a
// path ending in a slash is served by the folder's index.html, any other
// path by the file it names. "/" → "index.html", "/privacy/" →
// "privacy/index.html", "/privacy.html" → "privacy.html", "/feed.xml" →
// "feed.xml". Give a folder-style path without its slash (a redirect key
// such as "/privacy") to Folder first.
func File(u string) string {
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// Folder returns the URL path under which a static host serves the page
// for the folder-style or HTML-file path p: "/privacy" → "/privacy/",
// while "/", "/privacy/" and "/privacy.html" stay as they are.
func Folder(p string) string {
	if strings.HasSuffix(p, "/") || IsFile(p) {
		return p
	}
	return p + "/"
}

// URL returns the URL path at which the output file name is served, the
// inverse of File: "index.html" → "/", "privacy/index.html" → "/privacy/",
// "privacy.html" → "/privacy.html".
func URL(name string) string {
	if name == "index.html" {
		return "/"
	}
	return "/" + strings.TrimSuffix(name, "index.html")
}

// Key normalises a decoded URL path for comparison, so that "/a", "/a/"
// and "/a/index.html" are one key, "/a"; "/" stays "/". Decode an encoded
// path first, and only once.
func Key(p string) string {
	if strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "index.html")
	}
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}

// Escape percent-encodes a decoded URL path the way browsers send it:
// spaces, non-ASCII letters and "%" become escapes; "/" stays.
func Escape(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// Decode returns the percent-decoded form of p, in which pages are known,
// or p as written when it does not decode.
func Decode(p string) string {
	if d, err := url.PathUnescape(p); err == nil {
		return d
	}
	return p
}

// Scheme returns the lower-cased URL scheme that s starts with, such as
// "https" or "mailto", or "" when s has none (RFC 3986: a letter, then
// letters, digits, '+', '-' or '.', then ':').
func Scheme(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(s[:i])
		default:
			return ""
		}
	}
	return ""
}

// tabsAndBreaks removes the characters browsers drop anywhere in a URL.
var tabsAndBreaks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// BrowserScheme returns the lower-case scheme of a URL in an HTML
// attribute as a browser reads it, which is laxer than Scheme: leading
// spaces and control characters, and tabs and line breaks anywhere, are
// ignored ("java\tscript:" is javascript:), and any character but / ? #
// may come before the colon. The linter uses it to find what would run.
func BrowserScheme(v string) string {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = tabsAndBreaks.Replace(v)
	i := strings.IndexByte(v, ':')
	if i <= 0 || strings.ContainsAny(v[:i], "/?#") {
		return ""
	}
	return strings.ToLower(v[:i])
}
