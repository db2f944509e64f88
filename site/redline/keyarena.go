package redline

import "strings"

// keyArena makes the comparison keys of word tokens, "w" + word +
// formatting context, in a few large buffers instead of one allocation
// per word: the tokens of a block are made together and live as long as
// the Differ that keeps them (see segcache.go), and a redline of two long
// versions has tens of thousands of them.
type keyArena struct {
	b strings.Builder
}

// The buffers start small, as most runs of inline text are a sentence or
// two, and double up to a limit; a longer key gets a buffer of its own.
const (
	arenaFirst = 256
	arenaMax   = 8 << 10
)

// word returns "w" + s + ctx. The bytes of a Builder, once written, are
// never changed, so the string stays valid after later writes.
func (a *keyArena) word(s, ctx string) string {
	n := 1 + len(s) + len(ctx)
	if a.b.Cap()-a.b.Len() < n {
		size := min(max(2*a.b.Cap(), arenaFirst), arenaMax)
		a.b = strings.Builder{}
		a.b.Grow(max(size, n))
	}
	start := a.b.Len()
	a.b.WriteByte('w')
	a.b.WriteString(s)
	a.b.WriteString(ctx)
	return a.b.String()[start:]
}
