package site

// Policy is one policy with every version of its text. Its current page
// lives at the policy's permalink; when it has more than one version,
// each version also lives at <permalink>versions/<YYYY-MM-DD>/.
type Policy struct {
	ID       string     // content path without extension or /index, e.g. "privacy"
	Versions []*Version // oldest first
	Current  *Version   // the version in force now; nil when every version is upcoming
	Upcoming *Version   // the next version to take effect, if any

	Lang     string    // the language of its text (see assemble_languages.go)
	Language *Language // that language as clause.yaml names it; nil for a site in one language
	Source   *Policy   // the default language's policy it translates, or nil

	page             *Page  // the current page
	historyPermalink string // the history page's URL, with the base path

	translations []*Policy       // every language's policy of one translation set, in clause.yaml's order, or nil
	fallbacks    []*Page         // pages that show this policy where a language has an untranslated stub
	key          string          // what matches its translations: translation_key or the path without the language
	firstSeen    map[string]Date // history: git: effective date → day of the first commit that gave it
	basePath     string          // the site's base path, which the URLs of embedPath and the records add
	embedPath    string          // the embed page's site path (see assemble_records.go)
}

// HistoryURL returns the URL of the policy's version history, or "" when
// it has a single version.
func (p *Policy) HistoryURL() string {
	if !p.HasHistory() {
		return ""
	}
	return p.historyPermalink
}

// FeedURL returns the URL of the policy's Atom feed, or "".
func (p *Policy) FeedURL() string {
	if !p.HasHistory() {
		return ""
	}
	return p.historyPermalink + "feed.xml"
}

// Page returns the policy's current page.
func (p *Policy) Page() *Page { return p.page }

// Version is one version of a policy's text.
type Version struct {
	Policy      *Policy
	Effective   Date
	LastRevised Date
	Title       string
	Summary     string
	Changes     []string
	Material    bool
	Status      Status // current, upcoming or archived
	Prev, Next  *Version
	// Announced is when the change was announced, and AnnouncedBy what
	// says so: "announced", "git" or "last_revised" (see announce).
	Announced   Date
	AnnouncedBy string

	src        *Source
	policyPath string   // the policy's site path at this version (no base path)
	oldPaths   []string // other site paths it was published at (git history)
	permalink  string   // the version page's URL, with the base path
	translates *Version // for a translation, the version of the source it translates, or nil when unknown

	markdownPath, textPath string // the site paths of its published texts (see assemble_records.go)
}

// Until is the date the next version took (or takes) effect, or zero.
func (v *Version) Until() Date {
	if v.Next == nil {
		return Date{}
	}
	return v.Next.Effective
}

// Permalink returns the version page's root-relative URL with the base
// path, e.g. /policies/privacy/versions/2025-03-01/, as Page.Permalink
// is; for a policy with a single version, its current page's.
func (v *Version) Permalink() string { return v.permalink }

// URL is Permalink under the name templates use: .Version.URL.
func (v *Version) URL() string { return v.permalink }

// ChangesURL returns the URL of the redline against the previous version,
// or "" for the first version.
func (v *Version) ChangesURL() string {
	if v.Prev == nil || !v.Policy.HasHistory() {
		return ""
	}
	return v.permalink + "changes/"
}

// CompareURL returns the URL of the redline from this archived version to
// the version in force, so that a person who accepted it sees everything
// that changed since: its own compare page or, when the next version is
// the one in force, that version's changes page, the same comparison. It
// is "" for a version that is not archived.
func (v *Version) CompareURL() string {
	switch {
	case v.hasComparePage():
		return v.permalink + "compare/"
	case v.Status == StatusArchived && v.Policy.Current != nil:
		return v.Policy.Current.ChangesURL()
	}
	return ""
}

// hasComparePage reports whether the version gets a page of its own that
// compares it with the version in force; see CompareURL.
func (v *Version) hasComparePage() bool {
	return v.Status == StatusArchived && v.Policy.Current != nil && v.Next != v.Policy.Current
}

// Archived reports whether the version has been superseded.
func (v *Version) Archived() bool { return v.Status == StatusArchived }

// Upcoming reports whether the version has yet to take effect.
func (v *Version) IsUpcoming() bool { return v.Status == StatusUpcoming }

// HasHistory reports whether the policy has version pages.
func (p *Policy) HasHistory() bool { return len(p.Versions) > 1 }

// Shown is the version the policy's current page shows: the one in force,
// or the first upcoming one for a policy not yet in force.
func (p *Policy) Shown() *Version {
	if p.Current != nil {
		return p.Current
	}
	return p.Upcoming
}
