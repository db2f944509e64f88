package markdown

import (
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
