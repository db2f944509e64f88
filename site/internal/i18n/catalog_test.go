package i18n

import (
	"sort"
	"testing"
)

// TestThemeLanguages checks that the theme has the fourteen languages
// the README lists.
func TestThemeLanguages(t *testing.T) {
	want := []string{"ar", "cs", "de", "en", "es", "fr", "he", "it", "ja", "nl", "pl", "pt", "ru", "zh"}
	got := Languages()
	if len(got) != len(want) {
		t.Fatalf("languages %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("languages %v, want %v", got, want)
		}
	}
}

// TestTranslationsComplete checks every language against English: it has
// every key and no other, each message uses only the placeholders and
// links of the English one, and every one of them but count (which a
// plural form may spell out, as "one version").
func TestTranslationsComplete(t *testing.T) {
	en := theme[Source]
	for _, lang := range Languages() {
		w := theme[lang]
		for key, src := range en {
			m, ok := w[key]
			if !ok {
				t.Errorf("%s: no %s", lang, key)
				continue
			}
			want, got := namesOf(src), namesOf(m)
			for n := range got {
				if !want[n] {
					t.Errorf("%s: %s uses %s, which English does not give", lang, key, n)
				}
			}
			for n := range want {
				if n != "count" && !got[n] {
					t.Errorf("%s: %s leaves out %s", lang, key, n)
				}
			}
		}
		for key := range w {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %s is not an English key", lang, key)
			}
		}
	}
}

// namesOf returns the names every text of m uses.
func namesOf(m Message) map[string]bool {
	out := map[string]bool{}
	for _, t := range m.texts() {
		for n := range Names(t) {
			out[n] = true
		}
	}
	return out
}

// TestTranslationKeys checks that the words the translations layouts
// use exist, with the placeholders the README documents.
func TestTranslationKeys(t *testing.T) {
	want := map[string][]string{
		"translation_stale":        {"changed_date", "source_language", "translated_date"},
		"translation_current_link": {"language"},
		"translation_changes_link": nil,
		"translation_missing":      {"default_language", "language"},
		"language_switcher":        nil,
	}
	for key, names := range want {
		m, ok := theme[Source][key]
		if !ok {
			t.Errorf("no %s", key)
			continue
		}
		got := []string{}
		for n := range namesOf(m) {
			got = append(got, n)
		}
		sort.Strings(got)
		if len(got) != len(names) {
			t.Errorf("%s takes %v, want %v", key, got, names)
			continue
		}
		for i := range got {
			if got[i] != names[i] {
				t.Errorf("%s takes %v, want %v", key, got, names)
			}
		}
	}
}

// TestFallback checks the order a word is looked up in: the language as
// written, its base language, then English.
func TestFallback(t *testing.T) {
	c := Theme()
	for _, tc := range []struct{ lang, want string }{
		{"de", "Auf dieser Seite"},
		{"de-AT", "Auf dieser Seite"},
		{"pt_BR", "Nesta página"},
		{"sv", "On this page"}, // no Swedish: English
		{"", "On this page"},
		{"EN", "On this page"},
	} {
		got, err := c.Text(tc.lang, "on_this_page")
		if err != nil || got != tc.want {
			t.Errorf("Text(%q, on_this_page) = %q, %v; want %q", tc.lang, got, err, tc.want)
		}
	}
}

// TestDir checks the text direction of languages.
func TestDir(t *testing.T) {
	for lang, want := range map[string]string{"he": "rtl", "ar": "rtl", "ar-EG": "rtl", "fa": "rtl", "ckb": "rtl",
		"en": "ltr", "de": "ltr", "zh-Hant": "ltr", "": "ltr"} {
		if got := Dir(lang); got != want {
			t.Errorf("Dir(%q) = %s, want %s", lang, got, want)
		}
	}
}
