package site

import (
	"fmt"
	"regexp"
	"strings"
)

// yamlWords are the YAML parser's messages for the usual mistakes, each
// with what it means in a writer's words and how to fix it. The first
// entry whose parser message the error contains wins.
var yamlWords = []struct {
	parser, plain, hint string
}{
	{"found a tab character", "a tab indents this line; YAML indents with spaces only",
		"replace the tab at the start of the line with spaces"},
	{"mapping values are not allowed", `a value contains ": " (a colon and a space), or a line is indented under a key that already has a value`,
		`put such a value in quotes, for example title: "Privacy: an overview", and start each key at the beginning of its line`},
	{"cannot start any token", "a value starts with a character YAML keeps for itself (@, ` or %)",
		`put the value in quotes, for example description: "@northwind answers questions"`},
	{"expected alphabetic or numeric character", "a value starts with * or &, which YAML reads as a reference to another value",
		`put the value in quotes, for example description: "*Important*: read this first"`},
	{"unknown anchor", "a value starts with *, which YAML reads as a reference to another value",
		`put the value in quotes, for example description: "*Important*: read this first"`},
	{"found unexpected end of stream", "a quote is opened but never closed",
		"add the closing quote at the end of the value"},
	{"could not find expected ':'", "a line has no colon after its key",
		"write each setting as key: value on a line of its own; a list item starts with - under its key"},
	{"did not find expected key", "a line does not read as key: value: text follows a closing quote or bracket, or a list item has no key above it",
		`put a value that starts with a quote, [ or { wholly in quotes, one with an apostrophe in double quotes (title: "It's here"), and a list's items (- item) under its key`},
	{"did not find expected ',' or ']'", "a value starts with [, so YAML reads a list, and the list is not closed",
		"close it with ], or put the value in quotes when the [ is part of the text"},
	{"did not find expected ',' or '}'", "a value starts with {, so YAML reads a group of keys, and it is not closed",
		`put the value in quotes, for example title: "{Company} privacy"`},
	{"did not find expected '-' indicator", "a list item is not lined up with the items above it",
		"start every - of one list at the same column"},
	{"control characters are not allowed", "the text holds an invisible control character",
		"delete it; it often comes with text copied from another program"},
}

// plainYAML rewrites the YAML parser's part of a syntax error's message,
// which follows prefix ("invalid YAML front matter: "), in a writer's
// words and sets a hint that fits the mistake. A tab is named as the
// cause when line, the text the error points at, starts with one. An
// error it does not know is left as it is.
func plainYAML(e *Error, prefix, line string) {
	rest, ok := strings.CutPrefix(e.Msg, prefix)
	if !ok {
		return
	}
	if strings.Contains(rest, "cannot start any token") && strings.HasPrefix(strings.TrimLeft(line, " "), "\t") {
		rest = "found a tab character"
	}
	for _, w := range yamlWords {
		if strings.Contains(rest, w.parser) {
			e.Msg, e.Hint = prefix+w.plain, w.hint
			return
		}
	}
}

// fileLine returns line n (1-based) of data, or "".
func fileLine(data []byte, n int) string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// yamlTypeError is the YAML decoder's message for a value of the wrong
// type: cannot unmarshal !!str `often` into bool.
var yamlTypeError = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")

// yamlKinds names the YAML decoder's value tags in words.
var yamlKinds = map[string]string{
	"str": "text", "int": "a number", "float": "a number", "bool": "true or false",
	"seq": "a list", "map": "keys and values", "null": "nothing", "timestamp": "a date",
}

// goTypes names the Go types clause.yaml's values decode into in words.
var goTypes = map[string]string{
	"bool": "true or false", "int": "a whole number", "string": "text", "[]int": "a list of numbers",
	"[]string": "a list of text", "[]site.Group": "a list of groups, each with id: and title:",
	"site.Group": "a group with id: and title:", "[]site.Link": "a list of links, each with title: and url:",
	"site.Link": "a link with title: and url:", "map[string]interface {}": "keys and values",
}

// plainTypeError rewrites a clause.yaml value of the wrong type in a
// writer's words, "toc must be true or false, not the text "often"",
// naming the key written on line. Messages it cannot read are kept.
func plainTypeError(e *Error, line string) {
	m := yamlTypeError.FindStringSubmatch(e.Msg)
	if m == nil || yamlKinds[m[1]] == "" || goTypes[m[3]] == "" {
		return
	}
	got := yamlKinds[m[1]]
	switch {
	case m[2] == "":
	case m[1] == "str":
		got = fmt.Sprintf("the text %q", m[2])
	case m[1] == "int" || m[1] == "float":
		got = "the number " + m[2]
	default:
		got = m[2]
	}
	what := "this value"
	if k, _, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && !strings.HasPrefix(k, "-") {
		what = k
	} else if strings.HasPrefix(strings.TrimSpace(line), "-") {
		what = "this list item"
	}
	e.Msg = fmt.Sprintf("%s must be %s, not %s", what, goTypes[m[3]], got)
	if e.Hint == "" {
		e.Hint = "see clause.yaml in the README for an example of every setting"
	}
}
