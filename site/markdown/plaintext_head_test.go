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
