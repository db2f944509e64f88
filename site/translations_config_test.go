package site

import (
	"strings"
	"testing"
)

// TestLanguagesConfigErrors checks that bad languages: entries,
// default_language and front matter lang are reported at their position,
// with the code they were probably meant to be.
func TestLanguagesConfigErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml, page string
		want             string
	}{
		{"not a code", "languages:\n  - {code: en, name: English}\n  - {code: 'x y', name: X}\n", "",
			`clause.yaml:3:5: language code "x y" is not a BCP 47 code`},
		{"listed twice", "languages:\n  - {code: en, name: English}\n  - {code: EN, name: English}\n", "",
			"clause.yaml:3:5: language en is listed twice"},
		{"bad dir", "languages:\n  - {code: en, name: English}\n  - code: ar\n    dir: up\n", "",
			`clause.yaml:3:5: dir of language ar must be ltr or rtl, not "up"`},
		{"unknown key", "languages:\n  - {code: en, name: English}\n  - code: fr\n    nmae: Français\n", "",
			`clause.yaml:4:5: unknown key "nmae" in a language; did you mean name?`},
		{"not a list", "languages: en\n", "", "clause.yaml:1:12: languages must be a list"},
		{"default not listed", "default_language: fe\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n", "",
			`clause.yaml:1: default_language "fe" is not one of the languages: en, fr; did you mean fr?`},
		{"default without languages", "default_language: en\n", "", "clause.yaml:1: default_language needs a list of languages:"},
		{"front matter lang", "languages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
			"---\ntitle: P\nlang: dee\n---\nText.\n", `content/privacy.md:3: lang "dee" is not one of the site's languages: en, de; did you mean de?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"clause.yaml": tt.yaml, "content/terms.md": "## Use\n\nKind.\n"}
			if tt.page != "" {
				files["content/privacy.md"] = tt.page
			}
			_, _, err := build(t, newSite(t, files), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestLanguagesCanonical checks that codes are written in their
// canonical form and matched in any letter case, and that the direction
// of right-to-left languages is automatic.
func TestLanguagesCanonical(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, map[string]string{
		"clause.yaml":              "title: T\nlanguage: pt-br\nlanguages:\n  - {code: en, name: English}\n  - {code: pt-br, name: Português}\n  - {code: fa, name: فارسی}\n",
		"content/en/privacy.md":    "## Data\n\nNone.\n",
		"content/pt-br/privacy.md": "## Dados\n\nNenhum.\n",
		"content/privacy.fa.md":    "## داده\n\nهیچ.\n",
	}, nil)
	for name, want := range map[string]string{
		"index.html": `<html lang="pt-BR" dir="ltr">`, "privacy/index.html": `<html lang="pt-BR" dir="ltr">`,
		"en/privacy/index.html": `<html lang="en" dir="ltr">`, "fa/privacy/index.html": `<html lang="fa" dir="rtl">`,
	} {
		if got := htmlTag(t, outFile(t, tree, name)); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

// TestStubOfNoPolicy checks that an untranslated stub that stands for no
// text of the default language is left out with a warning.
func TestStubOfNoPolicy(t *testing.T) {
	t.Parallel()
	tree, res := mustBuild(t, map[string]string{
		"clause.yaml":         "title: T\nlanguages:\n  - {code: en, name: English}\n  - {code: nl, name: Nederlands}\n",
		"content/privacy.md":  "## Data\n\nNone.\n",
		"content/nl/extra.md": "---\ntitle: Extra\nuntranslated: 1\n---\n",
	}, nil)
	if _, ok := tree["nl/extra/index.html"]; ok {
		t.Error("a stub of no policy was published")
	}
	if !hasWarning(res.Warnings, "content/nl/extra.md: warning: untranslated stub of no policy: no en text has the path extra.md or translation_key extra") {
		t.Errorf("no warning about the stub: %v", res.Warnings)
	}
}
