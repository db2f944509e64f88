package redirect

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

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
