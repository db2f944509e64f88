package site

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// ReviseOptions configures Revise.
type ReviseOptions struct {
	Source    string              // the site folder; default "."
	Slug      string              // the policy: "privacy", "legal/dpa" or "content/privacy.md"
	Effective Date                // when the new version takes effect; must be after the current one's
	Summary   string              // one line on what changes; empty leaves summary out
	Material  bool                // the change is material (readers are told more prominently)
	Now       time.Time           // today, written as last_revised; zero means SOURCE_DATE_EPOCH, else the clock (UTC)
	Backdate  bool                // accept an effective date before today (the version is current at once)
	Getenv    func(string) string // reads SOURCE_DATE_EPOCH; nil means os.Getenv
}

// Revision describes what Revise did.
type Revision struct {
	Current   string // the policy file, now the new version, relative to the source
	Archived  string // the version file that keeps the previous text
	Previous  Date   // when the archived text took effect
	Effective Date   // when the new version takes effect
	Revised   Date   // the new last_revised
	Today     Date   // the day Revise ran on, from ReviseOptions.Now
}

// InForce reports whether the new version is current at once: it takes
// effect today, or, backdated, took effect earlier.
func (rev *Revision) InForce() bool { return rev.Effective.ISO() <= rev.Today.ISO() }

// Backdated reports whether the new version took effect before today.
func (rev *Revision) Backdated() bool { return rev.Effective.ISO() < rev.Today.ISO() }

// Revise starts a new version of a policy: it archives the current text
// as <slug>/versions/<its effective date>.md in the content folder, keeping its front
// matter without redirect_from and aliases (which stay with the policy)
// and without effective (the file name says it), then sets effective,
// last_revised, summary and material on the current file. Other front
// matter keys keep their values, comments and order; the body is left for
// the writer to edit. Revise refuses a policy without a date, a new date
// that is not after the current one, a new date before today unless
// o.Backdate is set (a backdated version's last_revised is its effective
// date, since its text was settled by then), and a version file that
// exists.
func Revise(o ReviseOptions) (*Revision, error) {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	now, err := resolveNow(o.Now, o.Getenv)
	if err != nil {
		return nil, &Error{Path: "SOURCE_DATE_EPOCH", Msg: err.Error()}
	}
	m, err := loadScaffoldSite(o.Source)
	if err != nil {
		return nil, err
	}
	page, err := m.policyNamed(o.Slug)
	if err != nil {
		return nil, err
	}
	fm, err := readYAML(o.Source, page.src.Path)
	if err != nil {
		return nil, err
	}
	today := dateOrToday(now)
	rev := &Revision{Current: page.src.Path, Effective: o.Effective, Revised: today, Today: today}
	if rev.Previous, err = currentDate(page); err != nil {
		return nil, err
	}
	if err := rev.check(o.Source, m.dir(), page.Policy.ID, o.Backdate); err != nil {
		return nil, err
	}
	if o.Material && !rev.Backdated() {
		if err := m.checkRevisionNotice(page, rev); err != nil {
			return nil, err
		}
	}
	if rev.Backdated() {
		rev.Revised = rev.Effective
	}
	return rev, rev.write(o, fm)
}

// currentDate returns when the policy's current text took effect, as the
// build reads it: effective, else its last-revised date, from the front
// matter or, when that has no date, from the top of the text.
func currentDate(p *Page) (Date, error) {
	for _, v := range p.Policy.Versions {
		if v.src == p.src && !v.Effective.IsZero() {
			return v.Effective, nil
		}
	}
	return Date{}, &Error{Path: p.src.Path, Line: 1, Msg: "the current text has no effective or last_revised date, so its version cannot be named",
		Hint: "add effective: YYYY-MM-DD (the date the current text took effect) to the front matter, then run clause revise again"}
}

// check refuses a new date that is not after the old one, one before
// today unless backdate is set, and an archive that exists.
func (rev *Revision) check(source, dir, slug string, backdate bool) error {
	if rev.Effective.ISO() <= rev.Previous.ISO() {
		return &Error{Path: rev.Current, Msg: fmt.Sprintf("the new effective date %s is not after %s, the effective date of the current text", rev.Effective.ISO(), rev.Previous.ISO()),
			Hint: "a new version takes effect after the one it replaces: give a later --effective date"}
	}
	if rev.Backdated() && !backdate {
		return &Error{Path: rev.Current, Msg: fmt.Sprintf("the new effective date %s is before today, %s: the new version would be current at once, without notice", rev.Effective.ISO(), rev.Today.ISO()),
			Hint: fmt.Sprintf("give today or a later date as --effective; to record a change that already took effect on %s, add --backdate", rev.Effective.ISO())}
	}
	rev.Archived = path.Join(dir, slug, "versions", rev.Previous.ISO()+".md")
	if _, err := os.Stat(filepath.Join(source, filepath.FromSlash(rev.Archived))); err == nil {
		return &Error{Path: rev.Archived, Msg: "this version file already exists",
			Hint: fmt.Sprintf("the text effective %s was archived before; if %s is already a newer text, set its effective date instead of running revise", rev.Previous.ISO(), rev.Current)}
	}
	return nil
}

