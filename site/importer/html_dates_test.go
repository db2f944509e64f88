package importer

import (
	"strings"
	"testing"
)

func TestDateLinesInOneParagraph(t *testing.T) {
	checkHTMLCases(t, []htmlCase{
		{"lines between date lines stay apart", `<p>Intro line<br>Last updated: March 1, 2025<br>Closing line<br>More</p>`,
			[]string{"Intro line\n\nClosing line\\\nMore"}, []string{"Last updated"}},
		{"a second date of one kind stays as its own paragraph", `<p>Last updated: March 1, 2025<br>Last updated: March 2, 2025</p><p>Text.</p>`,
			[]string{"Last updated: March 2, 2025\n\nText."}, []string{"March 1", `2025\`}},
		{"prose that says effective keeps its break", `<p>This is <em>effective</em> at once.<br>Second line.</p>`,
			[]string{"This is *effective* at once.\\\nSecond line."}, nil},
	})
	_, res := convertHTMLString(t, `<h1>T</h1><p><b>Last updated:</b> <time datetime="2025-03-01">1 March</time><br><b>Effective:</b> <time datetime="2025-04-01">1 April</time></p>`)
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from <time> on lines of one paragraph: %s", got)
	}
	for _, src := range []string{
		`<p class="dates">Last updated: <b>March 1, 2025</b> | Effective: <b>April 1, 2025</b></p>`,
		`<p>Last updated: 2025-03-01 · Effective date: 2025-04-01</p>`,
	} {
		md, res := convertHTMLString(t, "<h1>T</h1>"+src+"<p>Text.</p>")
		if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" || md != "Text.\n" {
			t.Errorf("dates on one line with a separator, %s: %s\n%s", src, got, md)
		}
	}
	md, _ := convertHTMLString(t, `<h1>T</h1><p>Last updated: March 1, 2025</p><p>Last updated: May 1, 2025 | Effective: June 1, 2025</p>`)
	if !strings.Contains(md, `Last updated: May 1, 2025 \| Effective: June 1, 2025`) {
		t.Errorf("a joined line with a date already read is kept whole:\n%s", md)
	}
	_, res = convertHTMLString(t, `<h1>T</h1><p>Effective May 4, 2026</p>`)
	if res.Effective.Format("2006-01-02") != "2026-05-04" {
		t.Errorf("a date label without a colon: %v", res.Effective)
	}
}

func TestGoldenDateLines(t *testing.T) {
	res, md := convertTestdata(t, "datelines.html")
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from two spans with no break between them: %s", got)
	}
	if strings.Contains(res.Description, "Last updated") {
		t.Errorf("the date lines became the description: %q", res.Description)
	}
	// The later date lines are not the page's: each stays a paragraph, a
	// line that clause's reading of dates in the text can read.
	for _, w := range []string{"\n\n**Last updated:** January 5, 2024\n\n", "\n\n**Effective date:** February 1, 2024\n\n", "\n\nAsk us for a copy of this version.\n"} {
		if !strings.Contains(md, w) {
			t.Errorf("want %q in\n%s", w, md)
		}
	}
	for _, l := range []string{"**Last updated:** January 5, 2024", "**Effective date:** February 1, 2024"} {
		if _, _, ok := DateLine(l); !ok {
			t.Errorf("%q is not read as a date line", l)
		}
	}
	if !strings.Contains(md, "Book a wheel up to two weeks ahead.\\\nCancel at least a day before.") {
		t.Errorf("a paragraph without dates lost its line break:\n%s", md)
	}

	res, _ = convertTestdata(t, "datelines-br.html")
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from lines of one emphasised paragraph, one without a colon: %s", got)
	}
}
