package site

import (
	"errors"
	"strings"
	"testing"
)

// TestJekyllMarkdownCheck checks what `clause check` says about Markdown
// as Jekyll sites write it: links to ids set by heading attribute lists
// resolve, and a broken link whose destination holds Liquid is reported
// at the tag in the file, as written.
func TestJekyllMarkdownCheck(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body, want string }{
		{"link to a heading IAL id", "See [x](#accounts) and [y](terms.md#liability).\n\n## Your account {: #accounts }\n", ""},
		{"broken link through Liquid", "{{ site.title }} says: see [x]({{ page.url }}#nowhere).\n\n## Rights\n",
			`content/privacy.md:7:32: warning: broken link "{{ page.url }}#nowhere": /privacy/ has no section #nowhere`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, out := runCheck(t, map[string]string{"content/privacy.md": page(tt.body)}, nil)
			if tt.want == "" && out != "" || !strings.Contains(out, tt.want) {
				t.Errorf("check output:\n%s\nwant %q", out, tt.want)
			}
		})
	}
}

// TestJekyllMarkdownErrors checks that Liquid and Hugo shortcode errors
// name the line and column of the file, after the front matter and after
// values inserted earlier on the line.
func TestJekyllMarkdownErrors(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{
		"clause.yaml": "title: Test\nparams:\n  company: Northwind Rope & Sail\n",
		"content/privacy.md": page("We are {{ site.company }}; write to {{ site.nope }}.\n\n" +
			"{{< figure src=\"a.png\" >}}\n\n{% include footer.html %}\n"),
	})
	_, _, err := build(t, src, nil)
	var be *BuildError
	if !errors.As(err, &be) {
		t.Fatalf("build error = %v", err)
	}
	got := be.Error()
	for _, want := range []string{
		"content/privacy.md:7:37: unknown variable site.nope",
		`content/privacy.md:9:1: Hugo shortcode {{< figure src="a.png" >}}`,
		"content/privacy.md:11:1: unsupported Liquid tag {% include footer.html %}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Liquid tag {{<") {
		t.Errorf("shortcode reported as Liquid:\n%s", got)
	}
}
