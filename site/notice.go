package site

import (
	"fmt"
	"time"

	"github.com/clause-dev/clause/site/gitlog"
)

// This file holds notice periods. notice_days is the number of days a
// material change must be announced before it takes effect. It is set
// for the whole site in clause.yaml, for a group in that group's entry
// of groups:, and for one policy in the front matter of each of its
// texts (the current file, a version file or a revision from git), which
// says what the policy promised at that version; the most specific wins.
//
// A version's announcement date (see announce) is its front matter's
// announced: date; else, with history: git, the UTC day of the first
// commit of the policy's file in which the version's effective date
// appeared; else its last-revised date, which is the effective date
// when the front matter gives none. A material version whose effective
// date comes sooner than notice_days after that date is an error at its
// file while it is upcoming or has been in force for fewer than
// notice_days days (moving its effective date still gives the notice),
// and a warning after that: the past cannot be announced again.

// validateNoticeDays checks notice_days of the site and of each group.
func (cfg *Config) validateNoticeDays(errs *ErrorList) {
	if cfg.NoticeDays != nil && *cfg.NoticeDays < 0 {
		errs.Add(&Error{Path: configFile, Line: cfg.lines["notice_days"], Msg: fmt.Sprintf("notice_days must be a number of days, 0 or more, got %d", *cfg.NoticeDays),
			Hint: "for example notice_days: 30"})
		cfg.NoticeDays = nil
	}
	for i := range cfg.Groups {
		if g := &cfg.Groups[i]; g.NoticeDays != nil && *g.NoticeDays < 0 {
			errs.Add(&Error{Path: configFile, Line: g.line("notice_days"), Msg: fmt.Sprintf("notice_days of group %q must be a number of days, 0 or more, got %d", g.ID, *g.NoticeDays),
				Hint: "for example notice_days: 30"})
			g.NoticeDays = nil
		}
	}
}

// noticeDays reads notice_days from front matter: a whole number of
// days, 0 or more, or nil when the key is absent.
func (r reader) noticeDays() *int {
	if f, ok := r.raw.Fields["notice_days"]; !ok || f.Value == nil {
		return nil
	}
	n := r.integer("notice_days")
	if n < 0 {
		r.errs.Add(&Error{Path: r.path, Line: r.raw.Fields["notice_days"].Line, Msg: fmt.Sprintf("notice_days must be a number of days, 0 or more, got %d", n),
			Hint: "for example notice_days: 30"})
		return nil
	}
	return &n
}

// noticePeriod returns the notice period that applies to a version and
// where it is set, or ok false when none is.
func (m *model) noticePeriod(p *Page, v *Version) (days int, from string, ok bool) {
	return noticePeriodIn(m.in.cfg, p, v)
}

// noticePeriodIn is noticePeriod for the site configured by cfg.
func noticePeriodIn(cfg *Config, p *Page, v *Version) (days int, from string, ok bool) {
	if n := v.src.FM.NoticeDays; n != nil {
		return *n, v.src.Path, true
	}
	for _, g := range cfg.Groups {
		if g.ID == p.src.FM.Group && g.NoticeDays != nil {
			return *g.NoticeDays, fmt.Sprintf("group %s in %s", g.ID, configFile), true
		}
	}
	if n := cfg.NoticeDays; n != nil {
		return *n, configFile, true
	}
	return 0, "", false
}

// announceVersions dates the announcement of every version and checks
// each material one against its notice period.
func (m *model) announceVersions() {
	for _, p := range m.policies {
		for _, v := range p.Policy.Versions {
			announce(v)
			m.checkNotice(p, v)
		}
	}
}

// announce sets when a version was announced, and what says so.
func announce(v *Version) {
	switch {
	case !v.src.FM.Announced.IsZero():
		v.Announced, v.AnnouncedBy = v.src.FM.Announced, "announced"
	case v.Policy.firstSeen[v.Effective.ISO()] != (Date{}):
		v.Announced, v.AnnouncedBy = v.Policy.firstSeen[v.Effective.ISO()], "git"
	default:
		v.Announced, v.AnnouncedBy = v.LastRevised, "last_revised"
	}
}

