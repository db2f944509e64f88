package frontmatter

import (
	"sort"

	"github.com/clause-dev/clause/site/internal/diag"
)

// Pos is a 1-based file line and byte column; a Col of 0 means unknown.
type Pos struct{ Line, Col int }

// Field is one top-level value of front matter with where it is written.
type Field struct {
	Value any    // as decoded: string, bool, int, int64, float64, time.Time, []any, map[string]any or nil
	Line  int    // file line of the key
	Text  string // a scalar as written, for dates; "" for lists and tables
	Items []Pos  // file positions of a list's items; nil when unknown
}

// Item returns the position of item i of a list of n items, or the key's
// line when the items' positions are not known.
func (f Field) Item(i, n int) Pos {
	if len(f.Items) == n && i < n {
		return f.Items[i]
	}
	return Pos{Line: f.Line}
}

// Fields is decoded front matter: every top-level key with its value.
type Fields struct {
	Keys   []string         // in the order written (YAML) or sorted (TOML, JSON)
	Fields map[string]Field // by key
}

// set adds a key, keeping the order in which keys were first set.
func (fs *Fields) set(key string, f Field) {
	if _, dup := fs.Fields[key]; !dup {
		fs.Keys = append(fs.Keys, key)
	}
	fs.Fields[key] = f
}

// Decode reads the front matter of b. A file without front matter gives
// no fields. Decoding stops at the first problem, which is returned, with
// no path, and no fields; the problems are size, depth, syntax, a value
// that is not a mapping and a key defined twice.
func Decode(b Block) (*Fields, []*diag.Diagnostic) {
	fs := &Fields{Fields: map[string]Field{}}
	if b.Format == None {
		return fs, nil
	}
	if d := tooLarge(b.Raw, b.Start); d != nil {
		return nil, []*diag.Diagnostic{d}
	}
	text := newTextIndex(b.Raw, b.RawLine-1)
	var d *diag.Diagnostic
	switch b.Format {
	case YAML:
		d = fs.decodeYAML(text, b.Start)
	case TOML:
		if d = checkTOMLDepth(text); d == nil {
			d = fs.decodeTOML(text, b.Start)
		}
	case JSON:
		if d = checkJSONDepth(text); d == nil {
			d = fs.decodeJSON(text, b.Start)
		}
	}
	if d != nil {
		return nil, []*diag.Diagnostic{d}
	}
	return fs, nil
}

// keyPos is where a top-level key of TOML or JSON front matter was found:
// the key's file line and, for a list value, the position of each item.
type keyPos struct {
	line  int
	items []Pos
}

// setMap stores decoded TOML or JSON values in sorted key order. A key
// whose line was not found is placed at the opening delimiter, line
// start.
func (fs *Fields) setMap(m map[string]any, found map[string]keyPos, start int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := Field{Value: m[k], Line: start}
		if p, ok := found[k]; ok {
			f.Line, f.Items = p.line, p.items
		}
		if s, ok := m[k].(string); ok {
			f.Text = s
		}
		fs.set(k, f)
	}
}
