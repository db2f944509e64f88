package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// field is one front matter value with the file line of its key.
type field struct {
	value any
	line  int
	text  string     // the scalar as written, for dates; "" for non-scalars
	items []position // file positions of a list's items; nil when unknown
}

// position is a 1-based file line and column; a column of 0 means unknown.
type position struct{ line, col int }

// item returns the position of item i of a list of n items, or the key's
// line when the items' positions are not known.
func (f field) item(i, n int) position {
	if len(f.items) == n && i < n {
		return f.items[i]
	}
	return position{line: f.line}
}

// rawFrontMatter is front matter decoded but not yet interpreted. It keeps
// the key order and the line of every key, so errors point at the right
// line of the file.
type rawFrontMatter struct {
	keys   []string
	fields map[string]field
	start  int // file line of the opening delimiter
	format string
}

// frontMatterFormats are the delimiters clause understands. YAML is decoded
// with yaml.v3 so every key keeps its line number.
func frontMatterFormats() []*frontmatter.Format {
	yamlFn := func(data []byte, v any) error {
		fm := v.(*rawFrontMatter)
		return firstError(func() error { return frontMatterTooLarge(data, fm.start) },
			func() error { return fm.decodeYAML(data) })
	}
	tomlFn := func(data []byte, v any) error {
		fm := v.(*rawFrontMatter)
		return firstError(func() error { return frontMatterTooLarge(data, fm.start) },
			func() error { return checkTOMLDepth(newTextIndex(data, fm.start)) },
			func() error { return fm.decodeTOML(data) })
	}
	jsonAt := func(shift int) func(data []byte, v any) error {
		return func(data []byte, v any) error {
			fm := v.(*rawFrontMatter)
			return firstError(func() error { return frontMatterTooLarge(data, fm.start) },
				func() error { return checkJSONDepth(newTextIndex(data, fm.start-shift)) },
				func() error { return fm.decodeJSON(data, fm.start-shift) })
		}
	}
	// The bare object's text starts at its opening brace, not after it.
	jsonFn, jsonObjectFn := jsonAt(0), jsonAt(1)
	jsonObject := frontmatter.NewFormat("{", "}", jsonObjectFn)
	jsonObject.UnmarshalDelims, jsonObject.RequiresNewLine = true, true
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", yamlFn),
		frontmatter.NewFormat("---yaml", "---", yamlFn),
		frontmatter.NewFormat("+++", "+++", tomlFn),
		frontmatter.NewFormat("---toml", "---", tomlFn),
		frontmatter.NewFormat(";;;", ";;;", jsonFn),
		frontmatter.NewFormat("---json", "---", jsonFn),
		jsonObject,
	}
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// decodeYAML reads a YAML mapping into fields, keeping key lines.
func (fm *rawFrontMatter) decodeYAML(data []byte) error {
	fm.format = "YAML"
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fm.syntaxError("YAML", err)
	}
	byteColumns(&doc, data)
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	root := doc.Content[0]
	if err := checkYAMLDepth(root, fm.start); err != nil {
		return err
	}
	if root.Kind != yaml.MappingNode {
		return &Error{Line: fm.start + root.Line, Msg: "front matter must be a mapping of keys to values",
			Hint: "write one `key: value` per line, for example `title: Privacy Policy`"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, dup := fm.fields[k.Value]; dup {
			return &Error{Line: fm.start + k.Line, Msg: fmt.Sprintf("key %q is defined twice (first on line %d)", k.Value, prev.line),
				Hint: "remove one of the two lines"}
		}
		var value any
		if err := v.Decode(&value); err != nil {
			return &Error{Line: fm.start + v.Line, Msg: fmt.Sprintf("cannot read %q: %v", k.Value, err)}
		}
		f := field{value: value, line: fm.start + k.Line}
		switch v.Kind {
		case yaml.ScalarNode:
			f.text = v.Value
		case yaml.SequenceNode:
			for _, item := range v.Content {
				f.items = append(f.items, position{line: fm.start + item.Line, col: item.Column})
			}
		}
		fm.set(k.Value, f)
	}
	return nil
}

// syntaxError turns a decoder error into a problem at a line of the file;
// its Path is left for the caller to set.
func (fm *rawFrontMatter) syntaxError(format string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := fm.start
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = fm.start + n
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, ":"), " ")
	}
	return &Error{Line: line, Msg: fmt.Sprintf("invalid %s front matter: %s", format, msg),
		Hint: "check the indentation and quote values that contain a colon, for example title: \"Privacy: an overview\""}
}

