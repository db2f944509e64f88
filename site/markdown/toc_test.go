package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// tocShape formats a TOC tree as "id(child,child)" lists for comparison.
func tocShape(entries []*TOCEntry) string {
	var parts []string
	for _, e := range entries {
		s := fmt.Sprintf("%s:%d", e.ID, e.Level)
		if len(e.Children) > 0 {
			s += "(" + tocShape(e.Children) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func TestTOCTree(t *testing.T) {
	tests := []struct {
		name, src      string
		tocMin, tocMax int
		want           string
	}{
		{"default levels 2-3", "## A\n\n### A1\n\n#### A1a\n\n### A2\n\n## B\n", 0, 0, "a:2(a1:3,a2:3),b:2"},
		{"skipped level nests directly", "## A\n\n#### Deep\n\n### Mid\n", 2, 4, "a:2(deep:4,mid:3)"},
		{"first heading h3 is top level", "### Early\n\n## A\n\n### A1\n", 0, 0, "early:3,a:2(a1:3)"},
		{"after shifting h1s", "# One\n\n## Sub\n\n# Two\n", 0, 0, "one:2(sub:3),two:2"},
		{"title excluded", "# Title\n\n## A\n", 1, 3, "a:2"},
		{"custom range", "## A\n\n### B\n\n#### C\n", 3, 4, "b:3(c:4)"},
		{"empty", "text\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{TOCMin: tt.tocMin, TOCMax: tt.tocMax}, tt.src)
			if got := tocShape(d.TOC); got != tt.want {
				t.Errorf("TOC = %s, want %s", got, tt.want)
			}
			if (len(d.TOC) == 0) != (len(d.TOCHTML) == 0) {
				t.Errorf("TOCHTML = %q with %d entries", d.TOCHTML, len(d.TOC))
			}
		})
	}
}

func TestTOCHTML(t *testing.T) {
	d := render(t, Options{}, "## A & B\n\n### A1\n\n## C\n")
	want := `<ul><li><a href="#a--b">A &amp; B</a><ul><li><a href="#a1">A1</a></li></ul></li>` +
		`<li><a href="#c">C</a></li></ul>`
	if string(d.TOCHTML) != want {
		t.Errorf("TOCHTML =\n%s\nwant\n%s", d.TOCHTML, want)
	}
	if d.HasTOCMarker {
		t.Error("HasTOCMarker without a marker")
	}
}

func TestTOCMarker(t *testing.T) {
	const nav = `<nav class="toc" aria-label="Table of contents"><ul><li><a href="#a">A</a></li></ul></nav>`
	tests := []struct {
		name, src string
		want      string // the HTML before the heading
	}{
		{"kramdown list", "* TOC\n{:toc}\n\n## A\n", nav + "\n"},
		{"ordered list", "1. TOC\n{:toc}\n\n## A\n", nav + "\n"},
		{"dash list, spaced IAL", "- TOC\n{: toc}\n\n## A\n", nav + "\n"},
		{"bare marker", "Intro.\n\n{:toc}\n\n## A\n", "<p>Intro.</p>\n" + nav + "\n"},
		{"extension form", "{::toc}\n\n## A\n", nav + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			checkNoErrors(t, d)
			if !d.HasTOCMarker {
				t.Error("HasTOCMarker = false")
			}
			html := string(d.HTML)
			before, _, ok := strings.Cut(html, "<h2")
			if !ok || before != tt.want {
				t.Errorf("HTML =\n%s\nwant prefix\n%s", html, tt.want)
			}
			if strings.Contains(html, "TOC</li>") || strings.Contains(html, "{:") {
				t.Errorf("marker text leaked:\n%s", html)
			}
		})
	}
}

func TestTOCMarkerWithoutHeadings(t *testing.T) {
	d := render(t, Options{}, "* TOC\n{:toc}\n\nText.\n")
	if !d.HasTOCMarker || string(d.HTML) != "<p>Text.</p>\n" {
		t.Errorf("HasTOCMarker=%v HTML=%q", d.HasTOCMarker, d.HTML)
	}
	if d.Blocks[0].Kind != BlockTOC || len(d.Blocks[0].HTML) != 0 {
		t.Errorf("first block = %+v", d.Blocks[0])
	}
}

func TestOrdinaryListWithTOCWordIsKept(t *testing.T) {
	d := render(t, Options{}, "* TOC\n* More\n\n## A\n")
	checkHTML(t, string(d.HTML), []string{"<li>TOC</li>", "<li>More</li>"}, []string{"<nav"})
}
