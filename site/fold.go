package site

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldPath returns the form under which a case-insensitive,
// normalisation-insensitive file system (macOS's APFS and HFS+, Windows'
// NTFS) stores a path: NFC, then every letter simply case-folded. Two
// output paths with one folded form are one file there, so the second
// would overwrite the first.
func foldPath(p string) string {
	return strings.Map(simpleFold, norm.NFC.String(p))
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
