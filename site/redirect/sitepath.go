package redirect

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the checks that every site path clause writes or
// redirects from shares, so that a permalink and a redirect source are
// held to the same rules: the characters they may contain, their "." and
// ".." segments once percent-decoded, and their length.

// CheckPathChars rejects invalid UTF-8, control and invisible formatting
// characters (such as U+200B and the bidi override U+202E), whitespace
// and backslashes in s. With spaces, a plain space is accepted (a URL
// derived from a file name).
func CheckPathChars(what, s string, spaces bool) error {
	for i, r := range s {
		var msg, hint string
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			msg = "is not valid UTF-8"
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			msg = fmt.Sprintf("contains the invisible character U+%04X", r)
		case unicode.IsSpace(r) && !(spaces && r == ' '):
			msg, hint = "contains a space", "percent-encode it as %20"
		case r == '\\':
			msg, hint = "contains a backslash", "use / to separate path segments"
		default:
			continue
		}
		return &Error{Msg: fmt.Sprintf("%s %s %s", what, Abbrev(s), msg), Hint: hint}
	}
	return nil
}

// CheckDecodedSegments rejects "." and ".." segments in the percent-decoded
// form d of the path raw, which a browser or static host would resolve.
func CheckDecodedSegments(what, raw, d string) error {
	if !strings.HasPrefix(d, "/") {
		return nil
	}
	return checkSegments(what, raw, d, true)
}
