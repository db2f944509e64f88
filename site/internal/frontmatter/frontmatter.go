// Package frontmatter is the one place where clause finds and decodes the
// front matter of a content file. Split finds it; Decode reads it into
// values that keep the file line (and, for list items, the byte column)
// they were written at, so that every error points into the file.
//
// # Syntax
//
// The file may start with a UTF-8 byte order mark, which is skipped.
// Lines end in LF, CRLF or a lone CR (classic Mac OS), as in CommonMark:
// Split reads a lone CR as LF, which keeps every byte offset. Blank lines
// before the front matter are allowed; the first line with text decides,
// compared with white space trimmed:
//
//	---  ---yaml   YAML, up to a line "---" or, as in Jekyll, "..."
//	+++            TOML, up to a line "+++"
//	---toml        TOML, up to a line "---" or "..."
//	;;;            JSON, up to a line ";;;"
//	---json        JSON, up to a line "---" or "..."
//	{              JSON: the object itself, up to a line "}" that is
//	               followed by a blank line or the end of the file
//
// A delimited block without its closing line is an error. A "{" without
// a closing "}" and blank line is not front matter but the start of the
// body, and so is anything else on the first line with text: such a
// file has no front matter, which is valid. The body starts on the line
// after the closing one (after the blank line, for a bare JSON object).
//
// # Decoding
//
// YAML is decoded by gopkg.in/yaml.v3, TOML by pelletier/go-toml/v2 and
// JSON by encoding/json. The front matter must be a mapping of keys to
// values; a key defined twice is an error in every format. Before a
// decoder runs, front matter over MaxBytes is refused at its opening
// line, and so is a value nested more than MaxDepth lists and tables
// deep, at the bracket or item that opens the level too many (a YAML
// alias bomb is refused by yaml.v3). TOML's local dates and times, which
// have no zone, become the same wall clock in UTC.
//
// Each top-level key keeps its file line: YAML's from the decoder, TOML's
// from go-toml's parser, JSON's from encoding/json's token offsets. A
// TOML key set only under a [table] header, and any key whose line is
// unknown, is placed at the opening delimiter. The items of a top-level
// list keep their own line and byte column. Columns are 1-based byte
// columns, as go/scanner counts them; see package diag.
package frontmatter

import (
	"bytes"
	"fmt"

	"github.com/clause-dev/clause/site/internal/diag"
)

// Format is the syntax of a block of front matter.
type Format string

// The formats; None is a file without front matter.
const (
	None Format = ""
	YAML Format = "YAML"
	TOML Format = "TOML"
	JSON Format = "JSON"
)

// openers maps each opening delimiter line to its format.
var openers = map[string]Format{
	"---": YAML, "---yaml": YAML, "+++": TOML, "---toml": TOML,
	";;;": JSON, "---json": JSON, "{": JSON,
}

// Block is the front matter of one file as Split found it. Lines are
// 1-based lines of the file; offsets count the bytes of the file as
// given to Split, byte order mark included.
type Block struct {
	Format     Format // None when the file has no front matter
	Delim      string // the opening delimiter line, trimmed: "---", "+++", "{", …
	Raw        []byte // the text to decode: the lines between the delimiters, or a bare JSON object with the blank line after it
	Start      int    // line of the opening delimiter; without front matter, the first line with text (1 when there is none)
	End        int    // line of the closing delimiter (the "}" of a bare object); 0 without front matter
	RawLine    int    // line on which Raw starts
	Body       []byte // the Markdown after the front matter, lone CRs read as LF
	BodyOffset int    // byte offset in the file at which Body starts
	BodyLine   int    // line on which Body starts
}

var bom = []byte("\uFEFF")