// checkNotice reports a material version that takes effect before its
// notice period has run.
func (m *model) checkNotice(p *Page, v *Version) {
	days, from, ok := m.noticePeriod(p, v)
	if !ok || !v.Material || v.Effective.IsZero() || v.Announced.IsZero() {
		return
	}
	given := daysBetween(v.Announced, v.Effective)
	if given >= days {
		return
	}
	earliest := addDays(v.Announced, days)
	e := &Error{Path: v.src.Path, Line: noticeLine(v.src),
		Msg: fmt.Sprintf("material change takes effect on %s, %d days after it was announced on %s (%s); notice_days is %d (%s)",
			v.Effective.ISO(), given, v.Announced.ISO(), announcedBy(v), days, from),
		Hint: fmt.Sprintf("the earliest allowed effective date is %s; move effective there or later, or correct announced: if the change was announced earlier", earliest.ISO())}
	if !m.noticeFixable(v, days) {
		e.Severity = SeverityWarning
	}
	m.errs.Add(e)
}

// checkRevisionNotice refuses a material revision, announced today by
// clause revise, whose effective date leaves less than the policy's
// notice period: the build would fail on the version it writes.
func (m *scaffoldSite) checkRevisionNotice(p *Page, rev *Revision) error {
	for _, v := range p.Policy.Versions {
		if v.src != p.src {
			continue
		}
		days, from, ok := noticePeriodIn(m.cfg, p, v)
		if !ok || daysBetween(rev.Today, rev.Effective) >= days {
			return nil
		}
		return &Error{Path: p.src.Path, Line: noticeLine(p.src),
			Msg: fmt.Sprintf("a material change announced today (%s) cannot take effect on %s: notice_days is %d (%s)",
				rev.Today.ISO(), rev.Effective.ISO(), days, from),
			Hint: fmt.Sprintf("the earliest allowed effective date is %s; give that date or a later one", addDays(rev.Today, days).ISO())}
	}
	return nil
}

// noticeFixable reports whether a version announced too late can still
// be given its notice by moving its effective date: it is upcoming, or in
// force for fewer than days days. Otherwise the problem is in the past,
// which cannot be announced again, and it is reported as a warning, so a
// site that starts to set notice_days keeps building.
func (m *model) noticeFixable(v *Version, days int) bool {
	switch v.Status {
	case StatusUpcoming:
		return true
	case StatusCurrent:
		return daysBetween(v.Effective, utcDay(m.in.now)) < days
	}
	return false
}

// announcedBy says in words where a version's announcement date comes from.
func announcedBy(v *Version) string {
	switch v.AnnouncedBy {
	case "announced":
		return "its announced: date"
	case "git":
		return "the first commit that gave this effective date"
	}
	return "its last-revised date, for want of announced:"
}

// noticeLine is the line of a version's file that a notice problem points at.
func noticeLine(s *Source) int {
	for _, k := range []string{"announced", "effective", "material"} {
		if l := s.FM.Lines[k]; l > 0 {
			return l
		}
	}
	return s.FM.Start
}

// noteFirstSeen records the day of the first commit whose revision
// gives its effective date, for announce.
func noteFirstSeen(seen map[string]Date, s *Source, rev gitlog.Revision) {
	e := s.FM.Effective
	if e.IsZero() {
		return
	}
	if _, ok := seen[e.ISO()]; !ok {
		seen[e.ISO()] = utcDay(rev.Time)
	}
}

// utcDay returns the UTC day of t.
func utcDay(t time.Time) Date {
	t = t.UTC()
	return newDate(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// addDays returns the day n days after d.
func addDays(d Date, n int) Date {
	t := d.Time().UTC()
	return newDate(time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, time.UTC))
}

// daysBetween counts the days from a to b, by their UTC days.
func daysBetween(a, b Date) int {
	return int(utcDay(b.Time()).Time().Sub(utcDay(a.Time()).Time()).Hours() / 24)
}