// decodeTOML reads TOML front matter, locating each top-level key by
// scanning the text, as the decoder does not report key lines.
func (fm *rawFrontMatter) decodeTOML(data []byte) error {
	fm.format = "TOML"
	text := newTextIndex(data, fm.start)
	m, err := unmarshalTOML(text)
	if err != nil {
		return err
	}
	fm.setMap(m, scanTOML(text))
	return nil
}

// decodeJSON reads JSON front matter whose text starts on the line after
// file line base, locating each top-level key by scanning the text.
func (fm *rawFrontMatter) decodeJSON(data []byte, base int) error {
	fm.format = "JSON"
	text := newTextIndex(data, base)
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		return jsonError(text, err)
	}
	found, dup := scanJSON(text)
	if dup != nil {
		return dup
	}
	fm.setMap(m, found)
	return nil
}

// setMap stores decoded TOML or JSON values in key order. A key whose line
// was not found is located at the opening delimiter.
func (fm *rawFrontMatter) setMap(m map[string]any, found map[string]keyPos) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		f := field{value: m[k], line: fm.start}
		if p, ok := found[k]; ok {
			f.line, f.items = p.line, p.items
		}
		if s, ok := m[k].(string); ok {
			f.text = s
		}
		fm.set(k, f)
	}
}

func (fm *rawFrontMatter) set(key string, f field) {
	if fm.fields == nil {
		fm.fields = map[string]field{}
	}
	if _, dup := fm.fields[key]; !dup {
		fm.keys = append(fm.keys, key)
	}
	fm.fields[key] = f
}

// splitFrontMatter separates front matter from the body. It returns the
// decoded front matter, the body and the file line on which the body starts.
func splitFrontMatter(src []byte) (*rawFrontMatter, []byte, int, error) {
	fm := &rawFrontMatter{start: firstTextLine(src)}
	head := frontMatterHead(src, fm.start)
	rest, err := frontmatter.Parse(bytes.NewReader(head), fm, frontMatterFormats()...)
	if err != nil {
		if fe, ok := err.(*Error); ok {
			return nil, nil, 0, fe
		}
		return nil, nil, 0, &Error{Line: fm.start, Msg: err.Error()}
	}
	if fm.format == "" {
		if delim := openingDelimiter(src, fm.start); delim != "" {
			return nil, nil, 0, &Error{Line: fm.start, Msg: "front matter is not closed",
				Hint: fmt.Sprintf("did you forget the closing `%s` line after the front matter?", closing(delim))}
		}
	}
	// Slice the body out of src rather than keeping the parser's copy,
	// so each file is held in memory once.
	consumed := len(head) - len(rest)
	return fm, src[consumed:], 1 + bytes.Count(src[:consumed], []byte("\n")), nil
}

// frontMatterHead returns the start of src up to the end of the line that
// closes the front matter opened on line start, so that the parser does
// not copy the whole body; or src when there is no delimited front matter.
func frontMatterHead(src []byte, start int) []byte {
	delim := openingDelimiter(src, start)
	if delim == "" {
		return src
	}
	end := closing(delim)
	off, line := 0, 1
	for off < len(src) {
		n := bytes.IndexByte(src[off:], '\n') + 1
		if n == 0 {
			n = len(src) - off
		}
		l := bytes.TrimSpace(src[off : off+n])
		switch {
		case line <= start:
		case string(l) == end:
			return src[:off+n]
		case end == "---" && string(l) == "...":
			return yamlDocumentEnd(src[:off+n], off)
		}
		off, line = off+n, line+1
	}
	return src
}

// yamlDocumentEnd returns a copy of head whose last line, the YAML
// document end marker "..." that Jekyll accepts in place of the closing
// "---", is replaced by "---" for the parser, byte offsets unchanged.
func yamlDocumentEnd(head []byte, lineStart int) []byte {
	out := bytes.Clone(head)
	i := lineStart + bytes.Index(out[lineStart:], []byte("..."))
	copy(out[i:], "---")
	return out
}

// firstTextLine returns the 1-based line of the first non-blank line.
func firstTextLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		src, line = rest, line+1
	}
	return 1
}

// openingDelimiter returns the front matter delimiter on the given line, if any.
func openingDelimiter(src []byte, line int) string {
	for ; line > 1; line-- {
		_, rest, found := bytes.Cut(src, []byte("\n"))
		if !found {
			return ""
		}
		src = rest
	}
	l, _, _ := bytes.Cut(src, []byte("\n"))
	switch s := string(bytes.TrimSpace(l)); s {
	case "---", "+++", ";;;", "---yaml", "---toml", "---json":
		return s
	}
	return ""
}

func closing(delim string) string {
	if strings.HasPrefix(delim, "---") {
		return "---"
	}
	return delim
}
