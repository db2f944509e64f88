package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// testVars is the variable table used by the tests.
var testVars = map[string]string{
	"site.email":          "privacy@example.com",
	"site.name":           "Acme & Sons",
	"site.params.company": "Acme GmbH",
	"page.updated":        "2024-05-01",
	"site.support":        "mailto:help@example.com",
	"site.lines":          "one\ntwo\n\nthree",
}

// testOptions returns Options with test Link and Var callbacks.
func testOptions() Options {
	return Options{
		Var: func(scope, key string) (string, bool) {
			v, ok := testVars[scope+"."+key]
			return v, ok
		},
		Link: func(path string) (string, bool) {
			if strings.Contains(path, "missing") {
				return "", false
			}
			path = strings.TrimSuffix(strings.TrimSuffix(path, ".md"), ".markdown")
			return "/" + path + "/", true
		},
	}
}

// render renders src with opts.
func render(t *testing.T, opts Options, src string) *Document {
	t.Helper()
	return New(opts).Render([]byte(src))
}

// errorStrings formats the document's errors as "line:col: msg".
func errorStrings(d *Document) []string {
	var out []string
	for _, e := range d.Errors {
		out = append(out, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
	}
	return out
}

// checkHTML asserts that html contains every want and none of not.
func checkHTML(t *testing.T, html string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q\n--- HTML:\n%s", w, html)
		}
	}
	for _, n := range not {
		if strings.Contains(html, n) {
			t.Errorf("HTML contains %q\n--- HTML:\n%s", n, html)
		}
	}
}

// checkNoErrors fails when d has errors.
func checkNoErrors(t *testing.T, d *Document) {
	t.Helper()
	if len(d.Errors) != 0 {
		t.Errorf("unexpected errors: %q", errorStrings(d))
	}
}

func TestExtensions(t *testing.T) {
	tests := []struct {
		name, src string
		want, not []string
	}{
		{"table", "| a | b |\n|---|--:|\n| 1 | 2 |\n",
			[]string{"<table>", "<th>a</th>", `<td style="text-align:right">2</td>`}, nil},
		{"strikethrough", "~~old~~ new\n", []string{"<del>old</del> new"}, nil},
		{"linkify", "see https://example.com/x now\n",
			[]string{`<a href="https://example.com/x">https://example.com/x</a>`}, nil},
		{"autolink", "<https://example.com>\n", []string{`<a href="https://example.com">`}, nil},
		{"task list", "- [x] done\n- [ ] todo\n",
			[]string{`<input checked="" disabled="" type="checkbox"> done`, `<input disabled="" type="checkbox"> todo`}, nil},
		{"footnotes", "Claim[^a].\n\n[^a]: Source.\n",
			[]string{`<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, `<div class="footnotes"`}, nil},
		{"definition list", "Controller\n: The company deciding on processing.\n",
			[]string{"<dl>\n<dt>Controller</dt>\n<dd>The company deciding on processing.</dd>\n</dl>"}, nil},
		{"raw html block", "<p class=\"lead\">We *care*.</p>\n\ntext\n",
			[]string{`<p class="lead">We *care*.</p>`}, []string{"raw HTML omitted"}},
		{"raw inline html", "a <span class=\"x\">b</span> c\n",
			[]string{`<p>a <span class="x">b</span> c</p>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			checkNoErrors(t, d)
			checkHTML(t, string(d.HTML), tt.want, tt.not)
		})
	}
}

func TestTypographer(t *testing.T) {
	src := "He said \"yes\" -- it's done...\n"
	tests := []struct {
		name      string
		on        bool
		want, not []string
	}{
		{"off keeps text as written", false,
			[]string{"He said &quot;yes&quot; -- it's done..."}, []string{"&ldquo;", "&ndash;", "&hellip;"}},
		{"on", true, []string{"&ldquo;yes&rdquo;", "&ndash;", "it&rsquo;s", "&hellip;"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{Typographer: tt.on}, src)
			checkHTML(t, string(d.HTML), tt.want, tt.not)
		})
	}
}

