package frontmatter

import (
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

// TestSplit checks every syntax of the package doc: where the block and
// the body start, and the lines of each, in the file's own counting.
func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src        string
		format           Format
		raw              string
		start, end, body int // lines: opening, closing, body
		bodyText         string
		title            string // the decoded title
	}{
		{"yaml", "---\ntitle: A\n---\nBody\n", YAML, "title: A\n", 1, 3, 4, "Body\n", "A"},
		{"yaml after blank lines", "\n \n---\ntitle: A\n---\nBody\n", YAML, "title: A\n", 3, 5, 6, "Body\n", "A"},
		{"yaml closed by ...", "---\ntitle: A\n...\nBody\n", YAML, "title: A\n", 1, 3, 4, "Body\n", "A"},
		{"yaml named", "---yaml\ntitle: A\n---\n", YAML, "title: A\n", 1, 3, 4, "", "A"},
		{"empty yaml", "---\n---\nBody\n", YAML, "", 1, 2, 3, "Body\n", ""},
		{"delimiters with spaces", "--- \ntitle: A\n ---\nBody", YAML, "title: A\n", 1, 3, 4, "Body", "A"},
		{"closing line at the end", "---\ntitle: A\n---", YAML, "title: A\n", 1, 3, 3, "", "A"},
		{"toml", "+++\ntitle = \"T\"\n+++\n\nBody\n", TOML, "title = \"T\"\n", 1, 3, 4, "\nBody\n", "T"},
		{"toml named", "---toml\ntitle = \"T\"\n...\nBody\n", TOML, "title = \"T\"\n", 1, 3, 4, "Body\n", "T"},
		{"json object", "{\n\"title\": \"J\"\n}\n\nBody\n", JSON, "{\n\"title\": \"J\"\n}\n\n", 1, 3, 5, "Body\n", "J"},
		{"json object at the end", "{\n\"title\": \"J\"\n}", JSON, "{\n\"title\": \"J\"\n}", 1, 3, 3, "", "J"},
		{"json object, brace inside", "{\n\"title\": \"J\", \"x\": {\n}\n,\"y\": 2\n}\n  \nBody\n", JSON, "{\n\"title\": \"J\", \"x\": {\n}\n,\"y\": 2\n}\n  \n", 1, 5, 7, "Body\n", "J"},
		{"json semicolons", ";;;\n{\"title\": \"J\"}\n;;;\nBody\n", JSON, "{\"title\": \"J\"}\n", 1, 3, 4, "Body\n", "J"},
		{"json named", "---json\n{\"title\": \"J\"}\n---\nBody\n", JSON, "{\"title\": \"J\"}\n", 1, 3, 4, "Body\n", "J"},
		{"none", "\n# Heading\n\nText\n", None, "", 2, 0, 1, "\n# Heading\n\nText\n", ""},
		{"empty file", "", None, "", 1, 0, 1, "", ""},
		{"brace not closed", "{\n\"title\": \"J\"\n}\nBody\n", None, "", 1, 0, 1, "{\n\"title\": \"J\"\n}\nBody\n", ""},
		{"crlf", "---\r\ntitle: C\r\n---\r\nBody\r\n", YAML, "title: C\r\n", 1, 3, 4, "Body\r\n", "C"},
		{"lone cr", "---\rtitle: C\r---\rBody\r", YAML, "title: C\n", 1, 3, 4, "Body\n", "C"},
		{"bom", "\uFEFF+++\ntitle = \"B\"\n+++\nBody\n", TOML, "title = \"B\"\n", 1, 3, 4, "Body\n", "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Split([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != tt.format || string(b.Raw) != tt.raw {
				t.Errorf("format %q, raw %q; want %q, %q", b.Format, b.Raw, tt.format, tt.raw)
			}
			if b.Start != tt.start || b.End != tt.end || b.BodyLine != tt.body || string(b.Body) != tt.bodyText {
				t.Errorf("lines %d-%d, body at line %d: %q; want %d-%d, %d: %q",
					b.Start, b.End, b.BodyLine, b.Body, tt.start, tt.end, tt.body, tt.bodyText)
			}
			if b.BodyOffset > len(tt.src) || strings.ReplaceAll(tt.src[b.BodyOffset:], "\r", "\n") != strings.ReplaceAll(string(b.Body), "\r", "\n") {
				t.Errorf("BodyOffset %d does not point at the body in the file", b.BodyOffset)
			}
			fields, problems := Decode(b)
			if len(problems) > 0 {
				t.Fatal(problems[0])
			}
			if got, _ := fields.Fields["title"].Value.(string); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
		})
	}
}

