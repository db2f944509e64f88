package site

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// unmarshalTOML decodes TOML front matter with go-toml, whose time and
// memory grow linearly with the text (BurntSushi/toml's grew with the
// square of the nesting of inline tables). Local dates and times, which
// have no zone, become times of the same wall clock in UTC, so the build
// does not depend on where it runs.
func unmarshalTOML(text *textIndex) (map[string]any, error) {
	data, skipped := text.data, 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		data, skipped = data[len("\uFEFF"):], len("\uFEFF")
	}
	m := map[string]any{}
	if err := toml.Unmarshal(data, &m); err != nil {
		return nil, tomlError(text, skipped, err)
	}
	for k, v := range m {
		m[k] = tomlLocalTimes(v)
	}
	return m, nil
}

// tomlLocalTimes returns v with every local date, date-time and time
// (also inside tables and arrays) replaced by a UTC time.Time.
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
// order mark (skipped bytes); the error names the file's line and the
// column in characters.
func tomlError(text *textIndex, skipped int, err error) error {
	msg := strings.ReplaceAll(strings.TrimPrefix(err.Error(), "toml: "), "character U+000A", "line end")
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return &Error{Line: text.base + 1, Msg: "invalid TOML front matter: " + msg, Hint: tomlHint}
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
	return &Error{Line: p.line, Col: p.col, Msg: "invalid TOML front matter: " + msg, Hint: tomlHint}
}
