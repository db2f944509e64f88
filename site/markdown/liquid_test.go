package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestLiquidVariables(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"site var with spaces", "Write to {{ site.name }}.\n", "<p>Write to Acme &amp; Sons.</p>\n"},
		{"value is Markdown text", "Write to {{ site.email }}.\n",
			"<p>Write to <a href=\"mailto:privacy@example.com\">privacy@example.com</a>.</p>\n"},
		{"spaces in a destination", "[mail](mailto:{{ site.email }}) or [us]({{ site.support }})\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a> or <a href=\"mailto:help@example.com\">us</a></p>\n"},
		{"linkified URL with spaces in the tag", "www.example.com/{{ site.email }}\n",
			"<p><a href=\"http://www.example.com/privacy@example.com\">www.example.com/privacy@example.com</a></p>\n"},
		{"whitespace control", "{{- site.name -}}\n", "<p>Acme &amp; Sons</p>\n"},
		{"raw keeps tags", "{% raw %}Use {{ site.email }}{% endraw %} here.\n", "<p>Use {{ site.email }} here.</p>\n"},
		{"raw across lines", "{% raw %}\n{{ a }}\n{% endraw %}\n", "<p>{{ a }}</p>\n"},
		{"no spaces", "By {{site.name}}.\n", "<p>By Acme &amp; Sons.</p>\n"},
		{"page var", "Updated {{ page.updated }}\n", "<p>Updated 2024-05-01</p>\n"},
		{"dotted key", "{{ site.params.company }} is the controller.\n", "<p>Acme GmbH is the controller.</p>\n"},
		{"in emphasis and link text", "*{{ site.name }}* [{{site.email}}](https://x.example)\n",
			"<p><em>Acme &amp; Sons</em> <a href=\"https://x.example\">privacy@example.com</a></p>\n"},
		{"mailto destination", "[mail](mailto:{{site.email}})\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a></p>\n"},
		{"angle destination with spaces", "[mail](<mailto:{{ site.email }}>)\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a></p>\n"},
		{"percent-encoded destination", "[mail](mailto:%7B%7Bsite.email%7D%7D)\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a></p>\n"},
		{"percent-encoded with spaces", "[mail](mailto:%7b%7B%20site.email%20%7D%7d)\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a></p>\n"},
		{"reference definition", "[mail][m]\n\n[m]: mailto:{{site.email}}\n",
			"<p><a href=\"mailto:privacy@example.com\">mail</a></p>\n"},
		{"image destination and title", "![logo](<https://cdn/{{site.params.company}}.png> \"{{ site.name }}\")\n",
			"<p><img src=\"https://cdn/Acme%20GmbH.png\" alt=\"logo\" title=\"Acme &amp; Sons\"></p>\n"},
		{"heading text and id", "## About {{ site.params.company }}\n",
			"<h2 id=\"about-acme-gmbh\">About Acme GmbH<a class=\"anchor\" href=\"#about-acme-gmbh\" aria-label=\"Link to this section: About Acme GmbH\">#</a></h2>\n"},
		{"html block", "<div class=\"c\">\n<a href=\"mailto:{{ site.email }}\">{{site.name}}</a>\n</div>\n",
			"<div class=\"c\">\n<a href=\"mailto:privacy@example.com\">Acme & Sons</a>\n</div>\n"},
		{"inline raw html", "Mail <a href=\"mailto:{{site.email}}\">us</a>.\n",
			"<p>Mail <a href=\"mailto:privacy@example.com\">us</a>.</p>\n"},
		{"code span stays literal", "Use `{{ site.email }}` or `{% if %}`.\n",
			"<p>Use <code>{{ site.email }}</code> or <code>{% if %}</code>.</p>\n"},
		{"fenced code stays literal", "```liquid\n{{ site.email }}\n{% include x.html %}\n```\n",
			"<pre><code class=\"language-liquid\">{{ site.email }}\n{% include x.html %}\n</code></pre>\n"},
		{"indented code stays literal", "    {{ site.email }}\n",
			"<pre><code>{{ site.email }}\n</code></pre>\n"},
		{"autolink", "<https://example.com/{{ site.email }}>\n",
			"<p><a href=\"https://example.com/privacy@example.com\">https://example.com/privacy@example.com</a></p>\n"},
		{"code span across lines stays literal", "a `b\n{{ site.email }}` c\n", "<p>a <code>b {{ site.email }}</code> c</p>\n"},
		{"fenced code in a list stays literal", "- item\n\n  ```\n  {{ x }}\n  ```\n",
			"<ul>\n<li>\n<p>item</p>\n<pre><code>{{ x }}\n</code></pre>\n</li>\n</ul>\n"},
		{"linkified URL", "See https://example.com/{{site.email}} now.\n",
			"<p>See <a href=\"https://example.com/privacy@example.com\">https://example.com/privacy@example.com</a> now.</p>\n"},
		{"IAL attribute value", "Text\n{: title=\"{{ site.name }}\"}\n", "<p title=\"Acme &amp; Sons\">Text</p>\n"},
		{"escaped brace is text", "\\{{ not liquid }}\n", "<p>{{ not liquid }}</p>\n"},
		{"single brace is text", "a {b} c\n", "<p>a {b} c</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, testOptions(), tt.src)
			checkNoErrors(t, d)
			if string(d.HTML) != tt.want {
				t.Errorf("HTML =\n%q\nwant\n%q", d.HTML, tt.want)
			}
		})
	}
}

