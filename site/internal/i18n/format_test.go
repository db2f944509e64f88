package i18n

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"time"
)

// TestPluralForms checks "N versions" by each language's CLDR plural
// rules, where the forms differ most.
func TestPluralForms(t *testing.T) {
	c := Theme()
	for _, tc := range []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "1 version"}, {"en", 0, "0 versions"}, {"en", 2, "2 versions"},
		{"fr", 0, "0 version"}, {"fr", 1, "1 version"}, {"fr", 2, "2 versions"},
		{"pl", 1, "1 wersja"}, {"pl", 2, "2 wersje"}, {"pl", 4, "4 wersje"}, {"pl", 5, "5 wersji"},
		{"pl", 12, "12 wersji"}, {"pl", 22, "22 wersje"}, {"pl", 25, "25 wersji"},
		{"ru", 1, "1 редакция"}, {"ru", 3, "3 редакции"}, {"ru", 5, "5 редакций"}, {"ru", 11, "11 редакций"},
		{"ru", 21, "21 редакция"}, {"ru", 24, "24 редакции"},
		{"cs", 1, "1 verze"}, {"cs", 3, "3 verze"}, {"cs", 5, "5 verzí"},
		{"ar", 0, "لا توجد نسخ"}, {"ar", 1, "نسخة واحدة"}, {"ar", 2, "نسختان"}, {"ar", 3, "3 نسخ"},
		{"ar", 10, "10 نسخ"}, {"ar", 11, "11 نسخة"}, {"ar", 99, "99 نسخة"}, {"ar", 100, "100 نسخة"},
		{"he", 1, "גרסה אחת"}, {"he", 2, "שתי גרסאות"}, {"he", 3, "3 גרסאות"},
		{"ja", 1, "1版"}, {"ja", 7, "7版"},
	} {
		got, err := c.Text(tc.lang, "version_count", "count", tc.count)
		if err != nil || got != tc.want {
			t.Errorf("%s %d: got %q, %v; want %q", tc.lang, tc.count, got, err, tc.want)
		}
	}
}

// day is a value with a Time method, as site.Date is.
type day struct{ t time.Time }

func (d day) Time() time.Time { return d.t }

// TestHTML checks the markup of messages: dates in <time>, links,
// wrapped text, and escaping of the message and its values.
func TestHTML(t *testing.T) {
	c := Theme()
	d := day{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "last_revised", []any{"date", d}, `Last revised <time datetime="2026-03-01">1 March 2026</time>`},
		{"de", "last_revised", []any{"date", d}, `Zuletzt überarbeitet: <time datetime="2026-03-01">1. März 2026</time>`},
		{"en", "banner_until_then", []any{"current", "/privacy/"}, `Until then, <a href="/privacy/">the current version</a> applies.`},
		{"en", "redline_legend", []any{"added", Wrap("ins"), "removed", Wrap("del")},
			`Added text is shown <ins>like this</ins>; removed text <del>like this</del>.`},
		{"en", "banner_not_yet", []any{"title", `Terms & "More" <b>`, "date", d},
			`Terms &amp; &#34;More&#34; &lt;b&gt; takes effect on <time datetime="2026-03-01">1 March 2026</time>.`},
		{"en", "history_lead", []any{"title", "Privacy", "policy", "javascript:alert(1)"},
			`Every version of <a href="#ZgotmplZ">Privacy</a>, newest first. Each version keeps its address for good.`},
	} {
		got, err := c.HTML(tc.lang, tc.key, tc.args...)
		if err != nil || string(got) != tc.want {
			t.Errorf("HTML(%s, %s) = %q, %v\nwant %q", tc.lang, tc.key, got, err, tc.want)
		}
	}
}

// TestEscapingMatchesTemplates checks that a link made by a message
// escapes its text and address to the same bytes as html/template does
// for <a href="{{ .U }}">{{ .T }}</a>, so that moving a sentence from a
// layout into the catalog changes no page.
func TestEscapingMatchesTemplates(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{ .U }}">{{ .T }}</a>`))
	c := &Catalog{theme: map[string]words{"en": {"k": {Text: "[{t}](u)"}}}}
	for _, tc := range []struct{ u, t string }{
		{"/privacy/", "Privacy"},
		{"/policies/données personnelles/", "Données & « vie privée »"},
		{"mailto:a+b@x.example", "a+b@x.example"},
		{"/a b/?q=1&r='2'#frag", `it's "quoted" <b>`},
		{"/100%25/", "100%"},
		{"https://example.com/x?y=z", "x\x00y"},
		{"javascript:alert(1)", "no"},
		{"JavaScript:alert(1)", "no"},
		{"/path:with/colon", "ok"},
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, map[string]string{"U": tc.u, "T": tc.t}); err != nil {
			t.Fatal(err)
		}
		got, err := c.HTML("en", "k", "t", tc.t, "u", tc.u)
		if err != nil || string(got) != want.String() {
			t.Errorf("%q %q:\n got %s, %v\nwant %s", tc.u, tc.t, got, err, want.String())
		}
	}
}

// TestText checks plain text: markup dropped, dates written out.
func TestText(t *testing.T) {
	c := Theme()
	d := day{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	got, err := c.Text("fr", "banner_until_then", "current", "/x/")
	if err != nil || got != "D’ici là, la version actuelle s’applique." {
		t.Errorf("got %q, %v", got, err)
	}
	got, err = c.Text("ja", "title_version", "title", "プライバシー", "date", d)
	if err != nil || got != "プライバシー（2026年3月1日版）" {
		t.Errorf("got %q, %v", got, err)
	}
	got, err = c.Text("en", "title_version", "title", "A & B", "date", day{})
	if err != nil || got != "A & B, version of " {
		t.Errorf("zero date: got %q, %v", got, err)
	}
}

// TestLiteralBrackets checks that braces and brackets that are no
// markup stay as written.
func TestLiteralBrackets(t *testing.T) {
	c := &Catalog{theme: map[string]words{"en": {"k": {Text: "{ x } {} [a] (b) [c](d e) {n}"}}}}
	got, err := c.HTML("en", "k", "n", 1)
	if err != nil || string(got) != "{ x } {} [a] (b) [c](d e) 1" {
		t.Errorf("got %q, %v", got, err)
	}
}

// TestFormatErrors checks the errors a layout gets for a bad call.
func TestFormatErrors(t *testing.T) {
	c := Theme()
	for _, tc := range []struct {
		key  string
		args []any
		want string
	}{
		{"last_revized", nil, `no word "last_revized" in the theme's catalog; did you mean last_revised?`},
		{"last_revised", nil, "word last_revised in en: no value for {date}"},
		{"last_revised", []any{"date"}, "odd number of arguments"},
		{"last_revised", []any{3, "x"}, "argument 1 is a int, not the name of a value"},
		{"banner_go_to_policy", nil, "no address for [Go to the policy](policy)"},
		{"banner_go_to_policy", []any{"policy", 3}, "is a int, not text"},
		{"redline_legend", []any{"added", Wrap("script"), "removed", Wrap("del")}, "wraps in <script>, which is not one of"},
	} {
		_, err := c.HTML("en", tc.key, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v: error %v, want it to say %q", tc.key, tc.args, err, tc.want)
		}
	}
}
