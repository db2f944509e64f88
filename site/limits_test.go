package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/frontmatter"
	"github.com/clause-dev/clause/site/markdown"
)

// TestBadInputOverLimits builds a site with each input that once took
// clause seconds to minutes and gigabytes (issue 12, items 6 and 7): each
// is refused with an error at its line, and the previous output stays
// byte-identical.
func TestBadInputOverLimits(t *testing.T) {
	deepTOML := "+++\ntitle = \"P\"\nx = " + strings.Repeat("{a = ", 5000) + "1" + strings.Repeat("}", 5000) + "\n+++\nBody\n"
	deepJSON := "{\n\"title\": \"P\",\n\"x\": " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n}\n\nBody\n"
	var bomb strings.Builder
	bomb.WriteString("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for c := 'b'; c <= 'j'; c++ {
		fmt.Fprintf(&bomb, "%c: &%c [%s]\n", c, c, strings.Repeat("*"+string(c-1)+", ", 8)+"*"+string(c-1))
	}
	bomb.WriteString("---\nBody\n")
	var list strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&list, "%s- level %d\n", strings.Repeat("  ", i), i)
	}
	deep := fmt.Sprintf("nests deeper than %d levels", frontmatter.MaxDepth)
	md := fmt.Sprintf("block quotes and lists nest deeper than %d levels", markdown.MaxNesting)
	tests := []struct {
		name, src string
		want      string
	}{
		{"nested TOML inline tables", deepTOML, "content/privacy.md:3:" + fmt.Sprint(5+5*frontmatter.MaxDepth) + ": front matter " + deep},
		{"nested JSON arrays", deepJSON, "content/privacy.md:3:" + fmt.Sprint(6+frontmatter.MaxDepth) + ": front matter " + deep},
		{"large front matter", "---\ntitle: P\nsummary: " + strings.Repeat("x", frontmatter.MaxBytes) + "\n---\nBody\n",
			"content/privacy.md:1: front matter is 257 KB, more than the 256 KB allowed"},
		{"YAML alias bomb", bomb.String(), "excessive aliasing"},
		{"nested block quotes", "---\ntitle: P\n---\n\n" + strings.Repeat(">", 400_000) + "\n",
			"content/privacy.md:5:" + fmt.Sprint(markdown.MaxNesting+1) + ": " + md},
		{"nested lists", "---\ntitle: P\n---\n" + list.String(),
			fmt.Sprintf("content/privacy.md:%d:%d: %s", 4+markdown.MaxNesting, 2*markdown.MaxNesting+1, md)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := newSite(t, goodSite)
			dest, _, err := build(t, src, nil)
			if err != nil {
				t.Fatalf("good build: %v", err)
			}
			before := readTree(t, dest)
			if err := os.WriteFile(filepath.Join(src, "content", "privacy.md"), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err = build(t, src, func(o *Options) { o.Destination = dest })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			diffTrees(t, readTree(t, dest), before)
			assertNoTempDirs(t, filepath.Dir(dest))
		})
	}
}
