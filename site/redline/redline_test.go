package redline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

func TestSummary(t *testing.T) {
	cases := []struct {
		r    Redline
		want string
	}{
		{Redline{}, "0 sections changed, 0 added, 0 removed"},
		{Redline{Changed: 1, Added: 1}, "1 section changed, 1 added, 0 removed"},
		{Redline{Changed: 3, Added: 1}, "3 sections changed, 1 added, 0 removed"},
		{Redline{Removed: 2}, "0 sections changed, 0 added, 2 removed"},
	}
	for _, c := range cases {
		if got := c.r.Summary(); got != c.want {
			t.Errorf("Summary() = %q, want %q", got, c.want)
		}
	}
}

func TestIdentical(t *testing.T) {
	doc := blocksFromHTML(`<p>Intro</p><h2 id="a">A</h2><p>x <a href="/y">y</a></p><table><tr><td>1</td></tr></table>`)
	r := diff(doc, doc)
	if strings.Contains(r.HTML, "<ins") || strings.Contains(r.HTML, "<del") {
		t.Errorf("identical inputs produced changes:\n%s", r.HTML)
	}
	if got := r.Summary(); got != "0 sections changed, 0 added, 0 removed" {
		t.Errorf("Summary() = %q", got)
	}
	for _, s := range r.Sections {
		if s.Status != Unchanged {
			t.Errorf("section %q is %v", s.ID, s.Status)
		}
	}
	if len(r.ChangedIDs()) != 0 {
		t.Errorf("ChangedIDs() = %v, want empty", r.ChangedIDs())
	}
}

func TestChangedIDs(t *testing.T) {
	old := blocksFromHTML(`<p>Intro</p><h2 id="a">A</h2><p>one</p><h2 id="b">B</h2><p>two</p><h2 id="gone">Gone</h2><p>bye</p>`)
	new := blocksFromHTML(`<p>Intro!</p><h2 id="a">A</h2><p>one</p><h2 id="b">B</h2><p>three</p><h2 id="c">New section</h2><p>hi</p>`)
	r := diff(old, new)
	got := r.ChangedIDs()
	if len(got) != 2 || !got["b"] || !got["c"] {
		t.Errorf("ChangedIDs() = %v, want b and c", got)
	}
	if r.Changed != 2 || r.Added != 1 || r.Removed != 1 {
		t.Errorf("counts = %d/%d/%d, want 2/1/1", r.Changed, r.Added, r.Removed)
	}
}

func TestRenameByBody(t *testing.T) {
	body := `<p>We retain personal information for as long as your account is active and then delete it.</p>`
	old := blocksFromHTML(`<h2 id="retention">Retention</h2>` + body)
	new := blocksFromHTML(`<h2 id="how-long">How long we keep data</h2>` + body)
	r := diff(old, new)
	if len(r.Sections) != 1 || r.Sections[0].Status != Changed || r.Sections[0].ID != "how-long" {
		t.Fatalf("sections = %+v, want one changed section how-long", r.Sections)
	}
	if r.Sections[0].OldID != "retention" {
		t.Errorf("OldID = %q, want the old heading's id, retention", r.Sections[0].OldID)
	}
	if strings.Contains(r.HTML, "removed-") {
		t.Errorf("renamed section shown as removed:\n%s", r.HTML)
	}
}

// OldID names a section's id in the old version: its own for a kept or
// removed section, none for an added one.
func TestOldIDs(t *testing.T) {
	old := blocksFromHTML(`<p>Preamble</p><h2 id="a">A</h2><h2 id="b">B</h2><h2 id="c">C</h2>`)
	new := blocksFromHTML(`<h2 id="a">A</h2><h2 id="x">Xylophone</h2><h2 id="c">C</h2>`)
	want := map[string]string{"": "", "a": "a", "b": "b", "x": "", "c": "c"}
	for _, s := range diff(old, new).Sections {
		if s.OldID != want[s.ID] {
			t.Errorf("section %q: OldID = %q, want %q", s.ID, s.OldID, want[s.ID])
		}
	}
}

