package markdown

import (
	"reflect"
	"testing"
)

func TestIAL(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"paragraph, last line", "We collect data.\n{: .lead}\n",
			"<p class=\"lead\">We collect data.</p>\n"},
		{"paragraph, own block", "We collect data.\n\n{: .lead}\n",
			"<p class=\"lead\">We collect data.</p>\n"},
		{"id class and key", "Text\n{: #intro .a .b lang=\"de\"}\n",
			"<p id=\"intro\" class=\"a b\" lang=\"de\">Text</p>\n"},
		{"no space forms", "Text\n{:.note}\n\nMore\n{:#more}\n",
			"<p class=\"note\">Text</p>\n<p id=\"more\">More</p>\n"},
		{"single quotes and escapes", "Text\n{: title='it\\'s \"x\"'}\n",
			"<p title=\"it's &quot;x&quot;\">Text</p>\n"},
		{"before the block", "{: .lead}\nIntro.\n\nNext.\n",
			"<p class=\"lead\">Intro.</p>\n<p>Next.</p>\n"},
		{"unordered list", "* a\n* b\n{: .checklist}\n",
			"<ul class=\"checklist\">\n<li>a</li>\n<li>b</li>\n</ul>\n"},
		{"ordered list", "1. a\n2. b\n{: #steps}\n",
			"<ol id=\"steps\">\n<li>a</li>\n<li>b</li>\n</ol>\n"},
		{"list item (indented)", "- a\n  {: .first}\n- b\n",
			"<ul>\n<li class=\"first\">a</li>\n<li>b</li>\n</ul>\n"},
		{"table", "| a |\n|---|\n| 1 |\n{: .data}\n",
			"<table class=\"data\">\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"},
		{"blockquote", "> Quote\n{: .note}\n",
			"<blockquote class=\"note\"><p>Quote</p>\n</blockquote>\n"},
		{"inside blockquote", "> Quote\n> {: .inner}\n",
			"<blockquote>\n<p class=\"inner\">Quote</p>\n</blockquote>\n"},
		{"heading", "## Data\n{: .big #data-we-keep}\n",
			"<h2 class=\"big\" id=\"data-we-keep\">Data<a class=\"anchor\" href=\"#data-we-keep\" aria-label=\"Link to this section: Data\">#</a></h2>\n"},
		{"heading class merges", "## Data {.x}\n{: .y}\n",
			"<h2 class=\"x y\" id=\"data\">Data<a class=\"anchor\" href=\"#data\" aria-label=\"Link to this section: Data\">#</a></h2>\n"},
		{"definition list", "Term\n: Def\n{: .terms}\n",
			"<dl class=\"terms\">\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>\n"},
		{"fenced code keeps IAL text", "```\n{: .x}\n```\n",
			"<pre><code>{: .x}\n</code></pre>\n"},
		{"not an IAL: text after the brace", "{: .x} is how you style\n",
			"<p>{: .x} is how you style</p>\n"},
		{"span: link", "See [site](https://example.com){:target=\"_blank\" rel=\"noopener\"}.\n",
			"<p>See <a href=\"https://example.com\" target=\"_blank\" rel=\"noopener\">site</a>.</p>\n"},
		{"span: emphasis, code and image", "*word*{: .note} `x`{: #c} ![a](a.png){:.logo}\n",
			"<p><em class=\"note\">word</em> <code id=\"c\">x</code> <img src=\"a.png\" alt=\"a\" class=\"logo\"></p>\n"},
		{"span: braces inside quoted values", "[x](/p/){: title=\"a}b\" data-x='{c}'}\n",
			"<p><a href=\"/p/\" title=\"a}b\" data-x=\"{c}\">x</a></p>\n"},
		{"span: after plain text stays text", "plain{: .x} and [a](/a/) {: .y}\n",
			"<p>plain{: .x} and <a href=\"/a/\">a</a> {: .y}</p>\n"},
		{"span: not a list of attributes stays text", "[a](/a/){: bad\"} and [b](/b/){:toc}\n",
			"<p><a href=\"/a/\">a</a>{: bad&quot;} and <a href=\"/b/\">b</a>{:toc}</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			checkNoErrors(t, d)
			if string(d.HTML) != tt.want {
				t.Errorf("HTML =\n%q\nwant\n%q", d.HTML, tt.want)
			}
		})
	}
}

