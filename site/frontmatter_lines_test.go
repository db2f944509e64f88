package site

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestFrontMatterErrorLines builds one-page sites and checks that errors
// about front matter values point at the file line (and column, where one
// is given) of the value: list items at their own line in YAML, TOML and
// JSON, keys of TOML and JSON at their line, and syntax errors where the
// decoder stopped.
func TestFrontMatterErrorLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, page string
		pos, msg   string // the error at pos must contain msg
	}{
		{"yaml flow list item", "---\ntitle: P\n\nredirect_from: [\"/ok/\", \"//evil.com/\"]\n---\nBody\n",
			"content/p.md:4", `redirect source "//evil.com/" names a host`},
		{"yaml flow list over two lines", "---\ntitle: P\nredirect_from: [\"/ok/\",\n  \"//evil.com/\"]\n---\nBody\n",
			"content/p.md:4", `redirect source "//evil.com/" names a host`},
		{"yaml flow list item type", "---\ntitle: P\n\naliases: [\"/a/\", 3]\n---\nBody\n",
			"content/p.md:4:18", "aliases must be a list of paths, not int 3"},
		{"yaml block list item", "---\ntitle: P\nredirect_from:\n  - /ok/\n\n  - //evil.com/\n---\nBody\n",
			"content/p.md:6", `redirect source "//evil.com/" names a host`},
		{"yaml block list item type", "---\ntitle: P\nredirect_from:\n  - /ok/\n  - true\n---\nBody\n",
			"content/p.md:5:5", "redirect_from must be a list of paths, not bool true"},
		{"toml aliases item", "+++\ntitle = \"P\"\naliases = [\n  \"/ok/\", # fine\n\n  '//evil.com/',\n]\n+++\nBody\n",
			"content/p.md:6", `redirect source "//evil.com/" names a host`},
		{"toml aliases item type", "+++\ntitle = \"P\"\naliases = [\"/a/\", 2024-01-02]\n+++\nBody\n",
			"content/p.md:3:19", "aliases must be a list of paths"},
		{"toml bad date", "+++\ntitle = \"P\"\nsummary = \"\"\"\ndate = \"not me\"\n\"\"\"\ndate = \"2024-13-45\"\n+++\nBody\n",
			"content/p.md:6", `date: cannot read date "2024-13-45"`},
		{"toml bad date literal", "+++\ntitle = \"P\"\ndate = 2024-13-45\n+++\nBody\n",
			"content/p.md:3:13", "invalid TOML front matter: impossible date"},
		{"toml redirect_to", "+++\ntitle = \"P\"\n\n'redirect_to' = \"//x\"\n[params]\nredirect_to = 1\n+++\nBody\n",
			"content/p.md:4", `redirect target "//x" has no scheme`},
		{"toml syntax", "+++\ntitle = \"P\"\nx = \n+++\nBody\n",
			"content/p.md:3:5", "invalid TOML front matter: unexpected line end at start of value"},
		{"json bad date", ";;;\n{\n  \"params\": {\"date\": \"2020-01-01\"},\n  \"date\": \"nope\"\n}\n;;;\nBody\n",
			"content/p.md:4", `date: cannot read date "nope"`},
		{"json object bad date", "{\n  \"title\": \"P\",\n  \"effective\": \"soon\"\n}\n\nBody\n",
			"content/p.md:3", `effective: cannot read date "soon"`},
		{"json aliases item", "---json\n{\"title\": \"P\", \"aliases\": [\n  \"/ok/\",\n  [\"/nested/\"], \"//evil.com/\"]}\n---\nBody\n",
			"content/p.md:4:3", `aliases must be a list of paths, not a list`},
		{"json syntax error on line 3", "{\n  \"title\": \"P\"\n  \"date\": \"2024-01-02\"\n}\n\nBody\n",
			"content/p.md:3:3", "invalid JSON front matter: invalid character '\"' after object key:value pair"},
		{"json syntax error in delimiters", ";;;\n{\"title\": \"P\",\n \"toc\": tru}\n;;;\nBody\n",
			"content/p.md:3:12", "invalid JSON front matter: invalid character '}' in literal true"},
		{"crlf and bom yaml", "\uFEFF---\r\ntitle: P\r\n\r\nredirect_from:\r\n  - /ok/\r\n  - 5\r\ndate: nope\r\n---\r\nBody\r\n",
			"content/p.md:6:5", "redirect_from must be a list of paths, not int 5"},
		{"crlf and bom yaml date", "\uFEFF---\r\ntitle: P\r\n\r\ndate: nope\r\n---\r\nBody\r\n",
			"content/p.md:4", `date: cannot read date "nope"`},
		{"crlf and bom toml", "\uFEFF+++\r\ntitle = \"P\"\r\naliases = [\r\n  \"/ok/\",\r\n  \"//evil.com/\"]\r\n+++\r\nBody\r\n",
			"content/p.md:5", `redirect source "//evil.com/" names a host`},
		{"crlf and bom json", "\uFEFF;;;\r\n{\"title\": \"P\",\r\n \"last_revised\": \"x\"}\r\n;;;\r\nBody\r\n",
			"content/p.md:3", `last_revised: cannot read date "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newSite(t, map[string]string{"clause.yaml": "title: T\n", "content/p.md": tt.page})
			_, _, err := build(t, src, nil)
			var be *BuildError
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want a BuildError", err)
			}
			for _, e := range be.Errors {
				if strings.Contains(e.Msg, tt.msg) {
					if e.Position() != tt.pos {
						t.Errorf("error %q is at %s, want %s", e.Msg, e.Position(), tt.pos)
					}
					return
				}
			}
			t.Errorf("no error mentions %q:\n%v", tt.msg, err)
		})
	}
}

// TestFrontMatterKeyLines checks the file line found for each top-level
// key of TOML and JSON front matter, including keys that a nested table,
// a multi-line string or a comment could be mistaken for.
func TestFrontMatterKeyLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		lines     map[string]int
	}{
		{"toml", "\n+++\ntitle = \"P\" # a comment\n# weight = 1\n  weight=2\nsite.name = \"x\"\n\"quoted key\" = [\n  [1, 2],\n  { a = \"]\" },\n]\nlast = '''\ntitle = 3\n'''\n[params]\ndraft = true\n+++\n",
			map[string]int{"title": 3, "weight": 5, "site": 6, "quoted key": 7, "last": 11, "params": 2}},
		{"json object", "{\n  \"params\": {\"title\": \"no\", \"list\": [\"{\", \"}\"]},\n  \"title\": \"P\",\n\n  \"weight\": 2\n}\n\n",
			map[string]int{"params": 2, "title": 3, "weight": 5}},
		{"json delimited", ";;;\n{\"title\": \"P\",\n \"a\\\"b\": 1}\n;;;\n",
			map[string]int{"title": 2, `a"b`: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := &ErrorList{}
			s := parseSource("content/p.md", "p.md", []byte(tt.src), errs)
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			for key, want := range tt.lines {
				if got, ok := s.FM.Lines[key]; !ok || got != want {
					t.Errorf("line of %q = %d, want %d", key, got, want)
				}
			}
		})
	}
}

// TestFrontMatterItemLines checks that list items keep their own lines in
// every format, and fall back to the key's line when a value has none.
func TestFrontMatterItemLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []Located
	}{
		{"yaml", "---\naliases: [/a/,\n  /b/]\nredirect_from: /c/\n---\n", []Located{{"/c/", 4}, {"/a/", 2}, {"/b/", 3}}},
		{"toml", "+++\naliases = [\"/a/\", \"/b/\",\n\n  \"/c/\"]\n+++\n", []Located{{"/a/", 2}, {"/b/", 2}, {"/c/", 4}}},
		{"json", ";;;\n{\"aliases\": [\n\"/a/\",\n\n\"/b/\"]}\n;;;\n", []Located{{"/a/", 3}, {"/b/", 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := &ErrorList{}
			s := parseSource("content/p.md", "p.md", []byte(tt.src), errs)
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			got := append(s.FM.RedirectFrom, s.FM.Aliases...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("redirects = %v, want %v", got, tt.want)
			}
		})
	}
}
