package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// parseErr parses a content file and returns its errors as text.
func parseErr(src string) string {
	errs := &ErrorList{}
	parseSource("content/x.md", "x.md", []byte(src), errs)
	if err := errs.Err(); err != nil {
		return err.Error()
	}
	return ""
}

// TestFrontMatterDepth checks that each format accepts front matter
// nested frontmatter.MaxDepth levels and refuses one level more at the
// value that opens it, counting no bracket inside strings or comments.
func TestFrontMatterDepth(t *testing.T) {
	n := frontmatter.MaxDepth
	noise := strings.Repeat("[{", 3*n)
	tomlAt := func(d int) string {
		return "+++\ntitle = \"" + noise + "\" # " + noise + "\nnote = '''\n" + noise + "'''\nx = " +
			strings.Repeat("{a = ", d) + "1" + strings.Repeat("}", d) + "\n+++\nBody\n"
	}
	jsonAt := func(d int) string {
		return "{\n\"title\": \"" + noise + "\\\"" + noise + "\",\n\"x\": " + strings.Repeat("[", d) + strings.Repeat("]", d) + "\n}\n\nBody\n"
	}
	yamlAt := func(d int) string {
		return "---\ntitle: \"" + noise + "\"\nnote: |\n  " + noise + "\nx:\n" + strings.Repeat("- ", d) + "leaf\n---\nBody\n"
	}
	yamlFlowAt := func(d int) string {
		return "---\nx: " + strings.Repeat("[", d) + strings.Repeat("]", d) + "\n---\nBody\n"
	}
	want := fmt.Sprintf("front matter nests deeper than %d levels", n)
	for _, tt := range []struct {
		name string
		at   func(int) string
		pos  string // where level n+1 opens
	}{
		{"toml", tomlAt, fmt.Sprintf("content/x.md:5:%d", 5+5*n)},
		{"json", jsonAt, fmt.Sprintf("content/x.md:3:%d", 6+n)},
		{"yaml block", yamlAt, fmt.Sprintf("content/x.md:6:%d", 1+2*n)},
		{"yaml flow", yamlFlowAt, fmt.Sprintf("content/x.md:2:%d", 4+n)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := parseErr(tt.at(n)); err != "" {
				t.Errorf("%d levels refused: %s", n, err)
			}
			err := parseErr(tt.at(n + 1))
			if !strings.Contains(err, tt.pos+": "+want) || !strings.Contains(err, "flatten") {
				t.Errorf("%d levels: got %q, want %q at %s", n+1, err, want, tt.pos)
			}
		})
	}
}

// TestFrontMatterSize checks that front matter over the size limit is
// refused at its opening line in every format, before it is decoded.
func TestFrontMatterSize(t *testing.T) {
	long := strings.Repeat("x", frontmatter.MaxBytes)
	for _, src := range []string{
		"\n---\ntitle: " + long + "\n---\nBody\n",
		"\n+++\ntitle = \"" + long + "\"\n+++\nBody\n",
		"\n;;;\n{\"title\": \"" + long + "\"}\n;;;\nBody\n",
		"\n{\n\"title\": \"" + long + "\"\n}\n\nBody\n",
	} {
		err := parseErr(src)
		if !strings.Contains(err, "content/x.md:2: front matter is 257 KB, more than the 256 KB allowed") {
			t.Errorf("%.12q…: err = %q", src, err)
		}
	}
	if err := parseErr("---\ntitle: " + long[:frontmatter.MaxBytes-20] + "\n---\nBody\n"); err != "" {
		t.Errorf("front matter under the limit refused: %s", err)
	}
}

// TestNestedTOMLInlineTables is the input that took 20 s and 640 MB to
// decode (30 KB of nested inline tables): it is refused at once.
func TestNestedTOMLInlineTables(t *testing.T) {
	n := 5000
	src := "+++\nx = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n+++\nBody\n"
	if err := parseErr(src); !strings.Contains(err, "content/x.md:2:") || !strings.Contains(err, "nests deeper than") {
		t.Errorf("err = %q", err)
	}
}

// TestYAMLAliasBomb checks that a "billion laughs" front matter, whose
// aliases would expand to 10^9 strings, is refused with an error instead
// of being expanded.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for c := 'b'; c <= 'j'; c++ {
		p := string(c - 1)
		fmt.Fprintf(&b, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	b.WriteString("---\nBody\n")
	if err := parseErr(b.String()); !strings.Contains(err, "excessive aliasing") {
		t.Errorf("err = %q, want the alias bomb refused", err)
	}
}

// TestConfigLimits refuses a clause.yaml larger than maxConfigBytes or
// nested deeper than frontmatter.MaxDepth, as it refuses such front
// matter, with the line of the offending collection, and builds one at
// the limit.
func TestConfigLimits(t *testing.T) {
	n := frontmatter.MaxDepth
	nested := func(d int) string {
		return "title: Test\nparams:\n  x: " + strings.Repeat("[", d) + strings.Repeat("]", d) + "\n"
	}
	page := "---\ntitle: Privacy\n---\nText.\n"
	// params is level 1 below the top mapping, so x's value opens level 2.
	_, _, err := build(t, newSite(t, map[string]string{"clause.yaml": nested(n - 1), "content/privacy.md": page}), nil)
	if err != nil {
		t.Fatalf("clause.yaml nested %d levels: %v", n, err)
	}
	_, _, err = build(t, newSite(t, map[string]string{"clause.yaml": nested(n), "content/privacy.md": page}), nil)
	if want := fmt.Sprintf("clause.yaml:3:37: clause.yaml nests deeper than %d levels", n); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("clause.yaml nested %d levels: got %v, want %q", n+1, err, want)
	}
	big := "title: Test\ndescription: \"" + strings.Repeat("a", maxConfigBytes) + "\"\n"
	_, _, err = build(t, newSite(t, map[string]string{"clause.yaml": big, "content/privacy.md": page}), nil)
	if want := "clause.yaml:1: clause.yaml is 4097 KB, more than the 4096 KB allowed"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("large clause.yaml: got %v, want %q", err, want)
	}
}