func TestLiquidErrors(t *testing.T) {
	tests := []struct {
		name, src string
		errs      []string
	}{
		{"unknown site variable", "Intro.\n\nHello {{ site.nope }}!\n", []string{"3:7: unknown variable site.nope"}},
		{"unknown page variable", "{{page.x}}\n", []string{"1:1: unknown variable page.x"}},
		{"include tag", "Intro.\n\n{% include footer.html %}\n",
			[]string{"3:1: unsupported Liquid tag {% include footer.html %}"}},
		{"filter", "Name: {{ site.name | upcase }}\n", []string{"1:7: unsupported Liquid tag {{ site.name | upcase }}"}},
		{"other scope", "{{ layout.x }} and {{ x }}\n",
			[]string{"1:1: unsupported Liquid tag {{ layout.x }}", "1:20: unsupported Liquid tag {{ x }}"}},
		{"control flow", "{% if site.x %}\nyes\n{% endif %}\n",
			[]string{"1:1: unsupported Liquid tag {% if site.x %}", "3:1: unsupported Liquid tag {% endif %}"}},
		{"unterminated", "text {{ site.email\n", []string{"1:6: unterminated Liquid tag {{ site.email"}},
		{"in destination", "\n[x](mailto:{{site.nope}})\n", []string{"2:12: unknown variable site.nope"}},
		{"tag in destination", "[x](https://a/{%include x%})\n", []string{"1:15: unsupported Liquid tag {%include x%}"}},
		{"columns after a value", "{{ site.name }} and {{ site.params.company }} {{ site.nope }}\n",
			[]string{"1:47: unknown variable site.nope"}},
		{"lines after a multi-line value", "{{ site.lines }}\n\n{{ site.nope }}\n", []string{"3:1: unknown variable site.nope"}},
		{"raw without endraw", "a\n{% raw %} b\n", []string{"2:1: {% raw %} without {% endraw %}"}},
		{"raw html", "<div>\n<p>{{ site.nope }}</p>\n</div>\n", []string{"2:4: unknown variable site.nope"}},
		{"autolink", "<https://x/{{site.nope}}>\n", []string{"1:12: unknown variable site.nope"}},
		{"percent-encoded", "[x](mailto:%7B%7Bsite.nope%7D%7D)\n", []string{"1:12: unknown variable site.nope"}},
		{"nil Var", "{{ site.email }}\n", []string{"1:1: unknown variable site.email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOptions()
			if tt.name == "nil Var" {
				opts.Var = nil
			}
			d := render(t, opts, tt.src)
			if got := errorStrings(d); !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors = %q\nwant %q", got, tt.errs)
			}
			for _, e := range d.Errors {
				if e.Hint == "" {
					t.Errorf("error %q has no hint", e.Msg)
				}
			}
			html := string(d.HTML)
			if strings.Contains(html, "{%") || strings.Contains(html, "{{") {
				t.Errorf("Liquid syntax printed:\n%s", html)
			}
		})
	}
}

func TestLiquidHint(t *testing.T) {
	d := render(t, testOptions(), "{% include footer.html %}\n")
	want := "clause does not run Liquid; replace it with Markdown, or use {{ site.KEY }} / {{ page.KEY }}"
	if len(d.Errors) != 1 || d.Errors[0].Hint != want {
		t.Fatalf("errors = %+v", d.Errors)
	}
	if len(d.HTML) != 0 {
		t.Errorf("a paragraph holding only a failed tag should vanish, got %q", d.HTML)
	}
}

func TestSplitVariable(t *testing.T) {
	tests := []struct {
		in, scope, key string
		ok             bool
	}{
		{"site.email", "site", "email", true},
		{"page.params.company", "page", "params.company", true},
		{"site.a-b_c", "site", "a-b_c", true},
		{"site.", "", "", false},
		{"site..x", "", "", false},
		{"site.x.", "", "", false},
		{"site.x | upcase", "", "", false},
		{"layout.x", "", "", false},
		{"site", "", "", false},
	}
	for _, tt := range tests {
		scope, key, ok := splitVariable([]byte(tt.in))
		if scope != tt.scope || key != tt.key || ok != tt.ok {
			t.Errorf("splitVariable(%q) = %q, %q, %v", tt.in, scope, key, ok)
		}
	}
}

