package site

import (
	"fmt"

	"github.com/clause-dev/clause/site/internal/i18n"
)

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
// feed titles. Those keys and arguments are clause's own (a site's words
// files are checked against them when loaded), so an error here is a bug
// in clause, reported as one rather than hidden.
func (r *renderer) say(lang, key string, args ...any) string {
	s, err := r.m.in.words.Text(lang, key, args...)
	if err != nil {
		r.errs.Add(&Error{Msg: fmt.Sprintf("internal error: the theme's word %q in %s: %v", key, lang, err),
			Hint: "this is a bug in clause; please report it with the command that showed it"})
	}
	return s
}
