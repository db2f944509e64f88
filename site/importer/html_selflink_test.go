package importer

import (
	"strings"
	"testing"
)

func TestHeadingSelfLinks(t *testing.T) {
	checkHTMLCases(t, []htmlCase{
		{"a hash after the text", `<h2 id="x">Data <a href="#x">#</a></h2>`, []string{"## Data {#x}\n"}, []string{"](#x)"}},
		{"a pilcrow before the text", `<h2 id="x"><a class="anchor" href="#x">¶</a> Data</h2>`, []string{"## Data {#x}\n"}, []string{"¶"}},
		{"an aria-hidden icon", `<h2 id="x">Data <a aria-hidden="true" href="#x"><span class="icon"></span></a></h2>`, []string{"## Data {#x}\n"}, []string{"](#x)"}},
		{"a link around the text", `<h2 id="x"><a href="#x">Data we keep</a></h2>`, []string{"## Data we keep {#x}\n"}, []string{"[Data we keep]"}},
		{"a link around the text names the heading", `<h2><a href="#kept">Data we keep</a></h2>`, []string{"## Data we keep {#kept}\n"}, []string{"]("}},
		{"a named link around the text", `<h2><a name="kept" href="#kept">Data we keep</a></h2>`, []string{"## Data we keep {#kept}\n"}, []string{"]("}},
		{"a link with the page's address", `<h2 id="x">Data <a href="https://example.com/privacy#x">🔗</a></h2>`, []string{"## Data {#x}\n"}, []string{"example.com"}},
		{"a link to the page itself", `<h2>Data <a href="#" class="anchor">#</a></h2>`, []string{"## Data\n"}, []string{"](#)"}},
		{"an encoded fragment", `<h2 id="a-b">Data <a href="#a%2Db">#</a></h2>`, []string{"## Data {#a-b}\n"}, []string{"](#a"}},
		{"a number outside a link around the text", `<h2 id="t">1. <a class="anchor-link" href="#t">Terms</a></h2>`, []string{"## 1. Terms {#t}\n"}, []string{"]("}},
		{"a heading that starts with the word link", `<h2 id="t"><a href="#t">Link sharing</a></h2>`, []string{"## Link sharing {#t}\n"}, []string{"]("}},
		{"a link to another section stays", `<h2>See <a href="#other">other</a></h2><p id="other">Other.</p>`, []string{"## See [other](#other)\n"}, nil},
		{"a hash link in a paragraph stays", `<h2 id="x">Data</h2><p>See <a href="#x">data</a>.</p>`, []string{"See [data](#x)."}, nil},
	})
	_, res := convertHTMLString(t, `<h1 id="t">Terms <a class="headerlink" href="#t" title="Permanent link">¶</a></h1><p>Text.</p>`)
	if res.Title != "Terms" {
		t.Errorf("title with a self-link: %q", res.Title)
	}
}

func TestGoldenHeadingSelfLinks(t *testing.T) {
	res, md := convertTestdata(t, "selflinks.html")
	if res.Title != "Privacy Notice" {
		t.Errorf("title %q: the ¶ self-link is part of it", res.Title)
	}
	for _, h := range []string{
		"## Who we are {#who-we-are}",                            // "#" after the text
		"## What we collect {#what-we-collect}",                  // an invisible link with an aria-label
		"## How we use it {#how-we-use-it}",                      // an icon link after the heading names its id
		"## Sharing {#sharing}",                                  // an aria-hidden icon before the text
		"## How long we keep it {#retention}",                    // a link around the text, to its section
		"### Backups {#backups}",                                 // a link with text for screen readers only
		"<a id=\"your-rights\"></a>\n\n## Your rights {#rights}", // the link's own id stays
		"## Contact us {#contact}",                               // a "Back to top" link is navigation
	} {
		if !strings.Contains(md, "\n"+h+"\n") {
			t.Errorf("want the line %q in\n%s", h, md)
		}
	}
	for _, gone := range []string{"¶", "](#who-we-are)", "Back to top", "](#what-we-collect)", "user-content", "Permalink", "Link to this section", "[Your rights]", "\u200b"} {
		if strings.Contains(md, gone) {
			t.Errorf("%q should be gone from\n%s", gone, md)
		}
	}
	for _, link := range []string{"see [how long we keep it](#retention)", "Questions about [sharing](#sharing) go"} {
		if !strings.Contains(md, link) {
			t.Errorf("a link in a paragraph to a section lost its target: want %q", link)
		}
	}
}
