package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// linkifyCases are texts around the places goldmark's autolink parser
// looks at: every trigger character before each kind of link, links at a
// line's start, addresses whose '@' lies just inside and just outside the
// 64 bytes of a local part, and near misses of each prefix.
var linkifyCases = []string{
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
	"- [ ] task http://example.com\n- [x] done a@b.example\n",
	"trailing punctuation www.example.com. www.example.com, www.example.com! www.example.com?",
	"  leading spaces  http://example.com  ",
	"",
	"@",
	"a@",
	"(",
	"*",
}

// TestLinkifyFilterMatchesGoldmark renders every case, the Markdown under
// testdata and the seeds with goldmark's own GFM and with gfm, and requires
// the same HTML.
func TestLinkifyFilterMatchesGoldmark(t *testing.T) {
	srcs := append([]string(nil), linkifyCases...)
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
	if len(srcs) < len(linkifyCases)+100 {
		t.Fatalf("found only %d Markdown files under testdata", len(srcs)-len(linkifyCases))
	}
	theirs, ours := linkifyPair()
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

// FuzzLinkifyFilter compares gfm with goldmark's GFM on any text.
func FuzzLinkifyFilter(f *testing.F) {
	for _, s := range linkifyCases {
		f.Add(s)
	}
	theirs, ours := linkifyPair()
	f.Fuzz(func(t *testing.T, src string) {
		defer fuzzbudget.Check(t)()
		if want, got := convert(t, theirs, src), convert(t, ours, src); !bytes.Equal(got, want) {
			t.Fatalf("HTML differs for %q\n got: %s\nwant: %s", src, got, want)
		}
	})
}

// linkifyPair returns goldmark with its GFM and goldmark with gfm, each
// with the other extensions a Renderer installs before its own.
func linkifyPair() (theirs, ours goldmark.Markdown) {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList)),
		goldmark.New(goldmark.WithExtensions(gfm{}, extension.Footnote, extension.DefinitionList))
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
