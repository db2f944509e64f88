package markdown

import (
	"reflect"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello-world"},
		{"  What's new? (2024)  ", "whats-new-2024"},
		{"snake_case and-dash", "snake_case-and-dash"},
		{"A -- B", "a----b"},
		{"Ünïcödé Straße", "ünïcödé-straße"},
		{"日本語 見出し", "日本語-見出し"},
		{"Données à caractère personnel", "données-à-caractère-personnel"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := string(slug([]byte(tt.in))); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name, src string
		ids       []string
		errs      []string
	}{
		{"duplicates get suffixes", "## X\n\n## x\n\n## X\n", []string{"x", "x-1", "x-2"}, nil},
		{"suffix skips taken ids", "## x-1\n\n## x\n\n## x\n", []string{"x-1", "x", "x-2"}, nil},
		{"markup and punctuation dropped", "## What's *new*? `v2` [terms](t.md)\n",
			[]string{"whats-new-v2-terms"}, nil},
		{"unicode kept", "## Données Personnelles\n\n## 個人情報\n", []string{"données-personnelles", "個人情報"}, nil},
		{"empty slug", "## ???\n\n## ???\n", []string{"heading", "heading-1"}, nil},
		{"custom id", "## Contact us {#contact}\n\n## Contact\n", []string{"contact", "contact-1"}, nil},
		{"custom id reserved before generation", "## Contact\n\n## Other {#contact}\n",
			[]string{"contact-1", "contact"}, nil},
		{"custom id via IAL", "## Contact\n{: #reach-us}\n", []string{"reach-us"}, nil},
		{"block IAL id reserved", "Para\n{: #intro}\n\n## Intro\n", []string{"intro-1"}, nil},
		{"duplicate custom ids", "## A {#same}\n\n## B {#same}\n", []string{"same", "same"},
			[]string{`3:1: duplicate id "same"`}},
		{"footnote-shaped custom id", "## A {#fn:1}\n", []string{"fn:1"},
			[]string{`1:1: id "fn:1" is reserved for footnotes`}},
		{"setext heading", "Intro.\n\nOverview\n--------\n", []string{"overview"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			var ids []string
			for _, h := range d.Headings {
				ids = append(ids, h.ID)
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids = %q, want %q", ids, tt.ids)
			}
			if got := errorStrings(d); !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors = %q, want %q", got, tt.errs)
			}
		})
	}
}

func TestAnchors(t *testing.T) {
	src := "## Who <em>we</em> are & why\n\n### Sub\n\n#### Deep\n\n##### Deeper\n"
	d := render(t, Options{}, src)
	checkHTML(t, string(d.HTML), []string{
		`<h2 id="who-we-are--why">Who <em>we</em> are &amp; why<a class="anchor" href="#who-we-are--why" aria-label="Link to this section: Who we are &amp; why">#</a></h2>`,
		`<h3 id="sub">Sub<a class="anchor" href="#sub" aria-label="Link to this section: Sub">#</a></h3>`,
		`<h4 id="deep">Deep<a class="anchor" href="#deep"`,
		`<h5 id="deeper">Deeper</h5>`,
	}, nil)
	if got := d.Headings[0].Text; got != "Who we are & why" {
		t.Errorf("heading text = %q, anchor or markup leaked", got)
	}

	d = render(t, Options{AnchorMin: 3, AnchorMax: 3}, src)
	checkHTML(t, string(d.HTML), []string{`<h2 id="who-we-are--why">Who <em>we</em> are &amp; why</h2>`,
		`<h3 id="sub">Sub<a class="anchor"`, `<h4 id="deep">Deep</h4>`}, nil)
}

func TestTitleAndLevels(t *testing.T) {
	tests := []struct {
		name, src, title string
		levels           []int
		want, not        []string
	}{
		{"single leading h1 becomes the title", "# Privacy Policy\n\nIntro.\n\n## Data\n",
			"Privacy Policy", []int{2}, []string{"<p>Intro.</p>"}, []string{"<h1", "Privacy Policy"}},
		{"single h1 after prose is a section, moved down", "Intro.\n\n# Policy\n\n## Data\n",
			"", []int{2, 3}, []string{`<h2 id="policy">Policy`, `<h3 id="data">`}, []string{"<h1"}},
		{"setext h1 title is removed", "Privacy Notice\n==============\n\nIntro.\n\n## Data\n",
			"Privacy Notice", []int{2}, []string{"<p>Intro.</p>"}, []string{"<h1", "Privacy Notice"}},
		{"setext h2 title is removed", "Privacy Notice\n--------------\n\nIntro.\n\n## Data\n",
			"Privacy Notice", []int{2}, []string{"<p>Intro.</p>", `<h2 id="data">`}, []string{"Privacy Notice"}},
		{"setext h2 title with an h1 below stays, shifted", "Notice\n---\n\n# Part\n",
			"Notice", []int{3, 2}, []string{`<h3 id="notice">`, `<h2 id="part">`}, []string{"<h1"}},
		{"after HTML comments and blank lines", "\n<!-- legal review: 2026 -->\n\n<!--\nmulti\n\nline\n-->\n# Terms\n\nText.\n",
			"Terms", nil, []string{"<!-- legal review"}, []string{"<h1", ">Terms"}},
		{"inline HTML in the title is dropped", "# <span class=\"brand\">Acme Plus</span> Privacy Notice\n\nText.\n",
			"Acme Plus Privacy Notice", nil, nil, []string{"<h1", "span"}},
		{"h3 first is the title and stays", "### Small\n\n## Big\n", "Small", []int{3, 2}, nil, nil},
		{"h4 first is no title", "#### Tiny\n\nText.\n", "", []int{4}, nil, nil},
		{"two h1s shift every heading", "# One\n\n## Sub\n\n# Two\n\n###### Six\n",
			"One", []int{2, 3, 2, 6}, []string{`<h2 id="one">`, `<h3 id="sub">`, `<h2 id="two">`, `<h6 id="six">`},
			[]string{"<h1"}},
		{"heading after prose is no title", "Intro.\n\n### Small\n\n## Big\n", "", []int{3, 2}, nil, nil},
		{"no headings", "Just text.\n", "", nil, nil, nil},
		{"title text is plain", "# The *Acme* `Policy`\n\ntext\n", "The Acme Policy", nil, nil, []string{"<h1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := render(t, Options{}, tt.src)
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			var levels []int
			for _, h := range d.Headings {
				levels = append(levels, h.Level)
			}
			if !reflect.DeepEqual(levels, tt.levels) {
				t.Errorf("levels = %v, want %v", levels, tt.levels)
			}
			checkHTML(t, string(d.HTML), tt.want, tt.not)
		})
	}
}

func TestHeadingLines(t *testing.T) {
	d := render(t, Options{}, "# Title\n\ntext\n\n## A\n\n> ### Quoted\n\nSetext\n---\n")
	want := []Heading{
		{Level: 2, ID: "a", Text: "A", Line: 5},
		{Level: 3, ID: "quoted", Text: "Quoted", Line: 7},
		{Level: 2, ID: "setext", Text: "Setext", Line: 9},
	}
	if !reflect.DeepEqual(d.Headings, want) {
		t.Errorf("Headings = %+v\nwant %+v", d.Headings, want)
	}
}
