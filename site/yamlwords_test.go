package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestYAMLErrorsInWords checks that the usual YAML mistakes in front
// matter and clause.yaml are told in a writer's words, with a hint about
// that mistake, and without the parser's own phrases.
func TestYAMLErrorsInWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		yaml, msg, hint string
	}{
		{"title: Privacy\ndescription: Privacy: an overview\n", `a value contains ": "`, `title: "Privacy: an overview"`},
		{"title: Privacy\n\tdescription: x\n", "a tab indents this line", "replace the tab"},
		{"title: Privacy\ndescription: @northwind\n", "a value starts with a character YAML keeps for itself", "put the value in quotes"},
		{"title: Privacy\ndescription: *Important* text\n", "a value starts with * or &", "put the value in quotes"},
		{"title: \"Privacy\n", "a quote is opened but never closed", "closing quote"},
		{"title: Privacy\ndescription\n", "a line has no colon after its key", "key: value"},
		{"title: x\ndescription: 'It's here'\n", "text follows a closing quote", `title: "It's here"`},
		{"title: x\n- item\n", "a list item has no key above it", "under its key"},
		{"title: [Privacy\n", "the list is not closed", "close it with ]"},
		{"title: {Company} privacy\n", "text follows a closing quote or bracket", "wholly in quotes"},
		{"title: {Company\n", "a value starts with {", "put the value in quotes"},
	}
	jargon := []string{"mapping values", "cannot start any token", "did not find", "could not find", "end of stream", "alphabetic"}
	for _, tt := range tests {
		var errs ErrorList
		parseSource("content/p.md", "p.md", []byte("---\n"+tt.yaml+"---\n\nText.\n"), &errs)
		var cfgErrs ErrorList
		loadConfig(fstest.MapFS{"clause.yaml": {Data: []byte(tt.yaml)}}, &cfgErrs)
		for _, l := range []*ErrorList{&errs, &cfgErrs} {
			items := l.Items()
			if len(items) != 1 {
				t.Errorf("%q: want one error, got %v", tt.yaml, items)
				continue
			}
			e := items[0]
			if !strings.Contains(e.Msg, tt.msg) || !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("%q: got %s\nwant the message to say %q and the hint %q", tt.yaml, e.Error(), tt.msg, tt.hint)
			}
			for _, j := range jargon {
				if strings.Contains(e.Error(), j) {
					t.Errorf("%q: parser jargon %q in %s", tt.yaml, j, e.Error())
				}
			}
		}
	}
}

// TestUnknownYAMLErrorKept checks that an error the table does not know
// keeps the parser's message rather than a wrong explanation.
func TestUnknownYAMLErrorKept(t *testing.T) {
	t.Parallel()
	e := &Error{Msg: "invalid YAML front matter: something new", Hint: "h"}
	plainYAML(e, "invalid YAML front matter: ", "x: y")
	if e.Msg != "invalid YAML front matter: something new" || e.Hint != "h" {
		t.Errorf("got %+v", e)
	}
	if got := fileLine([]byte("a\r\nb\nc"), 2); got != "b" {
		t.Errorf("fileLine 2 = %q", got)
	}
	if got := fileLine([]byte("a\r\nb"), 1); got != "a" {
		t.Errorf("fileLine 1 = %q", got)
	}
	if got := fileLine([]byte("a"), 3); got != "" {
		t.Errorf("fileLine 3 = %q", got)
	}
}

// TestConfigTypeErrorsInWords checks that a clause.yaml value of the
// wrong type names the key and both types in words, not Go's.
func TestConfigTypeErrorsInWords(t *testing.T) {
	t.Parallel()
	tests := []struct{ yaml, want string }{
		{"toc: often\n", `clause.yaml:1: toc must be true or false, not the text "often"`},
		{"title: T\ngroups: privacy\n", `clause.yaml:2: groups must be a list of groups, each with id: and title:, not the text "privacy"`},
		{"groups:\n  - privacy\n", `clause.yaml:2: this list item must be a group with id: and title:, not the text "privacy"`},
		{"toc_levels: 2\n", "clause.yaml:1: toc_levels must be a list of numbers, not the number 2"},
		{"params: [a]\n", "clause.yaml:1: params must be keys and values, not a list"},
		{"typographer: yes please\n", `clause.yaml:1: typographer must be true or false, not the text "yes please"`},
	}
	for _, tt := range tests {
		var errs ErrorList
		loadConfig(fstest.MapFS{"clause.yaml": {Data: []byte(tt.yaml)}}, &errs)
		items := errs.Items()
		if len(items) != 1 || !strings.HasPrefix(items[0].Error(), tt.want+"\n\thint: ") || strings.Contains(items[0].Error(), "unmarshal") {
			t.Errorf("%q: got %v\nwant %s", tt.yaml, items, tt.want)
		}
	}
}
