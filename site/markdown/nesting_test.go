package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// nestedList returns a list nested n levels, one item a line, each
// indented by step more than its parent, with marker m.
func nestedList(n, step int, m string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s%s item %d\n", strings.Repeat(" ", i*step), m, i)
	}
	return b.String()
}

func TestNestingError(t *testing.T) {
	n := MaxNesting
	quotes := func(k int, sep string) string { return strings.Repeat(">"+sep, k) + "deep\n" }
	fenced := "```\n" + strings.Repeat(quotes(2*n, ""), 3) + "```\n"
	tests := []struct {
		name      string
		src       string
		line, col int // 0: no error
	}{
		{"quotes at the limit", quotes(n, ""), 0, 0},
		{"quotes past the limit", "Intro\n\n" + quotes(n+1, ""), 3, n + 1},
		{"spaced quotes", quotes(n+1, " "), 1, 2*n + 1},
		{"bullets on one line", strings.Repeat("- ", n+1) + "x\n", 1, 2*n + 1},
		{"list at the limit", nestedList(n, 2, "-"), 0, 0},
		{"indented list past the limit", nestedList(n+1, 2, "-"), n + 1, 2*n + 1},
		{"ordered list past the limit", nestedList(n+1, 3, "1."), n + 1, 3*n + 1},
		{"blank lines keep list items open", strings.ReplaceAll(nestedList(n+1, 2, "*"), "\n", "\n\n"), 2*n + 1, 2*n + 1},
		{"quotes and lists", strings.Repeat("> - ", n/2) + "> x\n", 1, 2*n + 1},
		{"quote continued on the next lines", quotes(n, "") + quotes(n+1, "") + quotes(n, ""), 2, n + 1},
		{"lazy lines keep a list open", nestedList(n/2, 2, "-") + "lazy\n" + strings.Repeat(" ", n) + "- deeper\n" +
			strings.Repeat(" ", n+2) + "> " + strings.Repeat("- ", n/2) + "x\n", n/2 + 3, n + 2 + 2 + 2*(n/2-2) + 1},
		{"blank lines end block quotes", strings.Repeat(quotes(n*3/4, "")+"\n", 20), 0, 0},
		{"fenced code opens nothing", fenced + fenced, 0, 0},
		{"tilde fence in a list item", "- item\n\n  ~~~~\n" + "  " + quotes(2*n, "") + "  ~~~\n  " + quotes(n, "") + "  ~~~~\n", 0, 0},
		{"fence in a quote holds quote markers", "> ```\n> code\n" + quotes(n+1, ""), 0, 0},
		{"fence ends with its container", "> ```\n> code\n- " + quotes(n, ""), 3, n + 2},
		{"indented code opens nothing", "Text\n\n    " + quotes(2*n, ""), 0, 0},
		{"thematic breaks and emphasis", strings.Repeat("***\n*a* -b 1.c\n", n), 0, 0},
		{"tabs indent like four spaces", "- a\n\t- b\n\t\t- c\n", 0, 0},
		{"a policy", string(benchDoc(20_000)), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := nestingError([]byte(tt.src))
			switch {
			case tt.line == 0 && e != nil:
				t.Errorf("refused at %d:%d: %s", e.Line, e.Col, e.Msg)
			case tt.line != 0 && e == nil:
				t.Errorf("not refused, want an error at %d:%d", tt.line, tt.col)
			case e != nil && (e.Line != tt.line || e.Col != tt.col):
				t.Errorf("error at %d:%d, want %d:%d", e.Line, e.Col, tt.line, tt.col)
			}
		})
	}
}

// TestDeepNestingRefused renders the inputs that took goldmark 76 s (a
// line of 400,000 ">") and 22 s (a list nested 2,000 levels): each is
// refused with one Error at the marker of level MaxNesting+1, and a title
// is not looked for in them.
func TestDeepNestingRefused(t *testing.T) {
	r := New(testOptions())
	want := fmt.Sprintf("block quotes and lists nest deeper than %d levels", MaxNesting)
	for _, tt := range []struct {
		name      string
		src       string
		line, col int
	}{
		{"quotes", "# T\n\n" + strings.Repeat(">", 400_000) + "\n", 3, MaxNesting + 1},
		{"list", "# T\n\n" + nestedList(2000, 2, "-"), MaxNesting + 3, 2*MaxNesting + 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := r.Render([]byte(tt.src))
			if len(d.Errors) != 1 || d.Errors[0].Msg != want || d.Errors[0].Line != tt.line || d.Errors[0].Col != tt.col {
				t.Fatalf("errors = %v, want %q at %d:%d", d.Errors, want, tt.line, tt.col)
			}
			if len(d.HTML) != 0 || d.Title != "" {
				t.Errorf("a refused body rendered: title %q, %d bytes of HTML", d.Title, len(d.HTML))
			}
		})
	}
	lead := LeadingBlock([]byte(strings.Repeat(">", 400_000) + "\n---\n"))
	if title := r.Title(lead, Page{}); title != "" {
		t.Errorf("Title of a refused lead = %q", title)
	}
}
