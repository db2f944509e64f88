package site

import (
	"strings"
	"testing"
)

// TestColumnsAreBytes checks that every format reports 1-based byte
// columns, as go/scanner does: after "é" (two bytes) on a line, a YAML,
// TOML or JSON front matter error, a clause.yaml error and a Markdown
// error all point at the same byte.
func TestColumnsAreBytes(t *testing.T) {
	files := map[string]string{
		"clause.yaml":      "title: Café\nexclude: [\"é\", \"[é\"]\n",
		"content/yaml.md":  "---\ntitle: Été\nredirect_from: [/a-été/, 5]\n---\nText.\n",
		"content/toml.md":  "+++\ntitle = \"Été\"\naliases = [\"/b-été/\", 5]\n+++\nText.\n",
		"content/json.md":  ";;;\n{\"title\": \"Été\", \"aliases\": [\"/c-été/\", 5]}\n;;;\nText.\n",
		"content/links.md": "---\ntitle: Links\n---\nCafé crème: [gone](gone.md).\n",
	}
	tmpl := map[string]string{
		"content/p.md":        policy("P"),
		"layouts/policy.html": "{{ define \"main\" }}\n<p>Été {{ index .Params \"x\" 5 }}</p>\n{{ end }}",
	}
	_, _, err := build(t, newSite(t, files), nil)
	if err == nil {
		t.Fatal("the build accepted the site")
	}
	want := map[string]struct {
		line   int
		needle string
	}{
		"clause.yaml":      {2, `"[é"`},
		"content/yaml.md":  {3, "5]"},
		"content/toml.md":  {3, "5]"},
		"content/json.md":  {2, "5]"},
		"content/links.md": {4, "[gone]"},
	}
	found := map[string]bool{}
	for _, e := range err.(*BuildError).Errors {
		w, ok := want[e.Path]
		if !ok || e.Line != w.line || e.Col == 0 {
			continue
		}
		found[e.Path] = true
		text := strings.Split(files[e.Path], "\n")[w.line-1]
		if col := strings.Index(text, w.needle) + 1; e.Col != col {
			t.Errorf("%s: column %d, want byte column %d (%s)", e.Path, e.Col, col, e.Msg)
		}
	}
	_, _, err = build(t, newSite(t, tmpl), nil)
	if be, ok := err.(*BuildError); !ok || len(be.Errors) != 1 || be.Errors[0].Line != 2 || be.Errors[0].Col != strings.Index(tmpl["layouts/policy.html"], "index")-len("{{ define \"main\" }}\n")+1 {
		t.Errorf("template error: %v, want one at line 2, the byte column of index", err)
	}
	for p := range want {
		if !found[p] {
			t.Errorf("%s: no error on line %d in:\n%v", p, want[p].line, err)
		}
	}
}
