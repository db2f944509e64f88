package site

import (
	"context"
	"fmt"
	"os"

	"github.com/clause-dev/clause/site/redline"
)

// Announcement is what clause announce prints about a policy's next
// change: what changes, when it takes effect and where to read it. Its
// URLs are absolute when base_url is set, root-relative otherwise.
type Announcement struct {
	Site       string   // the site's title
	Contact    string   // the site's contact address, or ""
	Policy     string   // the policy's title
	Effective  Date     // when the new version takes effect
	InForce    bool     // the new version is already in force (no upcoming version)
	Material   bool     // the change is material
	Announced  Date     // the announcement date the build uses, see announce
	Summary    string   // the version's summary
	Changes    []string // the version's list of changes
	Sections   []AnnouncedSection
	RedlineURL string // the redline against the version before it
	NewURL     string // the new version's page
	CurrentURL string // the policy's page, which shows the text in force
	HistoryURL string // the policy's history, or ""
}

// AnnouncedSection is a section the redline marks: changed, added or removed.
type AnnouncedSection struct {
	Title  string // the heading; "Introduction" for the text before the first
	Status string // "changed", "added" or "removed"
}

// Announce assembles the site in opts.Source as a build does and returns
// the announcement of the policy slug names: of its upcoming version, or,
// when it has none, of the version in force, which must have a version
// before it. The sections come from the redline between that version and
// the one before, rendered as the build renders them. A site with build
// errors is refused with them: the announcement would link to pages that
// cannot be published.
func Announce(opts Options, slug string) (*Announcement, error) {
	opts = opts.withDefaults()
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("source folder: %w", err)
	}
	defer root.Close()
	scaffold, err := loadScaffoldSite(opts.Source)
	if err != nil {
		return nil, err
	}
	found, err := scaffold.policyNamed(slug)
	if err != nil {
		return nil, err
	}
	errs := &ErrorList{}
	in := load(context.Background(), opts, root.FS(), errs)
	m := assemble(in, errs)
	defer m.closeBlobs()
	if errs.ErrorCount() > 0 {
		return nil, &BuildError{Errors: errs.Errors()}
	}
	p := m.bySource[found.src.Rel]
	if p == nil {
		return nil, &Error{Path: found.src.Path, Msg: "the build does not read this file as a policy", Hint: "run clause check to see why"}
	}
	return m.announcement(p, errs)
}

// announcement describes the change of p's upcoming version, else of its
// version in force.
func (m *model) announcement(p *Page, errs *ErrorList) (*Announcement, error) {
	pol := p.Policy
	v := pol.Upcoming
	if v == nil {
		v = pol.Current
	}
	if v == nil || v.Prev == nil {
		return nil, &Error{Path: p.src.Path, Msg: "nothing to announce: this policy has a single version",
			Hint: "start a new version with clause revise " + pol.ID + " --effective DATE"}
	}
	a := &Announcement{Site: m.in.cfg.Title, Contact: m.in.cfg.Contact, Policy: p.Title, Effective: v.Effective,
		InForce: v.Status != StatusUpcoming, Material: v.Material, Announced: v.Announced, Summary: v.Summary, Changes: v.Changes,
		RedlineURL: m.abs(v.ChangesURL()), NewURL: m.abs(v.Permalink()), CurrentURL: m.abs(p.Permalink), HistoryURL: m.abs(pol.HistoryURL())}
	sections, err := m.changedSections(p, v, errs)
	if err != nil {
		return nil, err
	}
	a.Sections = sections
	return a, nil
}

// changedSections renders v and the version before it as the build does
// and returns the sections their redline marks.
func (m *model) changedSections(p *Page, v *Version, errs *ErrorList) ([]AnnouncedSection, error) {
	r := &renderer{ctx: context.Background(), m: m, errs: errs, md: m.md}
	old := redlineBlocks(r.renderDoc(p, v.Prev, true).Blocks)
	cur := redlineBlocks(r.renderDoc(p, v, true).Blocks)
	if errs.ErrorCount() > 0 {
		return nil, &BuildError{Errors: errs.Errors()}
	}
	var out []AnnouncedSection
	for _, s := range redline.NewDiffer().Diff(old, cur).Sections {
		if s.Status == redline.Unchanged {
			continue
		}
		title := s.Title
		if title == "" {
			title = "Introduction"
		}
		out = append(out, AnnouncedSection{Title: title, Status: s.Status.String()})
	}
	return out, nil
}
