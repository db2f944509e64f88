package redline

import "unicode/utf8"

// tokKind is the kind of an inline token.
type tokKind uint8

const (
	tkWord  tokKind = iota // a word or one punctuation character
	tkSpace                // a run of white space
	tkStart                // the start tag of an inline element
	tkEnd                  // the end tag of an inline element
	tkAtom                 // a visible element compared whole, e.g. <img>
	tkDecor                // an invisible element compared whole
)

// token is one unit of a word-level diff.
type token struct {
	kind tokKind
	key  string // comparison key
	text string // the unescaped text of words and spaces
	n    *node  // the element of tags, atoms and decorations
}

// spaceKey is the key of every white space token, so that a reflowed line
// compares equal.
const spaceKey = " "

// flatten appends the tokens of inline nodes to out.
func flatten(out []token, nodes []*node) []token {
	var keys keyArena
	return keys.flattenIn(out, nodes, "")
}

// formatElements change how their text reads; the formatting around a
// word is part of its key, so that text that gains or loses emphasis, a
// link or a link target shows as changed.
var formatElements = set("a", "abbr", "b", "cite", "code", "del", "em", "i",
	"ins", "kbd", "mark", "q", "s", "samp", "small", "strong", "sub", "sup",
	"u", "var")

// flattenIn appends the tokens of inline nodes to out; ctx describes the
// formatting elements around them.
func (keys *keyArena) flattenIn(out []token, nodes []*node, ctx string) []token {
	for _, n := range nodes {
		switch {
		case !n.elem:
			out = keys.appendWords(out, n.text, ctx)
		case isDecor(n):
			out = append(out, token{kind: tkDecor, key: "d" + renderString([]*node{n}), n: n})
		case isAtomic(n):
			out = append(out, token{kind: tkAtom, key: "a" + renderString([]*node{n}), n: n})
		default:
			var w writer
			writeStartTag(&w, n.name, n.attrs)
			out = append(out, token{kind: tkStart, key: w.String(), n: n})
			out = keys.flattenIn(out, n.children, formatContext(ctx, n))
			out = append(out, token{kind: tkEnd, key: "</" + n.name, n: n})
		}
	}
	return out
}

// formatContext returns the formatting context inside element n.
func formatContext(ctx string, n *node) string {
	switch {
	case n.name == "a":
		return ctx + "\x00a=" + attr(n.attrs, "href")
	case formatElements[n.name]:
		return ctx + "\x00" + n.name
	}
	return ctx
}

// appendWords appends the words, punctuation and spaces of text in the
// formatting context ctx to out.
func (keys *keyArena) appendWords(out []token, text, ctx string) []token {
	for text != "" {
		n, space := wordLen(text)
		s := text[:n]
		if space {
			out = append(out, token{kind: tkSpace, key: spaceKey, text: s})
		} else {
			out = append(out, token{kind: tkWord, key: keys.word(s, ctx), text: s})
		}
		text = text[n:]
	}
	return out
}

// wordLen returns the byte length of the token at the start of a
// non-empty text: a run of white space, a run of word characters, or a
// single other character; space reports the first.
func wordLen(text string) (n int, space bool) {
	r, size := utf8.DecodeRuneInString(text)
	space = isSpace(r)
	if !space && !isWordRune(r) {
		return size, false
	}
	n = size
	for n < len(text) {
		r, size = rune(text[n]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[n:])
		}
		if space != isSpace(r) || (!space && !isWordRune(r)) {
			break
		}
		n += size
	}
	return n, space
}

// tokenKeys returns the keys of toks.
func tokenKeys(toks []token) []string {
	keys := make([]string, len(toks))
	for i := range toks {
		keys[i] = toks[i].key
	}
	return keys
}

// weight returns the number of visible tokens of toks (words and atoms),
// which decides whether an equality is worth keeping.
func weight(toks []token) int {
	n := 0
	for i := range toks {
		if k := toks[i].kind; k == tkWord || k == tkAtom {
			n++
		}
	}
	return n
}
