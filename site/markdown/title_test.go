package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTitleFromLead checks that the title read from a body's leading
// block alone is the title of the whole rendered body.
func TestTitleFromLead(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"atx", "# Privacy Policy\n\nText.\n", "Privacy Policy"},
		{"atx with closing hashes and IAL", "## Cookies {: #cookies } ##\nText.\n", "Cookies"},
		{"setext ===", "Privacy\nNotice\n=======\n\nText.\n", "Privacy Notice"},
		{"setext ---", "Notice\n---\n", "Notice"},
		{"blank lines with spaces first", "  \n\t\n# T\n", "T"},
		{"comments first", "<!-- a -->\n\n<!-- b\n\nc -->\n# T\n", "T"},
		{"text after a comment is part of it", "<!-- a --> text\n# T\n", "T"},
		{"liquid", "# {{ site.name }} Privacy\n", "Acme & Sons Privacy"},
		{"inline html", "# <span class=\"x\">Acme Plus</span> Terms\n", "Acme Plus Terms"},
		{"entities", "# AT&amp;T &lt;Terms&gt;\n", "AT&T <Terms>"},
		{"prose first", "We care.\n\n# Policy\n", ""},
		{"prose line then heading", "We care.\n# Policy\n", ""},
		{"indented code is no heading", "    # not a title\n", ""},
		{"indented comment is code", "    <!-- c -->\n# T\n", ""},
		{"comment indented by three", "   <!-- c -->\n# T\n", "T"},
		{"heading in a fence", "```\n# T\n```\n", ""},
		{"list first", "- a\n\n# T\n", ""},
		{"h4", "#### T\n", ""},
		{"thematic break", "---\n\n# T\n", ""},
		{"long paragraph", strings.Repeat("word ", 1000) + "\n\n# T\n", ""},
		{"long setext", strings.Repeat("word ", 1000) + "\n===\n", strings.TrimSpace(strings.Repeat("word ", 1000))},
		{"empty", "", ""},
	}
	r := New(testOptions())
	page := Page{Var: testOptions().Var}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := r.RenderPage([]byte(tt.src), page).Title
			if whole != tt.want {
				t.Errorf("Document.Title = %q, want %q", whole, tt.want)
			}
			lead := LeadingBlock([]byte(tt.src))
			if got := r.Title(lead, page); got != whole {
				t.Errorf("Title(%q) = %q, Document.Title = %q", lead, got, whole)
			}
		})
	}
}

// TestTitleFromLeadMatchesWhole compares the title read from the leading
// block with the whole body's over random bodies made of lines that open
// or close headings, fences, comments, HTML and indented code: the page
// must never show a title the body also shows as a heading.
func TestTitleFromLeadMatchesWhole(t *testing.T) {
	lines := []string{"# T", "## U", "T", "===", "---", "```", "``` md", "~~~", "   ```", "    ```",
		"<!-- c -->", "   <!-- c -->", "    <!-- c -->", "<!-- c", "-->", "", " ", "\t", "> # Q", "- # L",
		"text", "<div>", "</div>", "<pre>", "</pre>", "    # I", "\t# tab", "[x]: /y", "***", "+++"}
	r := New(testOptions())
	page := Page{Var: testOptions().Var}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := 1 + rng.IntN(6); n > 0; n-- {
			b.WriteString(lines[rng.IntN(len(lines))] + "\n")
		}
		src := b.String()
		whole := r.RenderPage([]byte(src), page).Title
		if got := r.Title(LeadingBlock([]byte(src)), page); got != whole {
			t.Fatalf("%q: title from the leading block %q, from the whole body %q", src, got, whole)
		}
	}
}