func TestRemovedPlacement(t *testing.T) {
	old := blocksFromHTML(`<p>Preamble</p><h2 id="a">A</h2><h2 id="b">B</h2><h2 id="c">C</h2>`)
	new := blocksFromHTML(`<h2 id="a">A</h2><h2 id="x">Xylophone</h2><h2 id="c">C</h2>`)
	r := diff(old, new)
	var got []string
	for _, s := range r.Sections {
		got = append(got, s.Status.String()+":"+s.ID)
	}
	want := "removed: unchanged:a removed:b added:x unchanged:c"
	if strings.Join(got, " ") != want {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestDuplicateAndEmptyIDs(t *testing.T) {
	old := []Block{
		{Kind: "heading", ID: "", Section: "", HTML: "<h2>Untitled</h2>"},
		{Kind: "heading", ID: "x", Section: "x", HTML: `<h2 id="x">X</h2>`},
		{Kind: "paragraph", Section: "", HTML: "<p>back to preamble</p>"},
		{Kind: "heading", ID: "x", Section: "x", HTML: `<h2 id="x">X again</h2>`},
	}
	r := diff(old, nil)
	if err := checkWellFormed(r.HTML, false); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range r.Sections {
		if seen[s.Anchor] {
			t.Errorf("duplicate anchor %q", s.Anchor)
		}
		seen[s.Anchor] = true
	}
	if r.Removed != 4 {
		t.Errorf("Removed = %d, want 4", r.Removed)
	}
}

func TestDeterministic(t *testing.T) {
	old, new := benchDocs(7)
	first := diff(old, new).HTML
	for i := 0; i < 3; i++ {
		if got := diff(old, new).HTML; got != first {
			t.Fatal("output differs between runs")
		}
	}
	if err := checkWellFormed(first, true); err != nil {
		t.Fatal(err)
	}
}

func TestMalformedInput(t *testing.T) {
	inputs := []string{
		"<p>unclosed <b>bold <i>both",
		"</div></p>stray end tags<li>item<li>item",
		"<table><tr><td>a<td>b<tr><td>c</table>",
		"<script>alert(1)</script><p>x</p><style>p{}</style>",
		"<div/><span/>text<br/><img src=x alt='a&b'>",
		"<svg><path d='M0'/></svg><math><mi>x</mi></math>",
		"<plaintext><p>not a tag",
		"<a href=x><div>block in link</div></a>",
		"<textarea><b>rcdata</b></textarea><title>t</title>",
		strings.Repeat("<b>", 1000) + "deep",
	}
	for _, a := range inputs {
		for _, b := range inputs {
			old := []Block{{Kind: "paragraph", HTML: a}}
			new := []Block{{Kind: "paragraph", HTML: b}}
			r := diff(old, new)
			if err := checkWellFormed(r.HTML, false); err != nil {
				t.Errorf("Diff(%q, %q): %v\n%s", a, b, err, r.HTML)
			}
		}
	}
}

// FuzzDiff checks that diff never panics and always returns well-formed
// HTML, both for documents split by an HTML parser and for raw,
// unrepaired blocks.
func FuzzDiff(f *testing.F) {
	f.Add("<h2 id=a>A</h2><p>x y z</p>", "<h2 id=a>A</h2><p>x q z</p>")
	f.Add("<table><tr><td>1</td></tr></table>", "<table><tr><td>2</td></tr><tr><td>3</td></tr></table>")
	f.Add("#a\n\n<p>one <b>two</b></p>\n\n#b\n\nthree", "#a\n\n<p>one <i>two</p>\n\n#c\n\nthree")
	f.Add("<ul><li>a<li>b</ul>", "<ol><li>a</ol><p>&amp;&nbsp;&lt;</p>")
	f.Add("<p>a<script>x</script>b</p>", "<p>a<!--c-->b<svg/></p>")
	f.Fuzz(func(t *testing.T, a, b string) {
		defer fuzzbudget.Check(t)()
		for _, pair := range [][2][]Block{
			{blocksFromHTML(a), blocksFromHTML(b)},
			{rawBlocks(a), rawBlocks(b)},
			{wellFormed(blocksFromHTML(a)), wellFormed(blocksFromHTML(b))},
		} {
			r := diff(pair[0], pair[1])
			if err := checkWellFormed(r.HTML, false); err != nil {
				t.Fatalf("%v\n%s", err, r.HTML)
			}
			if n := r.Changed + r.Added + r.Removed; n > len(r.Sections) {
				t.Fatalf("counts %d exceed %d sections", n, len(r.Sections))
			}
		}
	})
}

// wellFormed marks blocks WellFormed, as the site does for blocks without
// raw HTML; blocksFromHTML's blocks are serialized by an HTML renderer.
func wellFormed(blocks []Block) []Block {
	for i := range blocks {
		blocks[i].WellFormed = true
	}
	return blocks
}

// TestLongRuns checks that very long runs of text, which switch to a
// line-level diff first, still mark only the changed words.
func TestLongRuns(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&a, "line %d says alpha.\n", i)
		if i%100 == 7 {
			fmt.Fprintf(&b, "line %d says beta.\n", i)
		} else {
			fmt.Fprintf(&b, "line %d says alpha.\n", i)
		}
	}
	r := diff([]Block{{Kind: "code", HTML: "<pre>" + a.String() + "</pre>"}},
		[]Block{{Kind: "code", HTML: "<pre>" + b.String() + "</pre>"}})
	if ins, del := strings.Count(r.HTML, "<ins>"), strings.Count(r.HTML, "<del>"); ins != 30 || del != 30 {
		t.Errorf("got %d ins and %d del, want 30 each", ins, del)
	}
	long := strings.Repeat("alpha beta gamma ", 5000)
	r = diff([]Block{{Kind: "paragraph", HTML: "<p>" + long + "</p>"}},
		[]Block{{Kind: "paragraph", HTML: "<p>" + long[:29988] + "delta " + long[29988:] + "</p>"}})
	if ins, del := strings.Count(r.HTML, "<ins>"), strings.Count(r.HTML, "<del>"); ins != 1 || del != 0 {
		t.Errorf("got %d ins and %d del, want 1 and 0", ins, del)
	}
}

