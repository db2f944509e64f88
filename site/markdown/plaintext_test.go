package markdown

import (
	"strings"
	"testing"
)

// recordOf renders src with Record on.
func recordOf(t *testing.T, src string, opts Options) *Document {
	t.Helper()
	r := New(opts)
	doc := r.RenderPage([]byte(src), Page{Record: true, Var: opts.Var, Link: opts.Link})
	if len(doc.Errors) > 0 {
		t.Fatalf("errors: %v", doc.Errors)
	}
	return doc
}

func TestPlainTextForms(t *testing.T) {
	src := "# Privacy at Quillmere\n\nIntro with **bold** and a [link](https://quillmere.example/help) and <https://quillmere.example/>.\nSecond line.\n\n" +
		"## 1. What we collect\n\n- Account data\n- Usage data\n  - page views\n\n3. third\n4. fourth\n\n" +
		"> Quoted\n> text\n\n```\ncode line\n```\n\n| Name | Where |\n| --- | --- |\n| Lumen | EU |\n\n" +
		"### Cookies\n\nSee the note[^1] and ![logo](/logo.png).\n\n<div><p>Raw <b>HTML</b> text</p><p>Second</p></div>\n\n---\n\nTerm\n: Definition\n\n[^1]: The note text.\n"
	doc := recordOf(t, src, Options{})
	want := `Intro with bold and a link (https://quillmere.example/help) and https://quillmere.example/. Second line.

1. What we collect
------------------

- Account data
- Usage data
  - page views

3. third
4. fourth

> Quoted text

    code line

Name | Where
Lumen | EU

Cookies
~~~~~~~

See the note[1] and logo (/logo.png).

Raw HTML text
Second

* * *

Term
    Definition

[1] The note text.
`
	if got := string(doc.Plain); got != want {
		t.Errorf("plain text:\n%s\nwant:\n%s", got, want)
	}
	if len(doc.Sections) != 2 {
		t.Fatalf("sections: %+v", doc.Sections)
	}
	s := doc.Sections[0]
	if s.ID != "1-what-we-collect" || s.Title != "1. What we collect" || s.Level != 2 {
		t.Errorf("section 0: %+v", s)
	}
	if !strings.HasPrefix(s.Text, "1. What we collect\n---") || !strings.HasSuffix(s.Text, "Name | Where\nLumen | EU\n") {
		t.Errorf("section 0 text: %q", s.Text)
	}
	if c := doc.Sections[1]; c.Level != 3 || !strings.HasSuffix(c.Text, "[1] The note text.\n") {
		t.Errorf("section 1: %+v", c)
	}
	// Every section's text is a part of the plain text.
	for _, s := range doc.Sections {
		if !strings.Contains(string(doc.Plain), s.Text) {
			t.Errorf("section %s is not in the plain text", s.ID)
		}
	}
}

func TestRecordMarkdownIsSubstitutedSource(t *testing.T) {
	vars := func(scope, key string) (string, bool) {
		if scope == "site" && key == "title" {
			return "Quillmere", true
		}
		return "", false
	}
	src := "Welcome to {{ site.title }}.\n\n`{{ site.title }}` stays in code.\n"
	doc := recordOf(t, src, Options{Var: vars})
	want := "Welcome to Quillmere.\n\n`{{ site.title }}` stays in code.\n"
	if string(doc.Markdown) != want {
		t.Errorf("Markdown = %q, want %q", doc.Markdown, want)
	}
	if !strings.Contains(string(doc.Plain), "Welcome to Quillmere.") {
		t.Errorf("plain text lacks the value: %q", doc.Plain)
	}
	raw := recordOf(t, "A {% raw %}{{ site.title }}{% endraw %} b.\n", Options{Var: vars})
	if string(raw.Markdown) != "A {{ site.title }} b.\n" {
		t.Errorf("raw: Markdown = %q, want the text between the tags as written", raw.Markdown)
	}
	plain := New(Options{}).RenderPage([]byte("Text\n"), Page{})
	if plain.Markdown != nil || plain.Plain != nil || plain.Sections != nil {
		t.Error("a render without Record filled the record fields")
	}
}