// Split finds the front matter at the top of src, the whole text of a
// file. The only error is a delimited block that is not closed; it is at
// the opening line, with no path.
func Split(src []byte) (Block, *diag.Diagnostic) {
	skipped := 0
	if bytes.HasPrefix(src, bom) {
		skipped = len(bom)
	}
	text := lineFeeds(src[skipped:])
	b := Block{Start: 1, Body: text, BodyOffset: skipped, BodyLine: 1}
	open, n := firstTextLine(text)
	if open.start < 0 {
		return b, nil
	}
	b.Start = n
	delim := string(open.trimmed)
	format, ok := openers[delim]
	if !ok {
		return b, nil
	}
	end, last, found := blockEnd(text, open, delim)
	switch {
	case !found && delim == "{":
		return b, nil // not front matter: the body starts with "{"
	case !found:
		return b, &diag.Diagnostic{Line: n, Msg: "front matter is not closed",
			Hint: fmt.Sprintf("did you forget the closing `%s` line after the front matter?", closing(delim))}
	}
	b.Format, b.Delim = format, delim
	b.Raw, b.RawLine = text[open.next:end.start], n+1
	if delim == "{" {
		b.Raw, b.RawLine = text[open.start:last.next], n
	}
	b.End = n + bytes.Count(text[open.start:end.start], []byte("\n"))
	b.Body, b.BodyOffset = text[last.next:], skipped+last.next
	b.BodyLine = 1 + bytes.Count(text[:last.next], []byte("\n"))
	return b, nil
}

// blockEnd finds the line that closes the front matter opened by the
// line open, which is delim, and the block's last line: the closing line,
// or the blank line after a bare JSON object's "}".
func blockEnd(text []byte, open line, delim string) (end, last line, found bool) {
	if delim == "{" {
		return objectEnd(text, open.next)
	}
	end, found = closingLine(text, open.next, closing(delim))
	return end, end, found
}

// closing returns the line that closes front matter opened by delim.
func closing(delim string) string {
	if delim[0] == '-' {
		return "---"
	}
	return delim
}

// line is one line of a text: where it starts, where the next starts,
// and its content with surrounding white space trimmed.
type line struct {
	start, next int
	trimmed     []byte
}

// lineAt returns the line that starts at offset off of text.
func lineAt(text []byte, off int) line {
	next := len(text)
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		next = off + i + 1
	}
	return line{start: off, next: next, trimmed: bytes.TrimSpace(text[off:next])}
}

// firstTextLine returns the first line that is not blank and its 1-based
// number; its start is -1 when every line is blank.
func firstTextLine(text []byte) (line, int) {
	for off, n := 0, 1; off < len(text); n++ {
		l := lineAt(text, off)
		if len(l.trimmed) > 0 {
			return l, n
		}
		off = l.next
	}
	return line{start: -1}, 1
}

// closingLine finds the first line from offset off that is end, or, when
// end is "---", the YAML document end marker "..." that Jekyll accepts.
func closingLine(text []byte, off int, end string) (line, bool) {
	for off < len(text) {
		l := lineAt(text, off)
		if s := string(l.trimmed); s == end || end == "---" && s == "..." {
			return l, true
		}
		off = l.next
	}
	return line{}, false
}

// objectEnd finds the line "}" that closes a bare JSON object, from
// offset off: the first one followed by a blank line or the end of the
// text. It returns that line and the line after which the body starts.
func objectEnd(text []byte, off int) (brace, last line, found bool) {
	for off < len(text) {
		l := lineAt(text, off)
		off = l.next
		if string(l.trimmed) != "}" {
			continue
		}
		if off == len(text) {
			return l, l, true
		}
		if after := lineAt(text, off); len(after.trimmed) == 0 {
			return l, after, true
		}
	}
	return line{}, line{}, false
}

// lineFeeds returns b with every carriage return that is not followed by
// a line feed (classic Mac OS line endings) turned into a line feed, as
// CommonMark reads it, so that front matter and line numbers see the same
// lines as the Markdown. Byte offsets do not change; b itself is returned
// when it has no such carriage return.
func lineFeeds(b []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(b, '\r'); i >= 0 && i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			if out == nil {
				out = bytes.Clone(b)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return b
	}
	return out
}