// TestChecker makes sure the well-formedness check used by the other
// tests rejects what it should.
func TestChecker(t *testing.T) {
	bad := []string{
		"<p><b>x</p></b>",
		"<p>unclosed",
		"<ins>unlabelled</ins>",
		insOpen + "<p>block</p>" + insClose,
		"<table><tr>" + delOpen + "x" + delClose + "</tr></table>",
		`<h2 id="a"></h2><h3 id="a"></h3>`,
		"<br/>",
	}
	for _, s := range bad {
		if checkWellFormed(s, true) == nil {
			t.Errorf("checkWellFormed(%q) = nil, want an error", s)
		}
	}
	good := `<p>a <img src="x"> ` + insOpen + `<strong>b</strong>` + insClose + `</p>`
	if err := checkWellFormed(good, true); err != nil {
		t.Errorf("checkWellFormed(%q) = %v", good, err)
	}
}

func TestEmpty(t *testing.T) {
	r := diff(nil, nil)
	if r.HTML != "" || len(r.Sections) != 0 || r.Summary() != "0 sections changed, 0 added, 0 removed" {
		t.Errorf("Diff(nil, nil) = %+v", r)
	}
	r = diff(nil, blocksFromHTML(`<p>Hello</p>`))
	if r.Added != 1 || r.Sections[0].Anchor != "change-preamble" {
		t.Errorf("Diff(nil, preamble) = %+v", r)
	}
}

// TestCollapseSpace checks collapseSpace against the two-step definition
// it replaces.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  a  b\n\tc ", "x\u00a0\u2003y", "<p>\n  one</p>\n<p>two </p>", "\xff  \xfe"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
