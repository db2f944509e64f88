package site

import (
	"strings"
	"testing"
)

// TestTitleInCodeFence checks that a heading inside fenced or indented
// code at the top of a body is code, not the page's title, and that one
// after indented code is a section: every page has exactly one <h1>, the
// title from the file name, and never shows its title twice.
func TestTitleInCodeFence(t *testing.T) {
	bodies := map[string]string{
		"backticks":  "```\n# Fenced\n```\n\n## Scope\n\nText.\n",
		"tildes":     "~~~\n# Fenced\n~~~\n# Later\n\nText.\n",
		"info":       "```md\n# Fenced\n\n# Fenced too\n```\n",
		"long":       "````\n# Fenced\n```\n# Still fenced\n````\n",
		"comment":    "<!-- note -->\n```\n# Fenced\n```\n",
		"indented":   "    # Fenced\n\n## Scope\n",
		"unclosed":   "```\n# Fenced\n",
		"in a quote": "> ```\n> # Fenced\n> ```\n",
		"code after": "    <!-- indented: code -->\n# Fenced\n",
	}
	files := map[string]string{}
	for name, body := range bodies {
		files["content/"+strings.ReplaceAll(name, " ", "-")+".md"] = "---\neffective: 2026-01-01\n---\n" + body
	}
	out, _ := mustRenderFS(t, mapSite(files))
	for name := range bodies {
		slug := strings.ReplaceAll(name, " ", "-")
		page := string(out[slug+"/index.html"])
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d <h1>, want 1", name, n)
		}
		if want := "<h1>" + readableName(slug+".md") + "</h1>"; !strings.Contains(page, want) {
			t.Errorf("%s: want the title from the file name, %s", name, want)
		}
		switch {
		case name == "code after":
			// The comment is indented code, so the heading is not the
			// first thing: a section, not the title.
			if !strings.Contains(page, `<h2 id="fenced">Fenced`) {
				t.Errorf("%s: the heading after the code is not a section", name)
			}
		case !strings.Contains(page, "# Fenced"):
			t.Errorf("%s: the fenced heading is not shown as code", name)
		}
	}
}