func TestHugoShortcodes(t *testing.T) {
	src := "Intro.\n\n{{< notice warning >}}\nCareful.\n{{< /notice >}}\n\nSee {{% ref \"terms.md\" %}} and {{< broken\n"
	d := render(t, testOptions(), src)
	want := []string{
		`3:1: Hugo shortcode {{< notice warning >}}`,
		`5:1: Hugo shortcode {{< /notice >}}`,
		`7:5: Hugo shortcode {{% ref "terms.md" %}}`,
		`7:32: unterminated Hugo shortcode {{< broken`,
	}
	if got := errorStrings(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("errors = %q\nwant %q", got, want)
	}
	for _, e := range d.Errors {
		if e.Hint != shortcodeHint || strings.Contains(e.Msg, "Liquid") {
			t.Errorf("error %q: hint %q", e.Msg, e.Hint)
		}
	}
	if html := string(d.HTML); strings.Contains(html, "{{") || !strings.Contains(html, "Careful.") {
		t.Errorf("HTML = %q", html)
	}
}

// TestLiquidPositions checks that what the Markdown parser reports after
// substitution (heading lines, link positions) names the source as written.
func TestLiquidPositions(t *testing.T) {
	src := "{{ site.lines }}\n\n## Contact {{ site.name }}\n\nWrite [to us]({{ site.support }}) or [here](gone.md).\n"
	d := render(t, testOptions(), src)
	if len(d.Headings) != 1 || d.Headings[0].Line != 3 || d.Headings[0].Text != "Contact Acme & Sons" {
		t.Errorf("headings = %+v", d.Headings)
	}
	want := []LinkRef{
		{Dest: "mailto:help@example.com", Written: "{{ site.support }}", Line: 5, Col: 15},
		{Dest: "/gone/", Written: "gone.md", Line: 5, Col: 45},
	}
	if !reflect.DeepEqual(d.Links, want) {
		t.Errorf("links = %+v\nwant %+v", d.Links, want)
	}
}

func TestOffsetMap(t *testing.T) {
	// "ab{{x}}cd" with {{x}} (offsets 2..7) replaced by "VALUE".
	var m offsetMap
	m.copied(0, 0)
	m.inserted(2, 2, 5)
	m.copied(7, 7)
	for out, want := range map[int]int{0: 0, 1: 1, 2: 2, 4: 2, 6: 2, 7: 7, 8: 8, 20: 20} {
		if got := m.source(out); got != want {
			t.Errorf("source(%d) = %d, want %d", out, got, want)
		}
	}
	if got := m.sourceEnd(7); got != 7 {
		t.Errorf("sourceEnd(7) = %d, want 7 (end of the tag)", got)
	}
	if got := m.sourceEnd(2); got != 2 {
		t.Errorf("sourceEnd(2) = %d, want 2", got)
	}
	var id *offsetMap
	if id.source(5) != 5 || id.sourceEnd(5) != 5 {
		t.Error("nil map is not the identity")
	}
}

// TestLiquidValuesAreMarkdown checks where a value with markup ends up: in
// the body it is Markdown (raw HTML, as if typed in the file), but the
// plain-text places built from it (title, TOC, anchor labels, attribute
// values) never carry live tags.
func TestLiquidValuesAreMarkdown(t *testing.T) {
	opts := testOptions()
	opts.Var = func(scope, key string) (string, bool) {
		return map[string]string{
			"site.brand": `<b class="x">Acme</b> & "Co"`,
			"site.quote": `a"><script>x</script>`,
		}[scope+"."+key], true
	}
	d := render(t, opts, "# {{ site.brand }} Terms\n\n## About {{ site.brand }}\n\nText\n{: title=\"{{ site.quote }}\"}\n")
	if d.Title != `Acme & "Co" Terms` {
		t.Errorf("Title = %q", d.Title)
	}
	html := string(d.HTML)
	checkHTML(t, html, []string{
		`<h2 id="about-acme--co">About <b class="x">Acme</b> &amp; &quot;Co&quot;`,
		`aria-label="Link to this section: About Acme &amp; &quot;Co&quot;"`,
	}, []string{`title="a"><script>`})
	checkHTML(t, string(d.TOCHTML), []string{`>About Acme &amp; &quot;Co&quot;</a>`}, []string{"<b"})
	// The quote in the value ends the attribute value early: the list is
	// reported, at the line it was written on, and not applied.
	if got := errorStrings(d); len(got) != 1 || got[0] != `6:1: unexpected '>' in attribute list in "{: title=\"{{ site.quote }}\"}"` {
		t.Errorf("errors = %q", got)
	}
}
