package i18n

import (
	"fmt"
	"strings"
)

// The escaping here writes exactly what html/template writes for the
// same value in text or in a quoted attribute, so that a sentence moved
// from a layout into the catalog renders to the same bytes.

// htmlEscapes are the characters html/template escapes in text and in
// quoted attribute values, with their replacements.
var htmlEscapes = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;",
	"+", "&#43;", "<", "&lt;", ">", "&gt;")

// escapeHTML escapes s for HTML text or a quoted attribute value.
func escapeHTML(s string) string { return htmlEscapes.Replace(s) }

// normalizeURL makes u safe for an href, as html/template does: an
// address with a scheme other than http, https or mailto becomes
// #ZgotmplZ, and bytes not allowed in a URL are percent-encoded (a %
// already there is kept, as an existing escape).
func normalizeURL(u string) string {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		switch strings.ToLower(scheme) {
		case "http", "https", "mailto":
		default:
			return "#ZgotmplZ"
		}
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlSafe(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}

// urlSafe reports whether c may stand in a URL as it is.
func urlSafe(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~%", c) >= 0
}
