package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// fastCases are texts around the places goldmark's autolink parser
// looks at (every trigger character before each kind of link, links at a
// line's start, addresses whose '@' lies just inside and just outside the
// 64 bytes of a local part, near misses of each prefix) and text with
// each byte goldmark's HTML writer acts on (entity and character
// references, backslash escapes, NUL, quotes and angle brackets) in text,
// code, link destinations and titles, and raw HTML.
var fastCases = []string{
	"see http://example.com and https://example.com/a?b=c. or ftp://example.com/x",
	"*http://a.example* _www.example.com_ ~www.example.com~ (https://example.com/(x))",
	"www.example.com at a line's start\nwww.example.com after a break\n\twww.example.com after a tab",
	"write to privacy@example.com, or dpo@example.co.uk.",
	"(privacy@example.com) *dpo@example.org* _a@b.example_ ~c@d.example~",
	"x@y no dot, a@b.c-, a@b.c_, @example.com, a.@b.com, -a@b.com",
	strings.Repeat("a", 64) + "@example.com " + strings.Repeat("b", 65) + "@example.com",
	strings.Repeat("c", 63) + "@example.com and " + strings.Repeat("d", 66) + "@x.example",
	"htt://no hxxp://no ftp:/ www example.com w.example.com fttp://x wwww.example.com",
	"[a link www.example.com](https://example.com) and [mail@example.com](x.md)",
	"a `www.example.com` span and ![img www.example.com](i.png)",
	"& www.example.com/a&amp; www.example.com/b&#39; http://example.com/c;",
	"ünïcödé@example.com é www.exämple.com http://例え.jp",
	"line one\nhttp://example.com\n(mail@example.com)\n* list www.example.com\n",
	"| a | www.example.com |\n|---|---|\n| x@example.com | y |\n",
	"&amp; &copy; &#169; &#xA9; &#X41; &nosuch; &#; &#x; & alone, a \\* star, \\\\ and \\ space\\",
	"quotes \" and 'single', <b>raw</b> and a < b > c, `code <x> & \"y\"` and \x00 NUL",
	"[link](https://example.com/?a=1&b=\"2\" \"title & <more>\") and ![alt & <x>](i.png \"t\")",
	"```\n<code> & \"fenced\" \\ \x00\n```\n\n    indented <code> &amp;\n",
	"<div>\nraw & <html>\n</div>\n\n<!-- comment & < -->\n",
	"- [ ] task http://example.com\n- [x] done a@b.example\n",
	"trailing punctuation www.example.com. www.example.com, www.example.com! www.example.com?",
	"a ~~~www.example.com and ~~~a@b.example, *www.example.com*, _a@b.example_, ((www.example.com))",
	"  leading spaces  http://example.com  ",
	"",
	"@",
	"a@",
	"(",
	"*",
}

// TestFastPathsMatchGoldmark renders every case, the Markdown under
// testdata and the seeds with goldmark's own GFM and writer, and with gfm
// and textWriter, and requires the same HTML.
func TestFastPathsMatchGoldmark(t *testing.T) {
	srcs := append([]string(nil), fastCases...)
	add := func(p string) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && strings.Contains(p, "testdata") {
			add(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, p := range seeds {
		add(p)
	}
	if len(seeds) == 0 {
		t.Log("no seeds at ../../../shared/seeds: compared the cases and testdata only")
	}
	if len(srcs) < len(fastCases)+100 {
		t.Fatalf("found only %d Markdown files under testdata", len(srcs)-len(fastCases))
	}
	theirs, ours := fastPair()
	links := 0
	for _, src := range srcs {
		want, got := convert(t, theirs, src), convert(t, ours, src)
		if !bytes.Equal(got, want) {
			t.Errorf("HTML differs for %.80q\n got: %s\nwant: %s", src, got, want)
		}
		links += bytes.Count(want, []byte("<a href="))
	}
	if links < 20 {
		t.Fatalf("only %d links in all the texts: the cases no longer exercise the autolink parser", links)
	}
}

// FuzzFastPaths compares gfm and textWriter with goldmark's GFM and
// writer on any text.
func FuzzFastPaths(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	theirs, ours := fastPair()
	f.Fuzz(func(t *testing.T, src string) {
		defer fuzzbudget.Check(t)()
		if want, got := convert(t, theirs, src), convert(t, ours, src); !bytes.Equal(got, want) {
			t.Fatalf("HTML differs for %q\n got: %s\nwant: %s", src, got, want)
		}
	})
}

// fastPair returns goldmark with its GFM and writer, and goldmark with gfm
// and textWriter, each with the other extensions and options a Renderer
// installs before its own.
func fastPair() (theirs, ours goldmark.Markdown) {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
			goldmark.WithRendererOptions(html.WithUnsafe())),
		goldmark.New(goldmark.WithExtensions(gfm{}, extension.Footnote, extension.DefinitionList),
			goldmark.WithRendererOptions(html.WithUnsafe(), html.WithWriter(newTextWriter())))
}

// convert renders src with md.
func convert(t *testing.T, md goldmark.Markdown, src string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLinkifyFilterOptions checks that linkify options given as parser
// options reach goldmark's parser through the filter, and that the filter
// then asks it everywhere: with "tel:" as an allowed protocol and a URL
// pattern that takes it, a text the default filter skips is a link.
func TestLinkifyFilterOptions(t *testing.T) {
	opts := linkifyParserOptions(
		extension.WithLinkifyAllowedProtocols([]string{"tel:"}),
		extension.WithLinkifyURLRegexp(regexp.MustCompile(`^tel:\+?[0-9]+`)),
	)
	theirs := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(opts...))
	ours := goldmark.New(goldmark.WithExtensions(gfm{}), goldmark.WithParserOptions(opts...))
	src := "call tel:+4930123456 or see http://example.com"
	want, got := convert(t, theirs, src), convert(t, ours, src)
	if !bytes.Equal(got, want) {
		t.Fatalf("with allowed protocols, HTML differs\n got: %s\nwant: %s", got, want)
	}
	if !bytes.Contains(want, []byte(`href="tel:+4930123456"`)) {
		t.Fatalf("goldmark did not take the options (%s); the test no longer tests the filter's pass-through", want)
	}
}

// linkifyParserOptions turns linkify options into the parser options
// they stand for, as a site's own goldmark options would arrive.
func linkifyParserOptions(los ...extension.LinkifyOption) []parser.Option {
	c := parser.NewConfig()
	for _, o := range los {
		o.SetParserOption(c)
	}
	var opts []parser.Option
	for name, value := range c.Options {
		opts = append(opts, parser.WithOption(name, value))
	}
	return opts
}
