package redline

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// similarity returns the Dice coefficient of the word multisets of a and b.
func similarity(a, b *segment) float64 {
	a.fillBag()
	b.fillBag()
	if len(a.bag)+len(b.bag) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a.bag) && j < len(b.bag); {
		switch {
		case a.bag[i] < b.bag[j]:
			i++
		case a.bag[i] > b.bag[j]:
			j++
		default:
			common, i, j = common+1, i+1, j+1
		}
	}
	return 2 * float64(common) / float64(len(a.bag)+len(b.bag))
}

// fillBag computes the word multiset of s once.
func (s *segment) fillBag() {
	if !s.bagged {
		s.bag, s.bagged = wordBag(textOf(s.tree())), true
	}
}

// wordBag returns the multiset of the lower-cased words of text as a
// sorted list of their 64-bit FNV-1a hashes, so that two multisets
// intersect in one merge, without maps or lower-cased copies.
func wordBag(text string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	var bag []uint64
	h, in := uint64(offset), false
	for _, r := range text {
		if isWordRune(r) {
			h, in = (h^uint64(unicode.ToLower(r)))*prime, true
			continue
		}
		if in {
			bag = append(bag, h)
			h, in = offset, false
		}
	}
	if in {
		bag = append(bag, h)
	}
	slices.Sort(bag)
	return bag
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// asciiWord marks the ASCII word characters: letters, digits and '_'.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()
