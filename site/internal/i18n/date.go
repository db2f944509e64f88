package i18n

import (
	"sync"
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/ar"
	"github.com/go-playground/locales/cs"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/he"
	"github.com/go-playground/locales/it"
	"github.com/go-playground/locales/ja"
	"github.com/go-playground/locales/nl"
	"github.com/go-playground/locales/pl"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/ru"
	"github.com/go-playground/locales/zh"
)

// dateLocales are the CLDR locales whose long date format each base
// language uses. English uses the day-month-year order of en_GB (1 March
// 2026), the form clause has always written.
var dateLocales = map[string]locales.Translator{
	"en": en_GB.New(), "de": de.New(), "fr": fr.New(), "es": es.New(), "it": it.New(),
	"nl": nl.New(), "pt": pt.New(), "pl": pl.New(), "cs": cs.New(), "ja": ja.New(),
	"zh": zh.New(), "ru": ru.New(), "he": he.New(), "ar": ar.New(),
}

// FormatDate writes the calendar date of t in the long format of lang
// (see the package doc), or in English for a language without date data.
// The date is t's own, in t's location: a policy date has no time zone
// to convert to.
func FormatDate(lang string, t time.Time) string {
	k := dateKey{lang, t.Year(), t.Month(), t.Day()}
	if s, ok := dateCache.Load(k); ok {
		return s.(string)
	}
	l, ok := dateLocales[base(lang)]
	if !ok {
		l = dateLocales["en"]
	}
	s := l.FmtDateLong(t)
	dateCache.Store(k, s)
	return s
}

// dateKey is a day in a language, as FormatDate writes it.
type dateKey struct {
	lang  string
	year  int
	month time.Month
	day   int
}

// dateCache holds FormatDate's answers: a site has few distinct dates,
// each written on many pages. It grows with the days and languages a
// site has, which stay few.
var dateCache sync.Map // dateKey → string
