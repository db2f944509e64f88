package site

import "unsafe"

// frozenString returns the bytes of b as a string without copying them.
// A page's HTML is rendered into a new buffer that nothing writes to
// afterwards; converting it with string() copied every page's HTML once
// more (0.4 GB of allocations in a 10,000-policy build, and the garbage
// collections they cost). The caller must never write to b again.
func frozenString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
