package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// tomlHint and jsonHint explain the usual mistakes in each format.
const (
	tomlHint = "write one `key = value` per line and quote text, for example title = \"Privacy Policy\""
	jsonHint = "quote every key and text value and separate entries with commas, for example {\"title\": \"Privacy\", \"weight\": 2}"
)

// jsonError locates a JSON decoding error in the file. A syntax error's
// offset counts the bytes read up to and including the offending one, or
// all of them when the text ended too soon.
func jsonError(text *textIndex, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset) - 1
		if off >= len(text.data)-1 {
			off = text.lastNonSpace(off)
		}
		p := text.pos(off)
		msg := "invalid JSON front matter: " + strings.TrimPrefix(se.Error(), "json: ")
		return &Error{Line: p.line, Col: p.col, Msg: msg, Hint: jsonHint}
	case errors.As(err, &te) && te.Field == "":
		p := text.pos(text.skip(0, " \t\r\n"))
		return &Error{Line: p.line, Msg: "front matter must be an object of keys to values", Hint: jsonHint}
	}
	return &Error{Line: text.base + 1, Msg: "invalid JSON front matter: " + strings.TrimPrefix(err.Error(), "json: "), Hint: jsonHint}
}

// textIndex converts byte offsets in front matter text to file positions.
type textIndex struct {
	data  []byte
	base  int   // file line before the text's first line
	lines []int // byte offset at which each line of the text starts
}

// newTextIndex indexes the lines of data, which starts after file line base.
func newTextIndex(data []byte, base int) *textIndex {
	t := &textIndex{data: data, base: base, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// pos returns the file line of byte offset off and its 1-based byte
// column (see column.go).
func (t *textIndex) pos(off int) position {
	off = min(max(off, 0), len(t.data))
	n := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	return position{line: t.base + 1 + n, col: 1 + off - t.lines[n]}
}

// skip returns the offset of the first byte at or after off not in set.
func (t *textIndex) skip(off int, set string) int {
	off = max(off, 0)
	for off < len(t.data) && strings.IndexByte(set, t.data[off]) >= 0 {
		off++
	}
	return off
}

// lastNonSpace returns the offset of the last non-space byte at or before
// off, so an error at the end of the text points at what was read last.
func (t *textIndex) lastNonSpace(off int) int {
	off = min(off, len(t.data)-1)
	for off > 0 && strings.IndexByte(" \t\r\n", t.data[off]) >= 0 {
		off--
	}
	return off
}

// keyPos is where a top-level key of TOML or JSON front matter was found:
// the key's file line and, for an array value, the position of each item.
type keyPos struct {
	line  int
	items []position
}

// scanJSON finds the top-level keys of a JSON object that is known to be
// valid, and the first key defined twice, as an error at its second line
// (encoding/json silently keeps the last). The decoder's offset after a
// key is just past its closing quote, which is on the key's line.
func scanJSON(text *textIndex) (found map[string]keyPos, dupKey *Error) {
	found = map[string]keyPos{}
	dec := json.NewDecoder(bytes.NewReader(text.data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return found, nil
	}
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return found, dupKey
		}
		kp := keyPos{line: text.pos(int(dec.InputOffset()) - 1).line}
		if prev, dup := found[key]; dup && dupKey == nil {
			dupKey = &Error{Line: kp.line, Msg: fmt.Sprintf("key %q is defined twice (first on line %d)", key, prev.line),
				Hint: "remove one of the two; JSON readers disagree on which one counts"}
		}
		if kp.items, err = jsonItems(dec, text); err != nil {
			return found, dupKey
		}
		found[key] = kp
	}
	return found, dupKey
}

// jsonItems reads one value from dec and, when it is an array, returns
// the position of each of its items.
func jsonItems(dec *json.Decoder, text *textIndex) ([]position, error) {
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return nil, skipJSON(dec, tok, err)
	}
	var items []position
	for dec.More() {
		items = append(items, text.pos(text.skip(int(dec.InputOffset()), " \t\r\n,")))
		tok, err := dec.Token()
		if err = skipJSON(dec, tok, err); err != nil {
			return nil, err
		}
	}
	_, err = dec.Token() // the closing bracket
	return items, err
}

// skipJSON reads past the rest of a value whose first token is tok.
func skipJSON(dec *json.Decoder, tok json.Token, err error) error {
	for depth := 0; err == nil; tok, err = dec.Token() {
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
	return err
}
