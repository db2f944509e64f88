package markdown

import (
	"fmt"
	"reflect"
	"testing"
)

func TestLinkRewriting(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"relative md", "[t](terms.md)", `<a href="/terms/">t</a>`},
		{"fragment kept", "[t](legal/terms.md#retention)", `<a href="/legal/terms/#retention">t</a>`},
		{"query and fragment kept", "[t](terms.md?v=2#x)", `<a href="/terms/?v=2#x">t</a>`},
		{"dot-dot path", "[t](../cookies.markdown)", `<a href="/../cookies/">t</a>`},
		{"unescaped path", "[t](my%20terms.md)", `<a href="/my%20terms/">t</a>`},
		{"upper-case extension", "[t](README.MD)", `<a href="/README.MD/">t</a>`},
		{"image", "![d](diagram.md)", `<img src="/diagram/" alt="d">`},
		{"reference link", "[t][r]\n\n[r]: terms.md#a", `<a href="/terms/#a">t</a>`},
		{"external untouched", "[t](https://example.com/terms.md)", `<a href="https://example.com/terms.md">t</a>`},
		{"scheme-relative untouched", "[t](//example.com/terms.md)", `<a href="//example.com/terms.md">t</a>`},
		{"absolute untouched", "[t](/terms.md)", `<a href="/terms.md">t</a>`},
		{"fragment only untouched", "[t](#terms.md)", `<a href="#terms.md">t</a>`},
		{"mailto untouched", "[t](mailto:a@terms.md)", `<a href="mailto:a@terms.md">t</a>`},
		{"other files untouched", "[t](terms.pdf) [u](page.html#x.md)",
			`<a href="terms.pdf">t</a> <a href="page.html#x.md">u</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, testOptions(), tt.src+"\n")
			checkNoErrors(t, d)
			checkHTML(t, string(d.HTML), []string{tt.want}, nil)
		})
	}
}

func TestLinkMissingFile(t *testing.T) {
	src := "# Title\n\nIntro.\n\nSee [the terms](missing-terms.md#x) and\n![img](img/missing.md).\n"
	d := render(t, testOptions(), src)
	want := []string{`5:5: link to missing file "missing-terms.md"`, `6:1: link to missing file "img/missing.md"`}
	if got := errorStrings(d); !reflect.DeepEqual(got, want) {
		t.Errorf("errors = %q\nwant %q", got, want)
	}
	checkHTML(t, string(d.HTML), []string{`<a href="missing-terms.md#x">`}, nil)
}

func TestNilLinkLeavesLinksAlone(t *testing.T) {
	d := render(t, Options{}, "[t](missing.md#x)\n")
	checkNoErrors(t, d)
	checkHTML(t, string(d.HTML), []string{`<a href="missing.md#x">t</a>`}, nil)
}

func TestLinkRefs(t *testing.T) {
	src := "See [a](terms.md#x) and ![i](logo.png).\n\nRef [r][1].\n\n[1]: /ref/\n"
	d := New(Options{Link: func(p string) (string, bool) { return "/terms/", true }}).Render([]byte(src))
	got := fmt.Sprint(d.Links)
	want := "[{/terms/#x terms.md#x 1 9} {logo.png logo.png 1 30} {/ref/ /ref/ 5 6}]" // a reference link points at its definition
	if got != want {
		t.Errorf("Links = %s\nwant    %s", got, want)
	}
}

func TestFileLinks(t *testing.T) {
	file := func(p string) (string, bool) { return "/files/" + p, p == "seal.png" || p == "a b.pdf" }
	d := New(Options{File: file}).Render([]byte("![s](seal.png) [pdf](a%20b.pdf#page=2) [x](none.png) [t](terms.md) [h](/abs.png)\n"))
	want := `<p><img src="/files/seal.png" alt="s"> <a href="/files/a%20b.pdf#page=2">pdf</a> <a href="none.png">x</a> <a href="terms.md">t</a> <a href="/abs.png">h</a></p>` + "\n"
	if string(d.HTML) != want {
		t.Errorf("HTML =\n%s\nwant\n%s", d.HTML, want)
	}
}
