package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

// convertHTMLString converts an HTML snippet and returns its Markdown body.
func convertHTMLString(t *testing.T, src string) (string, *Result) {
	t.Helper()
	res, err := Convert([]byte(src), Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	md := string(res.Markdown)
	return md[strings.Index(md[3:], "---\n")+8:], res
}

// htmlCase is an HTML snippet after a title, the lines its Markdown must
// hold and the text it must not.
type htmlCase struct {
	name, html string
	want, not  []string
}

// checkHTMLCases converts each case's snippet under an h1 title.
func checkHTMLCases(t *testing.T, tests []htmlCase) {
	t.Helper()
	for _, tt := range tests {
		md, _ := convertHTMLString(t, "<h1>Policy</h1>"+tt.html)
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: want %q in\n%s", tt.name, w, md)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(md, w) {
				t.Errorf("%s: %q should be gone from\n%s", tt.name, w, md)
			}
		}
	}
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
		not        []string
	}{
		{"section about cookies is kept",
			`<h1>Privacy</h1><section id="cookies" class="cookie-section"><h2>Cookies</h2><p>We set two cookies.</p></section>`,
			[]string{"## Cookies {#cookies}", "We set two cookies."}, nil},
		{"article header with the title and date is kept",
			`<body><article><header><h1>Terms</h1><p>Effective date: 2024-03-01</p></header><p>Body text.</p></article></body>`,
			[]string{"Body text."}, []string{"Effective date"}},
		{"sections at h3 move up to h2",
			`<h1>T</h1><h3>One</h3><h4>Sub</h4><h3>Two</h3>`,
			[]string{"## One\n\n### Sub\n\n## Two"}, nil},
		{"several h1 sections become h2",
			`<title>Data Policy - Example</title><h1>Intro</h1><p>x</p><h1>More</h1>`,
			[]string{"## More"}, nil},
		{"named anchors",
			`<h1>T</h1><p><a name="sec-1"></a>Paragraph one.</p><p id="p2">Two <span id="bad id">x</span></p>`,
			[]string{"Paragraph one.\n{: #sec-1}", "Two x\n{: #p2}"}, nil},
		{"two anchors on one heading",
			`<h1>T</h1><a id="old"></a><h2 id="new">Rights</h2>`,
			[]string{`<a id="old"></a>`, "## Rights {#new}"}, nil},
		{"code and definitions",
			"<h1>T</h1><pre><code class=\"language-json\">{\"a\": 1}\n```</code></pre><dl><dt>Data</dt><dd>Facts about you.</dd></dl>",
			[]string{"````json\n{\"a\": 1}\n```\n````", "Data\n: Facts about you."}, nil},
		{"table without header, with colspan",
			`<h1>T</h1><table><tr><td colspan="2">Wide</td></tr><tr><td>a</td><td>b</td></tr></table>`,
			[]string{"| Wide |  |\n| --- | --- |\n| a | b |"}, nil},
		{"links and emphasis",
			`<h1>T</h1><p>See <a href="/a b">this</a>, <a href="javascript:void(0)">that</a>, <em> spaced </em>text and <strong><b>bold</b></strong>.</p>`,
			[]string{"See [this](</a b>), that, *spaced* text and **bold**."}, nil},
		{"an unclosed b does not swallow the blocks after it",
			"<h1>T</h1><p>Intro <b>bold.</p>\n<table><tr><th>A</th></tr><tr><td>1</td></tr></table><ul><li>One<li>Two</ul><h2>Next</h2><p>After.</p>",
			[]string{"Intro **bold.**\n\n| A |\n| --- |\n| 1 |\n\n- One\n- Two\n\n## Next\n\nAfter."}, []string{"**A", "**One", "**Next"}},
		{"an inline element around a block keeps its formatting on inline runs",
			`<h1>T</h1><b id="b1">Intro <div>Block</div> tail</b>`,
			[]string{"**Intro**\n{: #b1}\n\nBlock\n\n**tail**"}, nil},
		{"nested inline elements around a block",
			`<h1>T</h1><i><b>x<p>y</p>z</b></i>`,
			[]string{"***x***\n\ny\n\n***z***"}, nil},
		{"an anchor around a heading names the heading",
			`<h1>T</h1><p>Text.</p><a name="s1"><h2>Title</h2></a>`,
			[]string{"Text.\n\n## Title {#s1}"}, nil},
		{"hidden and aria-hidden are dropped",
			`<h1>T</h1><p hidden>secret</p><div aria-hidden="true">icon</div><p>shown</p>`,
			[]string{"shown"}, []string{"secret", "icon"}},
	}
	for _, tt := range tests {
		md, _ := convertHTMLString(t, tt.html)
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: want %q in\n%s", tt.name, w, md)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(md, w) {
				t.Errorf("%s: %q should be gone from\n%s", tt.name, w, md)
			}
		}
	}
}

