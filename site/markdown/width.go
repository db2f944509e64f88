package markdown

import (
	"unicode"

	"golang.org/x/text/width"
)

// DisplayWidth returns how many columns s takes in a monospaced plain
// text: two for East Asian wide and full-width characters (漢字, ｱ), none
// for combining marks and format characters, one for the rest. An
// underline of that many characters spans the text it underlines in
// index.txt, whatever its script.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// isWide reports whether r takes two columns.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}