func TestTypographerHeadingText(t *testing.T) {
	d := render(t, Options{Typographer: true}, "## \"Quoted\" -- title\n")
	if got, want := d.Headings[0].Text, "“Quoted” – title"; got != want {
		t.Errorf("heading text = %q, want %q", got, want)
	}
}

func TestRenderNeverPanics(t *testing.T) {
	r := New(testOptions())
	for _, src := range []string{"", "\x00", "{:", "{:}", "{::}", "{{", "{%", "[x](", "#", "* TOC\n{:toc}\n{:toc}",
		"{: .a}\n{: .b}", "\t{: .a}", "> {:toc}", "- {: .x}", "[^x]: {: .y}\n[^x]", "| a |\n|---|\n{: .t}"} {
		d := r.Render([]byte(src))
		if d == nil {
			t.Fatalf("Render(%q) = nil", src)
		}
	}
}

func TestErrorString(t *testing.T) {
	e := Error{Line: 3, Col: 5, Msg: "bad", Hint: "fix it"}
	if got, want := e.Error(), "3:5: bad\n\thint: fix it"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := (&Error{Line: 1, Col: 1, Msg: "x"}).Error(), "1:1: x"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLineIndex(t *testing.T) {
	ix := newLineIndex([]byte("ab\ncd\n\nef"))
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 3, 1}, {7, 4, 1}, {8, 4, 2}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := ix.position(tt.off); l != tt.line || c != tt.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestPanicIsRecovered(t *testing.T) {
	opts := Options{Link: func(string) (string, bool) { panic("boom") }}
	d := render(t, opts, "text\n\n[x](a.md)\n")
	want := []string{"1:1: internal error rendering Markdown: boom"}
	if got := errorStrings(d); !reflect.DeepEqual(got, want) {
		t.Errorf("errors = %q, want %q", got, want)
	}
}

func TestErrorsSortedByLineAndColumn(t *testing.T) {
	src := "[a](missing-a.md) {{ site.nope }}\n\n{{ x }} text\n\nPara\n{: bad}\n\n[b](missing-b.md)\n"
	d := render(t, testOptions(), src)
	want := []string{
		`1:1: link to missing file "missing-a.md"`,
		"1:19: unknown variable site.nope",
		"3:1: unsupported Liquid tag {{ x }}",
		`6:1: unknown attribute list reference "bad" in "{: bad}"`,
		`8:1: link to missing file "missing-b.md"`,
	}
	if got := errorStrings(d); !reflect.DeepEqual(got, want) {
		t.Errorf("errors =\n%q\nwant\n%q", got, want)
	}
}

func TestDefaultsAndEmptyInput(t *testing.T) {
	d := render(t, Options{}, "")
	if len(d.HTML) != 0 || len(d.Blocks) != 0 || d.Title != "" || len(d.Errors) != 0 {
		t.Errorf("empty input gave %+v", d)
	}
	o := Options{}.withDefaults()
	if o.TOCMin != 2 || o.TOCMax != 3 || o.AnchorMin != 2 || o.AnchorMax != 4 {
		t.Errorf("defaults = %+v", o)
	}
}

func TestRunInTOC(t *testing.T) {
	r := New(Options{})
	doc := r.Render([]byte("Intro.\n\n__The information we collect__: we collect a little.\n\n**Your Choices:** you may decline.\n\n**Not a heading** because no colon.\n"))
	if len(doc.TOC) != 2 || doc.TOC[0].ID != "the-information-we-collect" || doc.TOC[1].Text != "Your Choices" {
		t.Fatalf("TOC = %+v", doc.TOC)
	}
	if !strings.Contains(string(doc.HTML), `<p id="the-information-we-collect"><strong>`) {
		t.Errorf("run-in paragraph has no id:\n%s", doc.HTML)
	}
	withHeadings := r.Render([]byte("## Real\n\n**Lead:** text.\n"))
	if len(withHeadings.TOC) != 1 || withHeadings.TOC[0].ID != "real" {
		t.Errorf("real headings must win: %+v", withHeadings.TOC)
	}
}
