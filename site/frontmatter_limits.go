package site

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Front matter holds short fields, so clause refuses front matter that is
// larger or nests deeper than any real page needs before decoders spend
// time and memory on it.
const (
	maxFrontMatterBytes = 256 << 10
	maxFrontMatterDepth = 32
)

// frontMatterTooLarge reports front matter of more than
// maxFrontMatterBytes, at the opening delimiter on file line start.
func frontMatterTooLarge(data []byte, start int) error {
	if len(data) <= maxFrontMatterBytes {
		return nil
	}
	return &Error{Line: start, Msg: fmt.Sprintf("front matter is %d KB, more than the %d KB allowed", (len(data)+1023)>>10, maxFrontMatterBytes>>10),
		Hint: "front matter holds short fields such as title and dates; move long text into the page body"}
}

// tooDeep is the error for a value that opens nesting level
// maxFrontMatterDepth+1 at p.
func tooDeep(p position) error {
	return &Error{Line: p.line, Col: p.col, Msg: fmt.Sprintf("front matter nests deeper than %d levels", maxFrontMatterDepth),
		Hint: "front matter holds short fields; flatten the nested lists and tables"}
}

// checkJSONDepth finds the first [ or { outside strings that opens more
// than maxFrontMatterDepth levels below the top-level object.
func checkJSONDepth(text *textIndex) error {
	s, depth := text.data, -1 // the top-level object's brace opens level 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			i = jsonStringEnd(s, i) - 1
		case '[', '{':
			if depth++; depth > maxFrontMatterDepth {
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
// opens more than maxFrontMatterDepth levels of TOML text. A table header
// such as [[policies]] counts as the brackets it is written with.
func checkTOMLDepth(text *textIndex) error {
	s, depth := text.data, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			i = tomlStringEnd(s, i) - 1
		case '#':
			i = tomlLineEnd(s, i) - 1
		case '[', '{':
			if depth++; depth > maxFrontMatterDepth {
				return tooDeep(text.pos(i))
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}

// checkYAMLDepth finds the first node of a decoded YAML document nested
// more than maxFrontMatterDepth collections below the top-level mapping;
// lines are those of the YAML text, which starts after file line base.
func checkYAMLDepth(root *yaml.Node, base int) error {
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
		if it.depth > maxFrontMatterDepth {
			return tooDeep(position{line: base + it.n.Line, col: it.n.Column})
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return nil
}

// firstError runs steps in order until one fails, and returns its error.
func firstError(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
