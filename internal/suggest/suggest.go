// Package suggest finds the word a person probably meant when they
// mistyped a command, a flag or a key: "buidl" for build, "titel" for
// title, "--destinaton" for --destination.
//
// It is deliberately cautious. A suggestion is made only when one known
// word is clearly closest: within one edit when the typo or the word has
// at most four letters, within two otherwise, and no other known word as
// close. An edit inserts, deletes or replaces one letter, or swaps two
// neighbouring ones; letter case, and "-" against "_", cost nothing.
package suggest

import "strings"

// Closest returns the word among known that word is a likely typo of, and
// whether there is one. A word that is itself known is not a typo.
func Closest(word string, known []string) (string, bool) {
	if word == "" {
		return "", false
	}
	best, bestDist, tie := "", -1, false
	for _, k := range known {
		if k == word {
			return "", false
		}
		d := Distance(fold(word), fold(k))
		if d > maxEdits(word, k) {
			continue
		}
		switch {
		case bestDist < 0 || d < bestDist:
			best, bestDist, tie = k, d, false
		case d == bestDist && k != best:
			tie = true
		}
	}
	if bestDist < 0 || tie {
		return "", false
	}
	return best, true
}

// maxEdits is how far a typo may be from the word it stands for: one edit
// when either is short, two when both are longer, so that short words do
// not match everything.
func maxEdits(word, known string) int {
	if min(len([]rune(word)), len([]rune(known))) <= 4 {
		return 1
	}
	return 2
}

// fold makes the spellings that mean the same compare equal: letter case,
// and "-" for "_".
func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "-", "_")
}

// Distance returns the number of edits that turn a into b: inserting,
// deleting or replacing one character, or swapping two neighbouring ones
// (the optimal string alignment distance). It counts runes, not bytes.
func Distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// prev2, prev and cur are three rows of the edit table.
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
