package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/internal/diag"
)

// decodeYAML reads a YAML mapping into fields, keeping key lines; start
// is the file line of the opening delimiter.
func (fs *Fields) decodeYAML(text *textIndex, start int) *diag.Diagnostic {
	var doc yaml.Node
	if err := yaml.Unmarshal(text.data, &doc); err != nil {
		return YAMLError(text.base, err)
	}
	ByteColumns(&doc, text.data)
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	root := doc.Content[0]
	if d := checkYAMLDepth(root, text.base); d != nil {
		return d
	}
	if root.Kind != yaml.MappingNode {
		return &diag.Diagnostic{Line: text.base + root.Line, Msg: "front matter must be a mapping of keys to values",
			Hint: "write one `key: value` per line, for example `title: Privacy Policy`"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, dup := fs.Fields[k.Value]; dup {
			return &diag.Diagnostic{Line: text.base + k.Line, Msg: fmt.Sprintf("key %q is defined twice (first on line %d)", k.Value, prev.Line),
				Hint: "remove one of the two lines"}
		}
		var value any
		if err := v.Decode(&value); err != nil {
			return &diag.Diagnostic{Line: text.base + v.Line, Msg: fmt.Sprintf("cannot read %q: %v", k.Value, err)}
		}
		f := Field{Value: value, Line: text.base + k.Line}
		switch v.Kind {
		case yaml.ScalarNode:
			f.Text = v.Value
		case yaml.SequenceNode:
			for _, item := range v.Content {
				f.Items = append(f.Items, Pos{Line: text.base + item.Line, Col: item.Column})
			}
		}
		fs.set(k.Value, f)
	}
	return nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// YAMLError turns a yaml.v3 error about text that starts after file line
// base into a problem at the line it names (at base when it names none),
// with no path. clause.yaml's errors are made from it too (base 0).
func YAMLError(base int, err error) *diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := base
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = base + n
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, ":"), " ")
	}
	return &diag.Diagnostic{Line: line, Msg: "invalid YAML front matter: " + msg,
		Hint: "check the indentation and quote values that contain a colon, for example title: \"Privacy: an overview\""}
}

// ByteColumns rewrites the Column of every node of a parsed YAML
// document from yaml.v3's count of characters to a 1-based byte column
// of data, the text the document was parsed from, as go/scanner and
// editors that jump to "line:col" count.
func ByteColumns(n *yaml.Node, data []byte) {
	starts := newTextIndex(data, 0).lines
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		n.Column = byteColumn(data, starts, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
}

// byteColumn returns the 1-based byte column of the character at the
// 1-based character column col of line (1-based) of data.
func byteColumn(data []byte, starts []int, line, col int) int {
	if line < 1 || line > len(starts) || col < 1 {
		return col
	}
	text := data[starts[line-1]:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	off := 0
	for c := 1; c < col && off < len(text); c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off + 1
}
