package markdown

import (
	"fmt"
	"testing"
)

func TestTry(t *testing.T) {
	r := New(Options{Var: func(s, k string) (string, bool) { if k == "email" { return "a@b.c", true }; return "", false },
		Link: func(p string) (string, bool) { if p == "missing.md" { return "", false }; return "/" + p[:len(p)-3] + "/", true }})
	src := `# Title

* TOC
{:toc}

## Hello *World* {#custom}

Para with {{ site.email }} and [mail](mailto:{{site.email}}) and [doc](other.md#frag) [miss](missing.md).
{: .lead #intro}

### Sub

| a | b |
|---|---|
| 1 | 2 |
{: .tbl}

* one
* two
{: .lst}

> quote
{: .bq}

{% include x.html %}

` + "`{{ site.x }}`" + `

<p class="lead">raw {{ site.email }}</p>

Footnote[^1].

[^1]: Note.

Term
: Def

- [x] done
`
	d := r.Render([]byte(src))
	fmt.Printf("%s\n---\n%q\n%s\n", d.HTML, d.Title, d.TOCHTML)
	for _, e := range d.Errors { fmt.Println(e) }
	for _, b := range d.Blocks { fmt.Printf("%s %q %d %q\n", b.Kind, b.Section, b.Line, b.Text) }
}
