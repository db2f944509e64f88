package frontmatter

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/internal/diag"
)

// Front matter holds short fields, so clause refuses front matter that is
// larger or nests deeper than any real page needs before decoders spend
// time and memory on it.
const (
	MaxBytes = 256 << 10 // the size of the text between the delimiters
	MaxDepth = 32        // levels of lists and tables below the top-level mapping
)

// tooLarge reports front matter of more than MaxBytes, at the opening
// delimiter on file line start.
func tooLarge(data []byte, start int) *diag.Diagnostic {
	if len(data) <= MaxBytes {
		return nil
	}
	return &diag.Diagnostic{Line: start, Msg: fmt.Sprintf("front matter is %d KB, more than the %d KB allowed", (len(data)+1023)>>10, MaxBytes>>10),
		Hint: "front matter holds short fields such as title and dates; move long text into the page body"}
}

// tooDeep is the error for a value that opens nesting level MaxDepth+1
// at p.
func tooDeep(p Pos) *diag.Diagnostic {
	return &diag.Diagnostic{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf("front matter nests deeper than %d levels", MaxDepth),
		Hint: "front matter holds short fields; flatten the nested lists and tables"}
}

// checkJSONDepth finds the first [ or { outside strings that opens more
// than MaxDepth levels below the top-level object.
func checkJSONDepth(text *textIndex) *diag.Diagnostic {
	return checkDepth(text, -1, func(s []byte, i int) int { // the top-level object's brace opens level 0
		if s[i] == '"' {
			return jsonStringEnd(s, i)
		}
		return i
	})
}

// checkDepth finds the first [ or { that opens more than MaxDepth levels,
// starting at depth; skip returns the offset past a string or comment
// that starts at s[i], or i when none does.
func checkDepth(text *textIndex, depth int, skip func(s []byte, i int) int) *diag.Diagnostic {
	s := text.data
	for i := 0; i < len(s); i++ {
		if end := skip(s, i); end != i {
			i = end - 1
			continue
		}
		switch s[i] {
		case '[', '{':
			if depth++; depth > MaxDepth {
				return tooDeep(text.pos(i))
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}

// jsonStringEnd returns the offset just past the JSON string starting at
// s[i], or len(s) when it is not closed.
func jsonStringEnd(s []byte, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// checkTOMLDepth finds the first [ or { outside strings and comments that
// opens more than MaxDepth levels of TOML text. A table header such as
// [[policies]] counts as the brackets it is written with. It runs before
// any parser, so that no parser recurses that deep.
func checkTOMLDepth(text *textIndex) *diag.Diagnostic {
	return checkDepth(text, 0, func(s []byte, i int) int {
		switch s[i] {
		case '"', '\'':
			return tomlStringEnd(s, i)
		case '#':
			return tomlLineEnd(s, i)
		}
		return i
	})
}

// tomlLineEnd returns the offset of the line end at or after s[i].
func tomlLineEnd(s []byte, i int) int {
	for i < len(s) && s[i] != '\n' {
		i++
	}
	return i
}

// tomlStringEnd returns the offset just past the string starting at s[i],
// basic ("…") or literal ('…'), on one line or multi-line (three quotes).
// A multi-line string may end with up to two extra quotes of content.
func tomlStringEnd(s []byte, i int) int {
	q := s[i]
	triple := []byte{q, q, q}
	if !bytes.HasPrefix(s[i:], triple) {
		for j := i + 1; j < len(s) && s[j] != '\n'; j++ {
			if q == '"' && s[j] == '\\' {
				j++
			} else if s[j] == q {
				return j + 1
			}
		}
		return tomlLineEnd(s, i)
	}
	for j := i + 3; j < len(s); j++ {
		if q == '"' && s[j] == '\\' {
			j++
		} else if bytes.HasPrefix(s[j:], triple) {
			end := j + 3
			for end < len(s) && end < j+5 && s[end] == q {
				end++
			}
			return end
		}
	}
	return len(s)
}

// checkYAMLDepth finds the first node of a decoded YAML document nested
// more than MaxDepth collections below the top-level mapping; lines are
// those of the YAML text, which starts after file line base.
func checkYAMLDepth(root *yaml.Node, base int) *diag.Diagnostic {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.Kind != yaml.SequenceNode && it.n.Kind != yaml.MappingNode {
			continue // an alias's target is checked where it is defined
		}
		if it.depth > MaxDepth {
			return tooDeep(Pos{Line: base + it.n.Line, Col: it.n.Column})
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return nil
}

// CheckYAMLNesting reports the first collection of a decoded YAML
// document, such as clause.yaml, nested more than MaxDepth levels below
// its top-level mapping, at the document's own line and column.
func CheckYAMLNesting(root *yaml.Node) *diag.Diagnostic {
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return checkYAMLDepth(root, 0)
}