func TestHTMLTitle(t *testing.T) {
	_, res := convertHTMLString(t, `<html><head><title>Example | Privacy Notice</title></head><body><p>No heading here at all.</p></body></html>`)
	if res.Title != "Privacy Notice" {
		t.Errorf("title from <title>: %q", res.Title)
	}
	_, res = convertHTMLString(t, `<h1>Terms</h1><p>Effective date: <time datetime="2024-03-01T00:00:00Z">March 1st</time></p>`)
	if res.Effective.Format("2006-01-02") != "2024-03-01" || res.LastRevised.Format("2006-01-02") != "2024-03-01" {
		t.Errorf("dates from <time>: %v %v", res.Effective, res.LastRevised)
	}
}

func TestConvertInput(t *testing.T) {
	if _, err := Convert([]byte{0xff, 0xfe, 'a'}, Options{}); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if _, err := Convert([]byte(" \n\t"), Options{}); err == nil {
		t.Error("empty input: no error")
	}
	for name, src := range map[string]string{"page.htm": "hello", "x": "<!DOCTYPE html><p>x", "y": "<!-- saved --><html>"} {
		if !isHTML(name, []byte(src)) {
			t.Errorf("isHTML(%q, %q) = false", name, src)
		}
	}
	if isHTML("notes.txt", []byte("<html>")) || isHTML("-", []byte("Privacy <b>policy</b>")) {
		t.Error("isHTML: plain text read as HTML")
	}
	res, err := Convert([]byte("1. INTRODUCTION\n\nSome text here."), Options{Name: "cookie-policy.txt"})
	if err != nil || res.Title != "Cookie policy" || !strings.Contains(string(res.Markdown), "## 1. INTRODUCTION") {
		t.Errorf("title from the file name: %v %q\n%s", err, res.Title, res.Markdown)
	}
	if !strings.Contains(string(res.Markdown), "description: 'TODO:") && !strings.Contains(string(res.Markdown), `description: "TODO:`) {
		t.Errorf("no description placeholder:\n%s", res.Markdown)
	}
}

func TestTextStructure(t *testing.T) {
	src := "PRIVACY POLICY\nLast updated: 2024-02-03\n\nINTRODUCTION\nWe are a company that does things.\n\n2.1 Early subsection\n\nB. Lettered\n\n• one\n    ◦ nested\n• two\n\nA short line\nstill the same paragraph\n(i) but this stays on its own line\n"
	res, err := Convert([]byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(res.Markdown)
	for _, w := range []string{"title: PRIVACY POLICY", "last_revised: 2024-02-03", "## INTRODUCTION\n\nWe are a company that does things.",
		"### 2.1 Early subsection", "### B. Lettered", "- one\n  - nested\n- two", "still the same paragraph\\\n(i) but"} {
		if !strings.Contains(md, w) {
			t.Errorf("want %q in\n%s", w, md)
		}
	}
}

// FuzzConvert checks that no input makes Convert panic or write Markdown
// that is not UTF-8.
func FuzzConvert(f *testing.F) {
	f.Add([]byte("Banner - learn more\n\nPrivacy Policy\n\nLast updated: 01/05/2024\n\n1. DATA\n\n• a\n  - b\n(a) x"), false)
	f.Add([]byte(`<h1>T</h1><table><tr><td colspan="99999">x</td></tr></table><ol start="-3"><li><p>a</p><p>b</p></li></ol>`), true)
	f.Add([]byte("<a name=x></a><h3 id=\"a b\">é</h3><pre>```</pre><dl><dd>x</dd></dl>"), true)
	f.Add([]byte("<p>a <i>b</p>\n<table><tr><td>x</table><a name=s><h2>y<div>z</div></h2></a>"), true)
	f.Add([]byte(`<h1 id=t>T<a href="#t">¶</a></h1><h2><a href="#">x</a><a href="#top">top</a></h2><a class=anchor href="#y"></a><p><em id=e>Last updated: 2025-01-02<br>b</em><span>Effective May 4, 2026</span><span>Effective: x</span></p>`), true)
	f.Add([]byte(`<div role=note>We are updating our privacy policy on 1 May 2025</div><div class=cookie-bar>cookies<button>Accept</button></div><div class=banner>Last updated: 1 May 2025</div>`), true)
	f.Fuzz(func(t *testing.T, src []byte, html bool) {
		defer fuzzbudget.Check(t)()
		res, err := Convert(src, Options{HTML: html})
		if err == nil && !utf8.Valid(res.Markdown) {
			t.Errorf("output is not UTF-8: %q", res.Markdown)
		}
	})
}
