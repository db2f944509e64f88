package i18n

import (
	"testing"
	"time"
)

// TestFormatDate checks the long date of each language against the CLDR
// pattern and month names of its locale (checked by hand against CLDR's
// gregorian dateFormats/long): day-month order and punctuation, the
// genitive month in Polish, Czech and Russian, the year marker in
// Russian, the ב prefix in Hebrew and the 年月日 of Japanese and Chinese.
func TestFormatDate(t *testing.T) {
	d := time.Date(2026, time.September, 15, 0, 0, 0, 0, time.UTC)
	want := map[string]string{
		"en": "15 September 2026",        // en-GB: d MMMM y
		"de": "15. September 2026",       // d. MMMM y
		"fr": "15 septembre 2026",        // d MMMM y
		"es": "15 de septiembre de 2026", // d 'de' MMMM 'de' y
		"it": "15 settembre 2026",        // d MMMM y
		"nl": "15 september 2026",        // d MMMM y
		"pt": "15 de setembro de 2026",   // d 'de' MMMM 'de' y
		"pl": "15 września 2026",         // d MMMM y, genitive month
		"cs": "15. září 2026",            // d. MMMM y, genitive month
		"ja": "2026年9月15日",               // y年M月d日
		"zh": "2026年9月15日",               // y年M月d日
		"ru": "15 сентября 2026 г.",      // d MMMM y 'г.', genitive month
		"he": "15 בספטמבר 2026",          // d בMMMM y
		"ar": "15 سبتمبر 2026",           // d MMMM y (Latin digits: see the README)
	}
	if len(want) != len(Languages()) {
		t.Fatalf("%d dates for %d languages", len(want), len(Languages()))
	}
	for lang, w := range want {
		if got := FormatDate(lang, d); got != w {
			t.Errorf("FormatDate(%s) = %q, want %q", lang, got, w)
		}
	}
}

// TestFormatDateFallback checks regional codes and languages without
// date data.
func TestFormatDateFallback(t *testing.T) {
	d := time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"pt-BR": "1 de março de 2025",
		"de_CH": "1. März 2025",
		"sv":    "1 March 2025",
		"":      "1 March 2025",
	} {
		if got := FormatDate(lang, d); got != want {
			t.Errorf("FormatDate(%q) = %q, want %q", lang, got, want)
		}
	}
}

// TestFormatDateKeepsDay checks that a date is written as it was given,
// not moved to another day by a time zone.
func TestFormatDateKeepsDay(t *testing.T) {
	d := time.Date(2026, time.January, 1, 23, 30, 0, 0, time.FixedZone("UTC-10", -10*3600))
	if got := FormatDate("de", d); got != "1. Januar 2026" {
		t.Errorf("got %q", got)
	}
}
