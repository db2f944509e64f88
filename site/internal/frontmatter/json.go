package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
)

// jsonHint explains the usual mistakes in JSON front matter.
const jsonHint = "quote every key and text value and separate entries with commas, for example {\"title\": \"Privacy\", \"weight\": 2}"

// decodeJSON reads JSON front matter, locating each top-level key by the
// decoder's offsets; start is the file line of the opening delimiter.
func (fs *Fields) decodeJSON(text *textIndex, start int) *diag.Diagnostic {
	m := map[string]any{}
	if err := json.Unmarshal(text.data, &m); err != nil {
		return jsonError(text, err)
	}
	found, dup := scanJSON(text)
	if dup != nil {
		return dup
	}
	fs.setMap(m, found, start)
	return nil
}

// jsonError locates a JSON decoding error in the file. A syntax error's
// offset counts the bytes read up to and including the offending one, or
// all of them when the text ended too soon.
func jsonError(text *textIndex, err error) *diag.Diagnostic {
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
		return &diag.Diagnostic{Line: p.Line, Col: p.Col, Msg: msg, Hint: jsonHint}
	case errors.As(err, &te) && te.Field == "":
		p := text.pos(text.skip(0, " \t\r\n"))
		return &diag.Diagnostic{Line: p.Line, Msg: "front matter must be an object of keys to values", Hint: jsonHint}
	}
	return &diag.Diagnostic{Line: text.base + 1, Msg: "invalid JSON front matter: " + strings.TrimPrefix(err.Error(), "json: "), Hint: jsonHint}
}

// scanJSON finds the top-level keys of a JSON object that is known to be
// valid, and the first key defined twice, as an error at its second line
// (encoding/json silently keeps the last). The decoder's offset after a
// key is just past its closing quote, which is on the key's line.
func scanJSON(text *textIndex) (found map[string]keyPos, dupKey *diag.Diagnostic) {
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
		kp := keyPos{line: text.pos(int(dec.InputOffset()) - 1).Line}
		if prev, dup := found[key]; dup && dupKey == nil {
			dupKey = &diag.Diagnostic{Line: kp.line, Msg: fmt.Sprintf("key %q is defined twice (first on line %d)", key, prev.line),
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
func jsonItems(dec *json.Decoder, text *textIndex) ([]Pos, error) {
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return nil, skipJSON(dec, tok, err)
	}
	var items []Pos
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
