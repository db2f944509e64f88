package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/clause-dev/clause/site/internal/diag"
)

// tomlHint explains the usual mistakes in TOML front matter.
const tomlHint = "write one `key = value` per line and quote text, for example title = \"Privacy Policy\""

// decodeTOML reads TOML front matter; start is the file line of the
// opening delimiter. go-toml's time and memory grow linearly with the
// text (BurntSushi/toml's grew with the square of the nesting of inline
// tables). A byte order mark at the start of the text is skipped.
func (fs *Fields) decodeTOML(text *textIndex, start int) *diag.Diagnostic {
	data, skipped := text.data, 0
	if bytes.HasPrefix(data, bom) {
		data, skipped = data[len(bom):], len(bom)
	}
	m := map[string]any{}
	if err := toml.Unmarshal(data, &m); err != nil {
		return tomlError(text, skipped, err)
	}
	for k, v := range m {
		m[k] = tomlLocalTimes(v)
	}
	fs.setMap(m, tomlKeys(text, skipped), start)
	return nil
}

// tomlLocalTimes returns v with every local date, date-time and time
// (also inside tables and arrays) replaced by a UTC time.Time of the same
// wall clock, so the build does not depend on where it runs.
func tomlLocalTimes(v any) any {
	switch v := v.(type) {
	case toml.LocalDate:
		return v.AsTime(time.UTC)
	case toml.LocalDateTime:
		return v.AsTime(time.UTC)
	case toml.LocalTime:
		return time.Date(0, 1, 1, v.Hour, v.Minute, v.Second, v.Nanosecond, time.UTC)
	case map[string]any:
		for k, x := range v {
			v[k] = tomlLocalTimes(x)
		}
	case []any:
		for i, x := range v {
			v[i] = tomlLocalTimes(x)
		}
	}
	return v
}

// tomlError locates a TOML decoding error in the file. The decoder counts
// lines of the front matter and columns in bytes from after any byte
// order mark (skipped bytes); the error names the file's line and byte
// column.
func tomlError(text *textIndex, skipped int, err error) *diag.Diagnostic {
	msg := strings.ReplaceAll(strings.TrimPrefix(err.Error(), "toml: "), "character U+000A", "line end")
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return &diag.Diagnostic{Line: text.base + 1, Msg: "invalid TOML front matter: " + msg, Hint: tomlHint}
	}
	if key := de.Key(); len(key) > 0 {
		msg += fmt.Sprintf(" (key %q)", strings.Join(key, "."))
	}
	row, col := de.Position()
	off := max(col-1, 0)
	if row <= 1 {
		off += skipped
	} else if row <= len(text.lines) {
		off += text.lines[row-1]
	}
	p := text.pos(off)
	return &diag.Diagnostic{Line: p.Line, Col: p.Col, Msg: "invalid TOML front matter: " + msg, Hint: tomlHint}
}