// write writes the archive first, then the revised current file, and
// removes the archive again when the second write fails.
func (rev *Revision) write(o ReviseOptions, fm *yamlFile) error {
	archive, err := fm.render(fm.archived())
	if err != nil {
		return &Error{Path: rev.Current, Msg: fmt.Sprintf("cannot write the front matter: %v", err)}
	}
	current, err := fm.render(fm.revised(rev, o))
	if err != nil {
		return &Error{Path: rev.Current, Msg: fmt.Sprintf("cannot write the front matter: %v", err)}
	}
	archivePath := filepath.Join(o.Source, filepath.FromSlash(rev.Archived))
	if err := writeNew(archivePath, archive); err != nil {
		return &Error{Path: rev.Archived, Msg: err.Error()}
	}
	if err := os.WriteFile(filepath.Join(o.Source, filepath.FromSlash(rev.Current)), current, 0o644); err != nil {
		os.Remove(archivePath)
		return &Error{Path: rev.Current, Msg: fmt.Sprintf("cannot write: %v", unwrapPathError(err))}
	}
	return nil
}

// yamlFile is a content file split into its YAML front matter, as a
// node, and its body, kept byte for byte.
type yamlFile struct {
	path string
	root *yaml.Node // the front matter mapping
	bom  []byte     // the file's byte order mark, if it has one
	body []byte     // everything after the closing line, as in the file
	eol  string     // the line ending of the front matter: "\n", "\r\n" or "\r"
}

// notYAML is the error for a file whose front matter revise cannot edit,
// in format at line.
func notYAML(rel string, format frontmatter.Format, line int) error {
	if format == frontmatter.None {
		return &Error{Path: rel, Line: 1, Msg: "no YAML front matter: clause revise edits front matter written between --- lines",
			Hint: "start the file with ---, then effective: YYYY-MM-DD (the date the current text took effect), then ---"}
	}
	return &Error{Path: rel, Line: line, Msg: "clause revise edits YAML front matter only, and this file's is " + string(format),
		Hint: "revise it by hand: copy it to <slug>/versions/<its effective date>.md in the content folder, drop redirect_from and aliases from the copy, then set the new effective date here; or convert its front matter to YAML"}
}

// readYAML reads the file at rel in the source folder and splits it.
func readYAML(source, rel string) (*yamlFile, error) {
	raw, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(rel)))
	if err != nil {
		return nil, &Error{Path: rel, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	return splitYAML(rel, raw)
}

// splitYAML reads a file's YAML front matter, found as the build finds
// it (see package frontmatter). Revise edits only YAML.
func splitYAML(rel string, raw []byte) (*yamlFile, error) {
	b, err := frontmatter.Split(raw)
	if err != nil {
		err.Path = rel
		return nil, err
	}
	if b.Format != frontmatter.YAML {
		return nil, notYAML(rel, b.Format, b.Start)
	}
	head := raw[:b.BodyOffset]
	f := &yamlFile{path: rel, root: &yaml.Node{Kind: yaml.MappingNode}, body: raw[b.BodyOffset:], eol: "\n"}
	if bytes.HasPrefix(raw, []byte("\uFEFF")) {
		f.bom = []byte("\uFEFF")
	}
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 && head[i] == '\r' {
		f.eol = "\r"
		if bytes.HasPrefix(head[i:], []byte("\r\n")) {
			f.eol = "\r\n"
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b.Raw, &doc); err != nil {
		d := frontmatter.YAMLError(b.RawLine-1, err)
		d.Path = rel
		return nil, d
	}
	if len(doc.Content) > 0 {
		if doc.Content[0].Kind != yaml.MappingNode {
			return nil, &Error{Path: rel, Line: b.RawLine, Msg: "the front matter is not a mapping of keys to values"}
		}
		f.root = doc.Content[0]
	}
	return f, nil
}

// archived returns the front matter of the version file.
func (f *yamlFile) archived() *yaml.Node {
	m := cloneNode(f.root)
	for _, k := range []string{"redirect_from", "aliases", "effective"} {
		deleteKey(m, k)
	}
	return m
}

// revised returns the front matter of the new current version: new
// dates, summary and material; the previous version's changes list is
// removed, since it describes that version.
func (f *yamlFile) revised(rev *Revision, o ReviseOptions) *yaml.Node {
	m := cloneNode(f.root)
	revisedKey := "last_revised"
	for _, k := range lastRevisedKeys {
		if keyValue(m, k) != nil {
			revisedKey = k
			break
		}
	}
	setKey(m, revisedKey, dateNode(rev.Revised), "description")
	setKey(m, "effective", dateNode(rev.Effective), revisedKey)
	deleteKey(m, "changes")
	if o.Summary != "" {
		setKey(m, "summary", strNode(o.Summary), "effective")
	} else {
		deleteKey(m, "summary")
	}
	if o.Material {
		setKey(m, "material", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"}, "effective")
	} else {
		deleteKey(m, "material")
	}
	return m
}

// render writes front matter and the body, with the file's line endings.
func (f *yamlFile) render(m *yaml.Node) ([]byte, error) {
	head, err := encodeYAML(m)
	if err != nil {
		return nil, err
	}
	front := strings.ReplaceAll("---\n"+string(head)+"---\n", "\n", f.eol)
	return slices.Concat(f.bom, []byte(front), f.body), nil
}

// cloneNode copies a mapping node deeply enough to change its keys.
func cloneNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = append([]*yaml.Node(nil), n.Content...)
	return &c
}