// TestProblems checks the errors of Split and Decode: their line, and
// the words of their message and hint.
func TestProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		line      int
		msg, hint string
	}{
		{"bad yaml", "---\ntitle: A\ndescription: A: B\n---\n", 3, "invalid YAML front matter", "indentation"},
		{"unclosed", "---\ntitle: A\n\n# Body\n", 1, "front matter is not closed", "closing `---`"},
		{"unclosed after blank lines", "\n\n---json\n{}\n", 3, "front matter is not closed", "closing `---`"},
		{"unclosed toml", "+++\ntitle = 1\n", 1, "front matter is not closed", "closing `+++`"},
		{"delimiter alone", "\n;;;", 2, "front matter is not closed", "closing `;;;`"},
		{"not a mapping", "---\n- a\n- b\n---\n", 2, "must be a mapping", "key: value"},
		{"json not an object", ";;;\n[1]\n;;;\n", 2, "must be an object", "quote every key"},
		{"duplicate key", "---\ntitle: A\ntitle: B\n---\n", 3, `key "title" is defined twice (first on line 2)`, "remove one"},
		{"duplicate json key", "\n{\n\"a\": 1,\n\"a\": 2\n}\n", 4, `key "a" is defined twice (first on line 3)`, "JSON readers disagree"},
		{"bad toml", "+++\ntitle = \n+++\n", 2, "invalid TOML front matter", "key = value"},
		{"too large", "\n+++\nx = '" + strings.Repeat("x", MaxBytes) + "'\n+++\n", 2, "front matter is 257 KB", "move long text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Split([]byte(tt.src))
			if err == nil {
				var problems []*diag.Diagnostic
				_, problems = Decode(b)
				if len(problems) != 1 {
					t.Fatalf("problems = %v, want one", problems)
				}
				err = problems[0]
			}
			if err.Line != tt.line || err.Path != "" || !strings.Contains(err.Msg, tt.msg) || !strings.Contains(err.Hint, tt.hint) {
				t.Errorf("got line %d %q (hint %q), want line %d %q (hint %q)", err.Line, err.Msg, err.Hint, tt.line, tt.msg, tt.hint)
			}
		})
	}
}

// TestKeyPositions checks the line of each top-level key and the line
// and byte column of each list item, in every format.
func TestKeyPositions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		lines     map[string]int
		items     []Pos // of the key "list"
	}{
		{"yaml", "---\na: 1\nlist: [x,\n  y]\n---\n", map[string]int{"a": 2, "list": 3}, []Pos{{3, 8}, {4, 3}}},
		{"toml", "+++\na = 1\nlist = [ # [\n  'x', [ ']' ],\n  { b = [1] }, ]\n[t]\nc = 1\n+++\n",
			map[string]int{"a": 2, "list": 3, "t": 1}, []Pos{{4, 3}, {4, 8}, {5, 3}}},
		{"toml nested arrays", "+++\nlist = [[], [[1]],\n\t[2]]\n+++\n", map[string]int{"list": 2}, []Pos{{2, 9}, {2, 13}, {3, 2}}},
		{"json", "\n{\n\"a\": 1,\n\"list\": [\"x\",\n  [\"y\"]]\n}\n", map[string]int{"a": 3, "list": 4}, []Pos{{4, 10}, {5, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Split([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			fields, problems := Decode(b)
			if len(problems) > 0 {
				t.Fatal(problems[0])
			}
			for k, want := range tt.lines {
				if got := fields.Fields[k].Line; got != want {
					t.Errorf("line of %q = %d, want %d", k, got, want)
				}
			}
			list := fields.Fields["list"]
			for i, want := range tt.items {
				if got := list.Item(i, len(tt.items)); got != want {
					t.Errorf("item %d at %v, want %v", i, got, want)
				}
			}
		})
	}
}

// TestLineFeeds checks the conversion of lone carriage returns.
func TestLineFeeds(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"a\rb\r\nc\r": "a\nb\r\nc\n", "a\r\n": "a\r\n", "plain\n": "plain\n", "\r\r\n": "\n\r\n"} {
		if got := string(lineFeeds([]byte(in))); got != want {
			t.Errorf("lineFeeds(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTOMLKeyAfterByteOrderMark checks that a byte order mark at the start
// of TOML text, which go-toml skips, does not hide the keys' lines.
func TestTOMLKeyAfterByteOrderMark(t *testing.T) {
	t.Parallel()
	b, _ := Split([]byte("+++\n\uFEFFtitle = \"T\"\n\nlist = [1,\n 2]\n+++\n"))
	fields, problems := Decode(b)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	if title, list := fields.Fields["title"], fields.Fields["list"]; title.Line != 2 || list.Line != 4 || list.Item(1, 2) != (Pos{5, 2}) {
		t.Errorf("title at line %d, list at %d with items %v", title.Line, list.Line, list.Items)
	}
}
