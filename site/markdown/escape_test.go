package markdown

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// escapeSamples are texts full of Markdown syntax that must come out of
// a renderer exactly as written.
var escapeSamples = []string{
	"plain words",
	"*bold* and _em_ and **strong** and ~~gone~~",
	"[a link](https://example.com) and ![an image](x.png)",
	"`code` and <b>html</b> and <!-- a comment --> and &amp; &copy; &#169;",
	"# not a heading",
	"## nor this",
	"- not a list item",
	"+ nor this",
	"> not a quote",
	"1. not a numbered item",
	"2) nor this",
	"--- not a break",
	"=== not an underline",
	"a backslash \\ and \\* an escaped star",
	"line one\n# line two\n- line three",
	"pipes | in | text",
	"trailing backslash \\",
	"https://example.com/?a=1&b=2",
	"ünïcödé & emoji 🙂 <tag>",
}

// renderInline renders md with GFM (without linkify, which adds links to
// plain text on purpose) and returns the text inside the single wrapper
// element it expects, failing when anything else (a tag, another block)
// appears.
func renderInline(t *testing.T, md, open, close string) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	inner, ok := strings.CutPrefix(got, open)
	if ok {
		inner, ok = strings.CutSuffix(inner, close)
	}
	if !ok || strings.ContainsAny(inner, "<>") {
		t.Fatalf("%q rendered as %q, want only text in %s…%s", md, got, open, close)
	}
	return html.UnescapeString(inner)
}

func TestEscapeTextRendersAsWritten(t *testing.T) {
	for _, s := range escapeSamples {
		want := strings.Join(strings.Fields(s), " ")
		for _, c := range []struct{ format, open, close string }{
			{"%s", "<p>", "</p>\n"},
			{"# %s", "<h1>", "</h1>\n"},
			{"- %s", "<ul>\n<li>", "</li>\n</ul>\n"},
			{"**What changes:** %s", "<p><strong>What changes:</strong> ", "</p>\n"},
		} {
			md := strings.Replace(c.format, "%s", EscapeText(s), 1)
			if got := renderInline(t, md, c.open, c.close); got != want {
				t.Errorf("EscapeText(%q) in %q rendered %q, want %q", s, c.format, got, want)
			}
		}
	}
}

func TestEscapeTextStaysReadable(t *testing.T) {
	for s, want := range map[string]string{
		"Questions? Write to privacy@example.com.": "Questions? Write to privacy@example.com.",
		"We no longer sell data (see section 4).":  "We no longer sell data (see section 4).",
		"2025. A year of changes":                  "2025\\. A year of changes",
		"-5 days":                                  "\\-5 days",
	} {
		if got := EscapeText(s); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestEscapeAllInTableCell(t *testing.T) {
	for _, s := range escapeSamples {
		want := strings.Join(strings.Fields(s), " ")
		md := "| a |\n| --- |\n| " + EscapeAll(s) + " |\n"
		got := renderInline(t, md, "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>", "</td>\n</tr>\n</tbody>\n</table>\n")
		if got != want {
			t.Errorf("EscapeAll(%q) in a table cell rendered %q, want %q", s, got, want)
		}
	}
}
