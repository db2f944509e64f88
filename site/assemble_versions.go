package site

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// versionFile matches content/<policy>/versions/<YYYY-MM-DD>.md and returns
// the policy's folder and the date text.
func versionFile(rel string) (dir, date string, ok bool) {
	d, file := path.Split(rel)
	d = strings.TrimSuffix(d, "/")
	if path.Base(d) != "versions" || !isMarkdown(file) {
		return "", "", false
	}
	return path.Dir(d), strings.TrimSuffix(file, path.Ext(file)), true
}

// policyID returns the id of a current policy file: privacy.md and
// privacy/index.md are both "privacy".
func policyID(rel string) string {
	id := strings.TrimSuffix(rel, path.Ext(rel))
	if path.Base(id) == "index" && id != "index" {
		id = path.Dir(id)
	}
	return id
}

// newVersion reads the version fields of a source.
func newVersion(s *Source, effective Date) *Version {
	v := &Version{src: s, Effective: effective, LastRevised: s.FM.LastRevised,
		Title: s.FM.Title, Summary: s.FM.Summary, Changes: s.FM.Changes, Material: s.FM.Material}
	if v.LastRevised.IsZero() {
		v.LastRevised = v.Effective
	}
	return v
}

// attachVersions gives every policy its versions: the current file plus
// the version files under <policy>/versions/. It reports version files
// without a policy, badly named ones and duplicate dates.
func (m *model) attachVersions(versionFiles []*Source, skipped map[string]bool) {
	byID := map[string]*Policy{}
	for _, p := range m.policies {
		byID[p.Policy.ID] = p.Policy
	}
	for _, s := range versionFiles {
		dir, name, _ := versionFile(s.Rel)
		dir, name = m.suffixedVersion(dir, name, byID)
		pol := byID[dir]
		if skipped[dir] {
			continue // the policy is a draft or only a redirect
		}
		if pol == nil {
			m.errs.Add(&Error{Path: s.Path, Msg: "version file without a policy",
				Hint: fmt.Sprintf("its current text should be %s or %s", m.in.layout.sourcePath(dir+".md"), m.in.layout.sourcePath(dir+"/index.md"))})
			continue
		}
		d, err := ParseDate(name)
		if err != nil || len(name) != len("2006-01-02") {
			m.errs.Add(&Error{Path: s.Path, Msg: fmt.Sprintf("version file name %q is not a date", path.Base(s.Rel)),
				Hint: "name version files after their effective date, for example versions/2025-01-31.md"})
			continue
		}
		if _, declared := s.FM.Lines["effective"]; declared && !s.FM.Effective.IsZero() && s.FM.Effective.ISO() != d.ISO() {
			m.errs.Errorf(s.Path, s.FM.Lines["effective"], "effective %s disagrees with the file name %s", s.FM.Effective.ISO(), name)
		}
		v := newVersion(s, d)
		v.policyPath = pol.page.Policy.Versions[0].policyPath
		if u := m.pageURL(s, s.Rel); s.FM.Permalink != "" && u != "" {
			v.policyPath = u
		}
		pol.Versions = append(pol.Versions, v)
	}
	if m.in.history() == HistoryGit {
		m.gitVersions()
	}
	for _, p := range m.policies {
		m.orderVersions(p)
	}
}

// orderVersions sorts a policy's versions, checks their dates, links them
// and decides which is current and which upcoming.
func (m *model) orderVersions(page *Page) {
	pol := page.Policy
	vs := pol.Versions
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Effective.Before(vs[j].Effective) })
	if len(vs) > 1 && vs[0].Effective.IsZero() {
		m.errs.Add(&Error{Path: vs[0].src.Path, Line: vs[0].src.FM.Start,
			Msg:  "this policy has earlier versions, so its current text needs a date",
			Hint: "add `effective: YYYY-MM-DD` (the day this text takes effect) to the front matter"})
		pol.Versions = vs[1:]
		vs = pol.Versions
	}
	kept := vs[:0]
	for _, v := range vs {
		if n := len(kept); n > 0 && v.Effective.Equal(kept[n-1].Effective) {
			// Reported once here; the second version is dropped so that
			// it does not also clash over its version page's URL.
			m.errs.Add(&Error{Path: v.src.Path, Msg: fmt.Sprintf("two versions take effect on %s: %s and %s", v.Effective.ISO(), kept[n-1].src.Path, v.src.Path),
				Hint: "give each version its own effective date"})
			continue
		}
		if n := len(kept); n > 0 {
			v.Prev, kept[n-1].Next = kept[n-1], v
		}
		v.Policy = pol
		m.classify(v)
		kept = append(kept, v)
	}
	pol.Versions = kept
}

// classify marks a version current, upcoming or archived at the build's now.
func (m *model) classify(v *Version) {
	pol := v.Policy
	switch {
	case v.Effective.Time().After(m.in.now):
		v.Status = StatusUpcoming
		if pol.Upcoming == nil {
			pol.Upcoming = v
		}
		m.noteChange(v.Effective)
	default:
		if pol.Current != nil {
			pol.Current.Status = StatusArchived
		}
		v.Status = StatusCurrent
		pol.Current = v
	}
}

// noteChange records the earliest future date on which the output changes.
func (m *model) noteChange(d Date) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.nextChange.IsZero() || d.Before(m.nextChange) {
		m.nextChange = d
	}
}

// versionsBase is the folder under which a policy's versions live:
// /privacy/ → /privacy/, /privacy.html → /privacy/.
func versionsBase(u string) string {
	if urlpath.IsFile(u) {
		return strings.TrimSuffix(u, path.Ext(u)) + "/"
	}
	return u
}

// versionPath is a version page's stable site path (no base path), below
// the site path of the policy's current page.
func versionPath(policyPath string, v *Version) string {
	return versionsBase(policyPath) + "versions/" + v.Effective.ISO() + "/"
}
