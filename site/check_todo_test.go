package site

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// TestNewPolicyPlaceholders checks that a policy as clause new writes it
// fails check --strict: one warning at each TODO line of its text, at
// the word TODO, besides the placeholder description.
func TestNewPolicyPlaceholders(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"clause.yaml": "title: T\n"})
	rel, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "cookies", Now: day("2026-03-04")})
	if err != nil {
		t.Fatal(err)
	}
	report, err := Check(Options{Source: src, Theme: clause.Theme, Now: day("2026-03-05"), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	var todo []string
	for i, line := range strings.Split(readFile(t, filepath.Join(src, rel)), "\n") {
		if strings.HasPrefix(line, "TODO") {
			todo = append(todo, rel+":"+strconv.Itoa(i+1)+":1")
		}
	}
	var got []string
	for _, e := range report.Problems {
		if strings.HasPrefix(e.Msg, "placeholder text would be published: \"TODO") {
			got = append(got, e.Position())
		}
	}
	if len(todo) < 5 || strings.Join(got, " ") != strings.Join(todo, " ") {
		t.Errorf("placeholder warnings at %v; want one at each TODO line %v", got, todo)
	}
	if !report.Failed(true) || report.Failed(false) {
		t.Errorf("a new policy: Failed(strict) = %v, Failed = %v; want true, false", report.Failed(true), report.Failed(false))
	}
}

// TestPlaceholderRule checks what counts as a placeholder line.
func TestPlaceholderRule(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string // want: the warning's position, "" for none
	}{
		{"a TODO line", "Intro.\n\nTODO: say who we are.\n", "content/privacy.md:9:1"},
		{"TODO without a colon", "TODO write this\n", "content/privacy.md:7:1"},
		{"in a list item", "- TODO list the partners\n", ""},
		{"in a sentence", "Our TODO list app stores tasks.\n", ""},
		{"a word that starts with TODO", "TODOS are tasks.\n", ""},
		{"in a fenced block", "```\nTODO: example\n```\n", ""},
		{"in an indented block", "Code:\n\n    TODO: example\n", ""},
		{"in an HTML comment", "<!-- TODO: ask legal -->\n", ""},
		{"lower case", "todo: later\n", ""},
	}
	for _, tt := range tests {
		_, out := runCheck(t, map[string]string{"content/privacy.md": page(tt.body)}, nil)
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "placeholder text") {
				pos, _, _ := strings.Cut(l, ": ")
				got = append(got, pos)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %v, want %q\n%s", tt.name, got, tt.want, out)
		}
	}
}
