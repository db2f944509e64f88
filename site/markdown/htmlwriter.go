package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's html.Writer with a fast path for text that
// needs no work: goldmark's writer looks at every byte of every text
// segment in turn (for backslash escapes, entity references, NUL bytes
// and the four characters HTML escapes) and hands the bytes between them
// to the output one piece at a time. Most text in a policy holds none of
// those, and textWriter writes it whole after one scan with a table. Any
// other text goes to goldmark's writer, so the HTML is always goldmark's.
type textWriter struct {
	html.Writer
}

// newTextWriter returns a textWriter over goldmark's default writer.
func newTextWriter() textWriter { return textWriter{html.NewWriter()} }

// Bits of textBytes: the bytes RawWrite must leave to goldmark's writer
// (those util.EscapeHTMLByte replaces: NUL and the four HTML escapes), and
// the bytes Write must (those, backslashes and the '&' of references).
const (
	writeSpecial = 1 << iota
	rawSpecial
)

// textBytes classifies every byte value for Write and RawWrite. The bytes
// RawWrite acts on are asked of goldmark, so that the table follows it.
var textBytes = func() (t [256]uint8) {
	for c := range 256 {
		if util.EscapeHTMLByte(byte(c)) != nil {
			t[c] |= writeSpecial | rawSpecial
		}
	}
	for _, c := range []byte{0, '&', '\\'} {
		t[c] |= writeSpecial
	}
	return t
}()

// special returns the union of textBytes's bits over source.
func special(source []byte) (bits uint8) {
	for _, c := range source {
		bits |= textBytes[c]
	}
	return bits
}

// Write implements html.Writer: text without a byte that goldmark's writer
// would act on is written as it is.
func (w textWriter) Write(out util.BufWriter, source []byte) {
	if special(source)&writeSpecial != 0 {
		w.Writer.Write(out, source)
	} else if len(source) > 0 {
		_, _ = out.Write(source)
	}
}

// RawWrite implements html.Writer: text without a character to escape is
// written as it is.
func (w textWriter) RawWrite(out util.BufWriter, source []byte) {
	if special(source)&rawSpecial != 0 {
		w.Writer.RawWrite(out, source)
	} else if len(source) > 0 {
		_, _ = out.Write(source)
	}
}
