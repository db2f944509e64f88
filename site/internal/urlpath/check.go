package urlpath

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clause-dev/clause/site/internal/diag"
)

// This file holds the checks that every site path clause writes or
// redirects from shares, so that a permalink and a redirect source are
// held to the same rules: the characters they may contain, their "." and
// ".." segments once percent-decoded, and their length. A problem is a
// *diag.Diagnostic without a position, whose message starts with what
// the path is (such as "permalink"); the caller places it.

// CheckChars rejects invalid UTF-8, control and invisible formatting
// characters (such as U+200B and the bidi override U+202E), whitespace
// and backslashes in s. With spaces, a plain space is accepted (a URL
// derived from a file name).
func CheckChars(what, s string, spaces bool) error {
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
		return &diag.Diagnostic{Msg: fmt.Sprintf("%s %s %s", what, Abbrev(s), msg), Hint: hint}
	}
	return nil
}

// CheckDecodedSegments rejects "." and ".." segments in the percent-decoded
// form d of the path raw, which a browser or static host would resolve.
func CheckDecodedSegments(what, raw, d string) error {
	if !strings.HasPrefix(d, "/") {
		return nil
	}
	return CheckSegments(what, raw, d, true)
}

// CheckSegments rejects "." and ".." segments in the decoded path d, and
// empty segments ("a//b") unless allowEmpty is set.
func CheckSegments(what, raw, d string, allowEmpty bool) error {
	segs := strings.Split(d[1:], "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return &diag.Diagnostic{Msg: fmt.Sprintf("%s %q contains a %q segment", what, raw, seg),
				Hint: "write the path without . and .. segments"}
		case seg == "" && i < len(segs)-1 && !allowEmpty:
			return &diag.Diagnostic{Msg: fmt.Sprintf("%s %q contains an empty segment (//)", what, raw),
				Hint: "remove the doubled slash"}
		}
	}
	return nil
}

// MaxSegment is the longest path segment, in bytes, that clause accepts in
// a URL it writes as a file: the longest file name ext4, APFS and NTFS
// hold.
const MaxSegment = 255

// MaxPath is the longest URL path, in bytes, that clause accepts: well
// within what browsers, static hosts and file systems (4,096 bytes for a
// whole path on Linux) handle.
const MaxPath = 2048

// CheckLength reports a slash path p that is longer than MaxPath or has a
// segment longer than MaxSegment. The message starts with what p is
// (such as "permalink") and shows p shortened.
func CheckLength(what, p string) error {
	if len(p) > MaxPath {
		return fmt.Errorf("%s %s is %d bytes long; clause accepts at most %d", what, Abbrev(p), len(p), MaxPath)
	}
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > MaxSegment {
			return fmt.Errorf("%s %s has a segment of %d bytes (%s); a file name holds at most %d", what, Abbrev(p), len(seg), Abbrev(seg), MaxSegment)
		}
	}
	return nil
}

// Abbrev quotes s, keeping its first 40 bytes (whole characters) and
// marking what was cut, so that an error about a long path stays one
// readable line.
func Abbrev(s string) string {
	const keep = 40
	if len(s) <= keep {
		return fmt.Sprintf("%q", s)
	}
	cut := keep
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", s[:cut])
}
