package markdown

import (
	"strings"
	"testing"
)

// TestTextHeadPrecedesPlain checks Document.Text: the page's TextHead, a
// line break and the plain text, with Plain and every section's text
// pieces of it; and the head alone for a body without text.
func TestTextHeadPrecedesPlain(t *testing.T) {
	const head = "Quillmere terms\n===============\n"
	r := New(Options{})
	src := "Opening words.\n\n## Refunds\n\nWithin 30 days.\n\n## Contact\n\nWrite to us.\n"
	with := r.RenderPage([]byte(src), Page{Record: true, TextHead: head})
	without := r.RenderPage([]byte(src), Page{Record: true})
	if got, want := string(with.Text), head+"\n"+string(without.Plain); got != want {
		t.Fatalf("Text:\n%q\nwant\n%q", got, want)
	}
	if string(with.Plain) != string(without.Plain) || string(without.Text) != string(without.Plain) {
		t.Fatalf("Plain with a head %q, without %q, Text without %q", with.Plain, without.Plain, without.Text)
	}
	if len(with.Sections) != 2 || with.Sections[1].Text != "Contact\n-------\n\nWrite to us.\n" {
		t.Fatalf("sections: %+v", with.Sections)
	}
	for i, s := range with.Sections {
		if s.Text != without.Sections[i].Text || !strings.Contains(string(with.Plain), s.Text) {
			t.Errorf("section %d text %q, without a head %q", i, s.Text, without.Sections[i].Text)
		}
	}
	if &with.Text[len(head)+1] != &with.Plain[0] {
		t.Error("Plain is not the tail of Text: the text was copied")
	}
	empty := r.RenderPage([]byte("<!-- nothing to read -->\n"), Page{Record: true, TextHead: head})
	if string(empty.Text) != head || len(empty.Plain) != 0 {
		t.Errorf("empty body: Text %q, Plain %q; want the head alone", empty.Text, empty.Plain)
	}
}

// TestParagraphLinesMatchBlock checks that writePlain's direct writing of
// top-level paragraphs gives the text that block's lines give: blank
// lines between blocks, hard breaks, trailing white space cut, and a
// paragraph without text left out.
func TestParagraphLinesMatchBlock(t *testing.T) {
	src := "First  \nhard break\\\nand a soft\nbreak with trailing tab\t\n\n" +
		"Code at a break `x `\\\nnext line\n\n" +
		"<span></span>\n\n" + // a paragraph of inline HTML only: no text
		"\u00a0Non-breaking space around\u00a0\n\n" +
		"## Heading\n\nA [link](https://quillmere.example/a) and ![alt](/i.png) and `code`.\n\n" +
		"- item\n\nLast paragraph.   \n"
	r := New(Options{})
	doc := r.RenderPage([]byte(src), Page{Record: true})
	root, st := r.parse([]byte(src), Page{})
	w := &plainWriter{src: st.src}
	var want []byte
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		lines := w.block(c)
		if len(lines) == 0 {
			continue
		}
		if len(want) > 0 {
			want = append(want, '\n')
		}
		for _, l := range lines {
			want = append(append(want, strings.TrimRight(l, " \t")...), '\n')
		}
	}
	if string(doc.Plain) != string(want) {
		t.Errorf("plain text:\n%q\nwant (from block):\n%q", doc.Plain, want)
	}
}
