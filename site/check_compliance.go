package site

import (
	"fmt"
	"path"
	"strings"
)

// This file holds the compliance rules of clause check: a privacy policy
// not revised for twelve months, and a change that takes effect before
// it was announced. The third, an effective date earlier than the
// last-revised date, is versionDates' (check_lint.go), which reports it
// for every version of the working tree.

// privacyReviewMonths is how long a privacy policy may go without a
// revision: California (CCPA, Cal. Civ. Code § 1798.130(a)(5)) asks for
// an update at least once every twelve months.
const privacyReviewMonths = 12

// isPrivacyPolicy reports whether a policy is a privacy policy: its
// current file says kind: privacy or, without kind:, the last part of its
// id (its file name) contains "privacy", as privacy.md,
// legal/privacy-policy.md and privacy/index.md do.
func isPrivacyPolicy(p *Page) bool {
	if k := strings.TrimSpace(p.src.FM.Kind); k != "" {
		return strings.EqualFold(k, "privacy")
	}
	return strings.Contains(strings.ToLower(path.Base(p.Policy.ID)), "privacy")
}

// compliance runs the compliance rules on one policy.
func (c *checker) compliance(p *Page) {
	if editable(p.src) && isPrivacyPolicy(p) {
		c.privacyReview(p)
	}
	for _, v := range p.Policy.Versions {
		if editable(v.src) {
			c.announcedAfterEffect(v)
		}
	}
}

// privacyReview warns about a privacy policy whose newest version (the
// one in force or an upcoming one) was last revised, and took effect,
// more than twelve months before the build's day: a new version taking
// effect counts as an update.
func (c *checker) privacyReview(p *Page) {
	vs := p.Policy.Versions
	if len(vs) == 0 {
		return
	}
	newest := vs[len(vs)-1]
	revised := newest.LastRevised
	if newest.Effective.After(revised) {
		revised = newest.Effective
	}
	if revised.IsZero() {
		return // undated: undated's warning says to add a date
	}
	due := revised.Time().AddDate(0, privacyReviewMonths, 0)
	if !c.in.Now.After(due) {
		return
	}
	s := newest.src
	c.warn(s.Path, reviewLine(s, revised), 0,
		fmt.Sprintf("privacy policy not revised for over %d months: last revised or in effect since %s, review was due by %s",
			privacyReviewMonths, revised.ISO(), newDate(due).ISO()),
		"California requires a privacy policy to be updated at least once every 12 months: review it, then set last_revised to the day you did, or publish a new version with clause revise")
}

// reviewLine is the line that gives the date a privacy policy was last
// reviewed: its front matter key or, for a date read from the text, that
// text's line.
func reviewLine(s *Source, revised Date) int {
	for _, td := range s.TextDates {
		if td.Date.Equal(revised) {
			return td.Line
		}
	}
	return frontMatterLine(s, append(lastRevisedKeys, "effective")...)
}

// announcedAfterEffect warns about a version announced after the day it
// took effect: readers had no notice at all.
func (c *checker) announcedAfterEffect(v *Version) {
	if v.AnnouncedBy == "last_revised" || v.Announced.IsZero() || v.Effective.IsZero() || !v.Effective.Before(v.Announced) {
		return
	}
	s := v.src
	c.warn(s.Path, frontMatterLine(s, "announced", "effective"), 0,
		fmt.Sprintf("this change takes effect on %s, before it was announced on %s (%s)", v.Effective.ISO(), v.Announced.ISO(), announcedBy(v)),
		"announce a change before it takes effect: move effective to a later day (at least notice_days after the announcement), or correct announced:")
}
