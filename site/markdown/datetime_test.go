package markdown

import (
	"strings"
	"testing"
)

func TestDatetimeAttribute(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"on the next line", "Effective May 4, 2026\n{: datetime=\"2026-05-04\" }\n\nText.\n",
			"<p><time datetime=\"2026-05-04\">Effective May 4, 2026</time></p>\n<p>Text.</p>\n"},
		{"on the same line", "Effective May 4, 2026 {: datetime=\"2026-05-04\"}\n\nText.\n",
			"<p><time datetime=\"2026-05-04\">Effective May 4, 2026</time></p>\n<p>Text.</p>\n"},
		{"after emphasis", "*Last updated May 4, 2026*{: datetime=\"2026-05-04\"}\n",
			"<p><em><time datetime=\"2026-05-04\">Last updated May 4, 2026</time></em></p>\n"},
		{"with other attributes", "Effective May 4, 2026\n{: .date datetime=\"2026-05-04\"}\n",
			"<p class=\"date\"><time datetime=\"2026-05-04\">Effective May 4, 2026</time></p>\n"},
		{"in a list item", "- Effective May 4, 2026\n  {: datetime=\"2026-05-04\"}\n",
			"<ul>\n<li><time datetime=\"2026-05-04\">Effective May 4, 2026</time></li>\n</ul>\n"},
		{"escaped", "Effective soon\n{: datetime=\"<b>&\"}\n",
			"<p><time datetime=\"&lt;b&gt;&amp;\">Effective soon</time></p>\n"},
		{"same line with another attribute stays text", "Effective May 4 {: .x datetime=\"2026-05-04\"}\n",
			"<p>Effective May 4 {: .x datetime=&quot;2026-05-04&quot;}</p>\n"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := r.Render([]byte(tt.src))
			if string(doc.HTML) != tt.want || len(doc.Errors) != 0 {
				t.Errorf("got:\n%s\nwant:\n%s\nerrors: %v", doc.HTML, tt.want, doc.Errors)
			}
		})
	}
	doc := r.Render([]byte("Effective May 4, 2026 {: datetime=\"2026-05-04\"}\n"))
	if len(doc.Blocks) != 1 || strings.TrimSpace(doc.Blocks[0].Text) != "Effective May 4, 2026" {
		t.Errorf("blocks: %+v", doc.Blocks)
	}
}

func TestDatetimeOnHeading(t *testing.T) {
	doc := New(Options{}).Render([]byte("## Effective May 4, 2026\n{: datetime=\"2026-05-04\"}\n\n## Data\n"))
	want := "<h2 id=\"effective-may-4-2026\"><time datetime=\"2026-05-04\">Effective May 4, 2026</time><a class=\"anchor\""
	if !strings.HasPrefix(string(doc.HTML), want) {
		t.Errorf("got:\n%s\nwant prefix:\n%s", doc.HTML, want)
	}
	if len(doc.Headings) != 2 || doc.Headings[0].Text != "Effective May 4, 2026" || strings.Contains(string(doc.TOCHTML), "<time") {
		t.Errorf("headings %+v, toc %s", doc.Headings, doc.TOCHTML)
	}
}
