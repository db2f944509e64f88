package i18n

import (
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

// TestOverride checks that a site's file replaces the theme's word in its
// language only, adds words through en.yaml, and adds a language.
func TestOverride(t *testing.T) {
	c, problems := Theme().With(map[string][]byte{
		"i18n/de.yaml": []byte("last_revised: \"Stand: {date}\"\ncookie_banner: \"Wir verwenden keine Cookies.\"\n"),
		"i18n/en.yaml": []byte("cookie_banner: \"We use no cookies.\"\n"),
		"i18n/sv.yaml": []byte("on_this_page: \"På den här sidan\"\n"),
	})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	d := day{}
	for _, tc := range []struct{ lang, key, want string }{
		{"de", "last_revised", "Stand: "},
		{"de-AT", "last_revised", "Stand: "},
		{"en", "last_revised", "Last revised "},
		{"fr", "last_revised", "Dernière révision : "},
		{"de", "cookie_banner", "Wir verwenden keine Cookies."},
		{"fr", "cookie_banner", "We use no cookies."},
		{"sv", "on_this_page", "På den här sidan"},
		{"sv", "version_history", "Version history"},
	} {
		got, err := c.Text(tc.lang, tc.key, "date", d)
		if err != nil || got != tc.want {
			t.Errorf("%s %s = %q, %v; want %q", tc.lang, tc.key, got, err, tc.want)
		}
	}
	if !c.Has("cookie_banner") || Theme().Has("cookie_banner") {
		t.Error("Has does not follow the site's added word")
	}
}

// TestOverridePlural checks that a site may give plural forms.
func TestOverridePlural(t *testing.T) {
	c, problems := Theme().With(map[string][]byte{
		"i18n/pl.yaml": []byte("version_count:\n  one: \"jedna wersja\"\n  few: \"{count} wersje\"\n  other: \"{count} wersji\"\n"),
	})
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for n, want := range map[int]string{1: "jedna wersja", 3: "3 wersje", 5: "5 wersji"} {
		if got, _ := c.Text("pl", "version_count", "count", n); got != want {
			t.Errorf("%d: got %q, want %q", n, got, want)
		}
	}
}

// TestOverrideErrors checks the positioned errors of bad words files and
// that the good entries of a file still apply.
func TestOverrideErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             []string // the problems, as Error() writes them
	}{
		{"typo", "i18n/de.yaml", "on_this_page: \"Inhalt\"\nlast_revsed: \"Stand {date}\"\n",
			[]string{"i18n/de.yaml:2:1: unknown word \"last_revsed\"; did you mean last_revised?\n\thint: rename it to last_revised"}},
		{"typo in en", "i18n/en.yaml", "on_this_pag: \"Contents\"\n",
			[]string{"i18n/en.yaml:1:1: unknown word \"on_this_pag\"; did you mean on_this_page?\n\thint: rename it to on_this_page"}},
		{"unknown", "i18n/fr.yaml", "cookie_banner: \"Pas de cookies.\"\n",
			[]string{"i18n/fr.yaml:1:1: unknown word \"cookie_banner\"\n\thint: a site adds a word in i18n/en.yaml first; the theme's words are listed in the README"}},
		{"placeholder", "i18n/de.yaml", "last_revised: \"Stand: {datum}\"\n",
			[]string{"i18n/de.yaml:1:1: word last_revised: unknown placeholder datum\n\thint: this word takes date"}},
		{"placeholder typo", "i18n/de.yaml", "title_compare: \"{titel} seit {date}\"\n",
			[]string{"i18n/de.yaml:1:1: word title_compare: unknown placeholder titel\n\thint: did you mean title?"}},
		{"syntax", "i18n/de.yaml", "on_this_page: \"Inhalt\n  bad: [\n",
			[]string{"i18n/de.yaml:3: cannot read words: found unexpected end of stream\n\thint: a words file is YAML: key: \"message\" on each line"}},
		{"not a mapping", "i18n/de.yaml", "- a\n- b\n",
			[]string{"i18n/de.yaml:1:1: a words file is a mapping of keys to messages\n\thint: write one key per line, such as last_revised: \"Updated {date}\""}},
		{"not text", "i18n/de.yaml", "on_this_page: 12\n",
			[]string{"i18n/de.yaml:1:15: the message of on_this_page is not text\n\thint: quote it: on_this_page: \"…\""}},
		{"no other", "i18n/de.yaml", "version_count:\n  one: \"eine\"\n",
			[]string{"i18n/de.yaml:2:3: the plural forms of version_count have no other form\n\thint: every counting message needs other:, the form most numbers take"}},
		{"bad category", "i18n/de.yaml", "version_count:\n  single: \"eine\"\n  other: \"{count}\"\n",
			[]string{"i18n/de.yaml:2:3: \"single\" is no plural category\n\thint: use zero, one, two, few, many or other"}},
		{"bad name", "i18n/german.yaml", "on_this_page: \"Inhalt\"\n",
			[]string{"i18n/german.yaml: \"german\" is not a language code\n\thint: name a words file by its language, as in i18n/de.yaml or i18n/pt-BR.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, problems := Theme().With(map[string][]byte{tc.file: []byte(tc.data)})
			var got []string
			for _, p := range problems {
				if p.Severity != diag.Error {
					t.Errorf("%s is not an error", p)
				}
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n--\n") != strings.Join(tc.want, "\n--\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n--\n"), strings.Join(tc.want, "\n--\n"))
			}
			if s, err := c.Text("de", "on_this_page"); err != nil || (s != "Inhalt" && s != "Auf dieser Seite") {
				t.Errorf("catalog after errors: %q, %v", s, err)
			}
		})
	}
}

// TestOverrideKeepsGoodEntries checks that a bad entry leaves out only
// itself: the file's other words apply.
func TestOverrideKeepsGoodEntries(t *testing.T) {
	c, problems := Theme().With(map[string][]byte{"i18n/de.yaml": []byte("on_this_page: \"Inhalt\"\nlast_revised: \"{datum}\"\n")})
	if len(problems) != 1 {
		t.Fatalf("problems: %v", problems)
	}
	if s, _ := c.Text("de", "on_this_page"); s != "Inhalt" {
		t.Errorf("good entry: %q", s)
	}
	if s, _ := c.Text("de", "last_revised", "date", day{}); s != "Zuletzt überarbeitet: " {
		t.Errorf("bad entry not dropped: %q", s)
	}
}

// TestOverrideTwoFilesForOneLanguage checks that a second words file for
// one language (pt_br.yaml beside pt-BR.yaml) is an error naming both
// files, and that the first one still applies.
func TestOverrideTwoFilesForOneLanguage(t *testing.T) {
	c, problems := Theme().With(map[string][]byte{
		"i18n/pt-BR.yaml": []byte("on_this_page: \"Nesta página (BR)\"\n"),
		"i18n/pt_br.yaml": []byte("on_this_page: \"Outra\"\n"),
	})
	if len(problems) != 1 || problems[0].Path != "i18n/pt_br.yaml" || problems[0].Line != 1 ||
		!strings.Contains(problems[0].Msg, "a second words file for pt-BR") || !strings.Contains(problems[0].Hint, "i18n/pt-BR.yaml") {
		t.Fatalf("problems: %v", problems)
	}
	if got, _ := c.Text("pt-BR", "on_this_page"); got != "Nesta página (BR)" {
		t.Errorf("pt-BR on_this_page = %q, want the first file's word", got)
	}
}
