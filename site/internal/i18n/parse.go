package i18n

import (
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
	"golang.org/x/text/feature/plural"
	"gopkg.in/yaml.v3"
)

// parse reads one words file: a mapping from keys to messages. It
// returns the messages that could be read and a problem, positioned in
// file, for each that could not.
func parse(file string, data []byte) (words, []*diag.Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []*diag.Diagnostic{yamlProblem(file, err)}
	}
	w := words{}
	if len(doc.Content) == 0 {
		return w, nil // an empty file overrides nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []*diag.Diagnostic{at(file, root, "a words file is a mapping of keys to messages",
			`write one key per line, such as last_revised: "Updated {date}"`)}
	}
	var problems []*diag.Diagnostic
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		m, p := message(file, k, v)
		if p != nil {
			problems = append(problems, p)
			continue
		}
		w[k.Value] = m
	}
	return w, problems
}

// message reads the message of key k from v: a string, or a mapping of
// plural categories to strings.
func message(file string, k, v *yaml.Node) (Message, *diag.Diagnostic) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!str" {
			return Message{}, at(file, v, fmt.Sprintf("the message of %s is not text", k.Value), `quote it: `+k.Value+`: "…"`)
		}
		return Message{Text: v.Value}, nil
	case yaml.MappingNode:
		forms := map[plural.Form]string{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			fk, fv := v.Content[i], v.Content[i+1]
			f, ok := pluralForms[fk.Value]
			if !ok {
				return Message{}, at(file, fk, fmt.Sprintf("%q is no plural category", fk.Value), "use zero, one, two, few, many or other")
			}
			if fv.Kind != yaml.ScalarNode || fv.Tag != "!!str" {
				return Message{}, at(file, fv, fmt.Sprintf("the %s form of %s is not text", fk.Value, k.Value), "")
			}
			forms[f] = fv.Value
		}
		if _, ok := forms[plural.Other]; !ok {
			return Message{}, at(file, v, fmt.Sprintf("the plural forms of %s have no other form", k.Value),
				"every counting message needs other:, the form most numbers take")
		}
		return Message{Forms: forms}, nil
	}
	return Message{}, at(file, v, fmt.Sprintf("the message of %s is neither text nor plural forms", k.Value), "")
}

// at returns the problem msg at node n of file.
func at(file string, n *yaml.Node, msg, hint string) *diag.Diagnostic {
	if n == nil {
		return &diag.Diagnostic{Path: file, Msg: msg, Hint: hint}
	}
	return &diag.Diagnostic{Path: file, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint}
}

// yamlProblem turns a YAML syntax error into a problem at its line.
func yamlProblem(file string, err error) *diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if n, rest, ok := strings.Cut(msg, ": "); ok {
		if _, e := fmt.Sscanf(n, "line %d", &line); e == nil {
			msg = rest
		}
	}
	return &diag.Diagnostic{Path: file, Line: line, Msg: "cannot read words: " + msg,
		Hint: "a words file is YAML: key: \"message\" on each line"}
}
