package site

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldPath returns the form under which a case-insensitive,
// normalisation-insensitive file system (macOS's APFS and HFS+, Windows'
// NTFS) stores a path: NFC, then every letter simply case-folded. Two
// output paths with one folded form are one file there, so the second
// would overwrite the first.
func foldPath(p string) string {
	if folded, ok := foldASCII(p); ok {
		return folded
	}
	return strings.Map(simpleFold, norm.NFC.String(p))
}

// foldASCII is foldPath for a path of ASCII bytes only, the usual case,
// which every build folds thousands of times: NFC leaves ASCII as it is,
// and the least rune of an ASCII letter's folding orbit is its upper
// case (k folds with K and the Kelvin sign, K being the least), so the
// fold is strings.ToUpper, which returns p itself when it has no
// lower-case letter. It returns false when p is not ASCII.
func foldASCII(p string) (string, bool) {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	return strings.ToUpper(p), true
}

// simpleFold maps r to the smallest rune of its simple case-folding
// orbit (K, k and the Kelvin sign all map to K), so that runes equal
// under folding map to one rune.
func simpleFold(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
