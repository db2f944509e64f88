package site

import (
	"encoding/xml"
	"sort"
	"strings"
	"time"
	"unicode"
)

// registerChange is one change to the subprocessor register: an entry
// added on its since date or removed on its until date.
type registerChange struct {
	Entry   Subprocessor
	Removed bool
	Day     Date
}

// registerChanges lists every change to the register, newest first;
// changes of one day are in the order added then removed, by name.
func (reg *Register) registerChanges() []registerChange {
	var out []registerChange
	for _, s := range reg.Entries {
		out = append(out, registerChange{Entry: s, Day: s.Since})
		if !s.Until.IsZero() {
			out = append(out, registerChange{Entry: s, Removed: true, Day: s.Until})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case !a.Day.Equal(b.Day):
			return a.Day.After(b.Day)
		case a.Removed != b.Removed:
			return !a.Removed
		}
		return a.Entry.Name < b.Entry.Name
	})
	return out
}

// registerClock is what "now" decides of the register's feed: when a
// change lies after the build's day, that day dates it (notAfterNow), so
// it is part of the key of the site-wide pages; otherwise "".
func (m *model) registerClock() string {
	if !m.in.register.found() {
		return ""
	}
	for _, c := range m.in.register.registerChanges() {
		if m.notAfterNow(c.Day) != c.Day {
			return m.in.now.UTC().Format(time.DateOnly)
		}
	}
	return ""
}

// writeRegisterFeed writes subprocessors.xml, the Atom feed of the
// register's changes, newest first, one entry per addition or removal.
// A change still to come is published on the build's day, never later,
// and its title says when it happens, as an upcoming version's does.
func (r *renderer) writeRegisterFeed(out output) {
	m := r.m
	if !m.in.register.found() {
		return
	}
	base := m.in.cfg.basePath()
	f := atomFeed{ID: "urn:clause:subprocessors", Title: m.in.cfg.Title + ": subprocessors",
		Author: atomAuthor{Name: m.in.cfg.Title, Email: m.in.cfg.Contact},
		Links:  []atomLink{{Rel: "self", Href: m.abs(base + "/" + registerFeedFile)}}}
	var page []atomLink
	if p := m.registerPage(); p != nil {
		page = []atomLink{{Rel: "alternate", Href: m.abs(p.Permalink)}}
		f.Links = append(f.Links, page...)
	}
	latest := Date{}
	for _, c := range m.in.register.registerChanges() {
		f.Entries = append(f.Entries, m.registerEntry(c, page))
		if c.Day.After(latest) {
			latest = c.Day
		}
	}
	f.Updated = feedTime(m.notAfterNow(latest))
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		r.errs.Errorf(registerFeedFile, 0, "cannot write feed: %v", err)
		return
	}
	r.put(out, registerFeedFile, append([]byte(xml.Header), append(data, '\n')...))
}

// registerEntry describes one change to the register in the feed; page
// is the link to the policy that shows the register, if one does.
func (m *model) registerEntry(c registerChange, page []atomLink) atomEntry {
	s := c.Entry
	verb, kind := "added", "added"
	if c.Removed {
		verb, kind = "removed", "removed"
	}
	if m.notAfterNow(c.Day) != c.Day {
		verb = "to be " + verb
	}
	title := s.Name + " " + verb + " as a subprocessor on " + c.Day.Human()
	summary := s.Purpose + " (" + s.Location + ")"
	if len(s.Data) > 0 {
		summary += "; personal data: " + strings.Join(s.Data, ", ")
	}
	return atomEntry{ID: "urn:clause:subprocessors:" + kind + ":" + c.Day.ISO() + ":" + registerSlug(s.Name),
		Title: title, Updated: feedTime(m.notAfterNow(c.Day)), Published: feedTime(m.notAfterNow(c.Day)),
		Summary: summary, Category: []atomCat{{Term: kind}}, Links: page}
}

// registerSlug is a company name as a part of an Atom id: lower case,
// runs of anything but letters and digits as one "-".
func registerSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