func TestIALErrors(t *testing.T) {
	tests := []struct {
		name, src string
		errs      []string
	}{
		{"unknown reference", "Text\n{: fancy}\n", []string{`2:1: unknown attribute list reference "fancy" in "{: fancy}"`}},
		{"empty id", "Text\n{: #}\n", []string{`2:1: empty '#' in attribute list in "{: #}"`}},
		{"unquoted value", "Text\n\n{: lang=de}\n", []string{`3:1: attribute lang needs a quoted value like lang="…" in "{: lang=de}"`}},
		{"ALD definition", "Text\n\n{:ref: .cls}\n", []string{`3:1: unexpected ':' in attribute list in "{:ref: .cls}"`}},
		{"other extension", "{::comment}\n", []string{`1:1: unsupported kramdown extension "{::comment}" in "{::comment}"`}},
		{"nothing to attach to", "> {: .x}\n", []string{`1:3: attribute list "{: .x}" does not belong to a block`}},
		{"span: href is not an attribute to set", "[a](/a/){: href=\"/b/\" .x}\n", []string{`1:9: attribute list "{: href=\"/b/\" .x}" sets href`}},
		{"span: duplicate id at its own column", "Write [a](/a/){: #c}\nand [b](/b/){: #c}.\n", []string{`2:13: duplicate id "c"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			if got := errorStrings(d); !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors = %q\nwant %q", got, tt.errs)
			}
			for _, e := range d.Errors {
				if e.Hint == "" {
					t.Errorf("error %q has no hint", e.Msg)
				}
			}
			checkHTML(t, string(d.HTML), nil, []string{"{:"})
		})
	}
}

// TestHeadingEndIAL checks kramdown attribute lists written at the end of
// a heading: they set its id (and classes) and are printed nowhere.
func TestHeadingEndIAL(t *testing.T) {
	tests := []struct {
		name, src string
		id, class string
	}{
		{"spaced", "## Accounts {: #accounts }\n", "accounts", ""},
		{"compact", "## Accounts {:#accounts}\n", "accounts", ""},
		{"with classes", "## Accounts {: #accounts .wide .note}\n", "accounts", "wide note"},
		{"closing hashes", "## Accounts {: #accounts } ##\n", "accounts", ""},
		{"setext", "Intro.\n\nAccounts {: #accounts }\n--------\n", "accounts", ""},
		{"class only keeps the generated id", "## Accounts {: .wide}\n", "accounts", "wide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src + "\nSee [accounts](#" + tt.id + ").\n"
			d := render(t, Options{TOCMin: 2, TOCMax: 3}, src)
			checkNoErrors(t, d)
			html := string(d.HTML)
			if len(d.Headings) != 1 || d.Headings[0].ID != tt.id || d.Headings[0].Text != "Accounts" {
				t.Fatalf("headings = %+v", d.Headings)
			}
			if len(d.TOC) != 1 || d.TOC[0].Text != "Accounts" || d.TOC[0].ID != tt.id {
				t.Errorf("TOC = %+v", d.TOC)
			}
			want := `<h2 id="` + tt.id + `">Accounts<a`
			if tt.class != "" {
				want = `class="` + tt.class + `"`
			}
			checkHTML(t, html, []string{want, `href="#` + tt.id + `"`}, []string{"{:", "Accounts <a"})
			checkHTML(t, string(d.TOCHTML), []string{`<a href="#` + tt.id + `">Accounts</a>`}, []string{"{:"})
		})
	}
	// Right after a span, the list is the span's, as anywhere else.
	d := render(t, Options{}, "## Data *we keep*{: .note}\n")
	checkHTML(t, string(d.HTML), []string{`<h2 id="data-we-keep">Data <em class="note">we keep</em>`}, nil)
	// Not at the end: the braces are the heading's text.
	d = render(t, Options{}, "## A {: #a } more\n")
	if len(d.Headings) != 1 || d.Headings[0].Text != "A {: #a } more" {
		t.Errorf("headings = %+v", d.Headings)
	}
}
