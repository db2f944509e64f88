package site

import "github.com/clause-dev/clause/site/internal/i18n"

// localDate is the template function date: d in the long date format of
// lang, such as 1 March 2026 or 1. März 2026, or "" when d is unset.
// Machine-readable dates use .ISO instead.
func localDate(lang string, d Date) string {
	if d.IsZero() {
		return ""
	}
	return i18n.FormatDate(lang, d.t)
}

// say returns the theme's word key in lang, with args (see package
// i18n), for the texts the render phase writes itself: page titles and
// feed titles. A bad key is a bug in clause, reported as an error.
func (r *renderer) say(lang, key string, args ...any) string {
	s, err := r.m.in.words.Text(lang, key, args...)
	if err != nil {
		r.errs.Errorf("", 0, "%v", err)
	}
	return s
}
