package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
	"golang.org/x/net/html"
)

const blocksSrc = `# Policy

Intro with *emphasis* and {{ site.name }}.

* TOC
{:toc}

## Data we collect

| Kind | Why |
|------|-----|
| Email | Login |

- one
- two

## Your rights {#rights}

> Quoted.

` + "```\ncode {{ site.x }}\n```" + `

<div class="box">Box</div>

---

Term
: Meaning

Claim[^1].

[^1]: Source.
`

func TestBlocks(t *testing.T) {
	d := render(t, testOptions(), blocksSrc)
	checkNoErrors(t, d)
	type row struct {
		Kind        BlockKind
		Section, ID string
		Level, Line int
		Text        string
	}
	want := []row{
		{"paragraph", "", "", 0, 3, "Intro with emphasis and Acme & Sons."},
		{"toc", "", "", 0, 5, ""},
		{"heading", "data-we-collect", "data-we-collect", 2, 8, "Data we collect"},
		{"table", "data-we-collect", "", 0, 10, "Kind\nWhy\nEmail\nLogin"},
		{"list", "data-we-collect", "", 0, 14, "one\ntwo"},
		{"heading", "rights", "rights", 2, 17, "Your rights"},
		{"blockquote", "rights", "", 0, 19, "Quoted."},
		{"code", "rights", "", 0, 21, "code {{ site.x }}"},
		{"html", "rights", "", 0, 25, `<div class="box">Box</div>`},
		{"hr", "rights", "", 0, 27, ""},
		{"deflist", "rights", "", 0, 29, "Term\nMeaning"},
		{"paragraph", "rights", "", 0, 32, "Claim."},
		{"footnotes", "rights", "", 0, 34, "Source."},
	}
	var got []row
	for _, b := range d.Blocks {
		got = append(got, row{b.Kind, b.Section, b.ID, b.Level, b.Line, b.Text})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n%s\nwant:\n%s", fmt.Sprint(got), fmt.Sprint(want))
	}
}

func TestBlocksSliceHTML(t *testing.T) {
	d := render(t, testOptions(), blocksSrc)
	var joined []byte
	for i, b := range d.Blocks {
		joined = append(joined, b.HTML...)
		if len(b.HTML) > 0 && &b.HTML[0] != &d.HTML[len(joined)-len(b.HTML)] {
			t.Errorf("block %d HTML is a copy, not a sub-slice of Document.HTML", i)
		}
		if cap(b.HTML) != len(b.HTML) {
			t.Errorf("block %d HTML has spare capacity; appends would clobber the next block", i)
		}
	}
	if !bytes.Equal(joined, d.HTML) {
		t.Errorf("blocks do not concatenate to HTML:\n%s\n---\n%s", joined, d.HTML)
	}
	if !strings.HasPrefix(string(d.Blocks[2].HTML), `<h2 id="data-we-collect">`) ||
		!strings.HasPrefix(string(d.Blocks[3].HTML), "<table>") {
		t.Errorf("block boundaries wrong: %q / %q", d.Blocks[2].HTML, d.Blocks[3].HTML)
	}
}

func TestConcurrentRender(t *testing.T) {
	r := New(testOptions())
	srcs := []string{blocksSrc, "# A\n\n# B\n\n## C\n", "[x](missing.md)\n{{ site.nope }}\n", "## X\n\n## X\n{: .c}\n"}
	want := make([]*Document, len(srcs))
	for i, s := range srcs {
		want[i] = r.Render([]byte(s))
	}
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(srcs)
				got := r.Render([]byte(srcs[k]))
				if !reflect.DeepEqual(got, want[k]) {
					t.Errorf("goroutine %d: render of doc %d differs", g, k)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{blocksSrc, "{: .x}", "* TOC\n{:toc}", "{{ site.email }}", "{% x %}",
		"[a](b.md#c)", "# a\n# b", "> {: #x}\n", "| a |\n|--|\n{: .t}", "[^1]\n\n[^1]: x\n{: #fn:1}",
		"> - > 1. x\n  > y\n", "- a\n  ```\n  > b\n  ```\n\t- c\n"} {
		f.Add(s)
	}
	r := New(testOptions())
	f.Fuzz(func(t *testing.T, src string) {
		defer fuzzbudget.Check(t)()
		d := r.Render([]byte(src))
		var joined []byte
		for _, b := range d.Blocks {
			joined = append(joined, b.HTML...)
		}
		if !bytes.Equal(joined, d.HTML) {
			t.Fatalf("blocks do not concatenate to HTML for %q", src)
		}
		for _, e := range d.Errors {
			if strings.HasPrefix(e.Msg, "internal error") {
				t.Fatalf("panic for %q: %s", src, e.Msg)
			}
		}
		for _, b := range d.Blocks {
			if err := balanced(b.HTML); !b.RawHTML && err != nil {
				t.Fatalf("block without RawHTML is not balanced (%v) for %q:\n%s", err, src, b.HTML)
			}
		}
	})
}

// balanced checks that every start tag in an HTML fragment is closed in
// order, void elements aside: what the redline trusts of a block that is
// not flagged RawHTML.
func balanced(frag []byte) error {
	z := html.NewTokenizer(bytes.NewReader(frag))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) > 0 {
				return fmt.Errorf("unclosed <%s>", open[len(open)-1])
			}
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return fmt.Errorf("stray </%s>", name)
			}
			open = open[:len(open)-1]
		}
	}
}

// voidElement lists the elements that have no end tag.
var voidElement = map[string]bool{"area": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "wbr": true}

// TestBlockRawHTML checks that exactly the blocks holding raw HTML, as a
// block or inline, are flagged: the redline trusts the others'
// markup without parsing it.
func TestBlockRawHTML(t *testing.T) {
	src := "Plain *text* and `<code>`.\n\nInline <span>tag.\n\n<div>block</div>\n\n- item with <b>bold</b>\n- plain\n\n## Heading &amp; more\n\n" +
		"Liquid <a href=\"{{ site.url }}\">home</a>.\n"
	r := New(Options{Var: func(scope, key string) (string, bool) { return "https://example.com/", true }})
	doc := r.Render([]byte(src))
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%s:%v", b.Kind, b.RawHTML))
	}
	want := []string{"paragraph:false", "paragraph:true", "html:true", "list:true", "heading:false", "paragraph:true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RawHTML flags = %v, want %v", got, want)
	}
}
