package site

import (
	"strings"
	"testing"
)

func TestMisspelledFrontMatterKeys(t *testing.T) {
	t.Parallel()
	fm := func(keys string) string {
		return "---\n" + keys + "description: About privacy.\nlast_revised: 2026-02-01\n---\n\n## Data\n\nText.\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // the only key warning; "" for none
	}{
		{"typo of title", map[string]string{"content/privacy.md": fm("titel: Privacy\n")},
			`content/privacy.md:2: warning: unknown key "titel"; did you mean title?`},
		{"capitalised", map[string]string{"content/privacy.md": fm("Title: Privacy\n")},
			`content/privacy.md:2: warning: unknown key "Title"; did you mean title?`},
		{"typo in a version file", map[string]string{
			"content/privacy.md":                     fm("title: Privacy\neffective: 2026-02-01\n"),
			"content/privacy/versions/2025-01-01.md": "---\nsumary: First.\n---\n\n## Data\n\nOld text.\n"},
			`content/privacy/versions/2025-01-01.md:2: warning: unknown key "sumary"; did you mean summary?`},
		{"the known key is set too", map[string]string{"content/privacy.md": fm("title: Privacy\ntitel: Privacidad\n")}, ""},
		{"a key of the writer's own", map[string]string{"content/privacy.md": fm("title: Privacy\nauthor: Legal team\nregion: EU\n")}, ""},
		{"named in the text", map[string]string{"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-02-01\ndat: x\n---\n\nSee {{ page.dat }}.\n"}, ""},
		{"named by a layout", map[string]string{
			"content/privacy.md":      fm("title: Privacy\ndrafts: 3\n"),
			"layouts/partials/x.html": `{{ with .Params.drafts }}{{ . }} drafts{{ end }}`}, ""},
	}
	for _, tt := range tests {
		_, out := runCheck(t, tt.files, nil)
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "unknown key") {
				got = append(got, l)
			}
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s\n(all problems:\n%s)", tt.name, strings.Join(got, "\n"), tt.want, out)
		}
	}
}

func TestUnknownConfigKeySuggestion(t *testing.T) {
	t.Parallel()
	_, out := runCheck(t, map[string]string{
		"clause.yaml":        "title: Test\nbaseurl: https://example.com/\nlanguag: en\nwidgets: 3\n",
		"content/privacy.md": page("Text.\n"),
	}, nil)
	for _, want := range []string{
		`clause.yaml:2: warning: unknown key "baseurl" is ignored; did you mean base_url?`,
		`clause.yaml:3: warning: unknown key "languag" is ignored; did you mean language?`,
		`clause.yaml:4: warning: unknown key "widgets" is ignored`,
	} {
		if !strings.Contains(out+"\n", want+"\n") {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	e := unknownConfigKey("baseurl", 2)
	if e.Hint != "rename it to base_url, or put your own values under params:" {
		t.Errorf("hint: %q", e.Hint)
	}
}
