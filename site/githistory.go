package site

import (
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/gitlog"
)

// gitVersions reads every policy's earlier versions from git history
// (history: git). Commits are grouped into versions by the effective (or
// last-revised) date their front matter declares: commits that keep the
// date correct the same version, and the latest text wins; a commit that
// changes the date starts a new version. The working-tree file is the
// newest text of its version.
func (b *builder) gitVersions() {
	repo, err := gitlog.Open(b.opts.Source)
	if err != nil {
		b.errs.Add(&Error{Path: b.opts.Source, Msg: "history: git: " + err.Error()})
		return
	}
	paths := make([]string, len(b.policies))
	for i, p := range b.policies {
		paths[i] = p.src.file() // a symbolic link's history is that of its target
	}
	hist, err := repo.History(paths)
	if err != nil {
		e := &Error{Path: b.opts.Source, Msg: "history: git: " + err.Error()}
		if _, shallow := err.(*gitlog.ShallowError); shallow {
			e.Msg = err.Error()
		}
		b.errs.Add(e)
		return
	}
	for _, p := range b.policies {
		b.gitPolicy(p, hist[p.src.file()], repo.Prefix())
	}
}

// gitPolicy turns one policy's revisions into versions.
func (b *builder) gitPolicy(p *Page, revs []gitlog.Revision, prefix string) {
	current := p.Policy.Versions[0]
	var versions []*Version
	undated := false
	for _, rev := range revs {
		file := strings.TrimPrefix(rev.Path, prefix)
		rel := b.revisionRel(file, p.src)
		label := fmt.Sprintf("%s@%.7s", file, rev.Commit)
		s := b.parseRevision(label, rel, rev.Content)
		if s == nil {
			continue
		}
		s.Commit = rev.Commit
		v := b.revisionVersion(s, rev, &undated)
		if n := len(versions); n > 0 && versions[n-1].Effective.Equal(v.Effective) {
			v.oldURLs = append(versions[n-1].oldURLs, versions[n-1].url)
			versions[n-1] = v // a correction of the same version: the latest text wins
			continue
		}
		versions = append(versions, v)
	}
	if n := len(versions); n > 0 && (versions[n-1].Effective.Equal(current.Effective) || current.Effective.IsZero()) {
		current.oldURLs = append(versions[n-1].oldURLs, versions[n-1].url)
		versions = versions[:n-1] // the working tree holds this version's latest text
	}
	if undated {
		b.errs.Add(&Error{Path: p.src.Path, Warning: true, Msg: "no effective date in its git history; every commit is a version dated by the commit",
			Hint: "add `effective: YYYY-MM-DD` to the front matter, so typo fixes do not count as new versions"})
	}
	if current.Effective.IsZero() && len(versions) > 0 {
		current.Effective = NewDate(revs[len(revs)-1].Time)
		current.LastRevised = current.Effective
	}
	p.Policy.Versions = append(versions, current)
}

// revisionRel returns the path in the content folder that a revision's
// file (relative to the source) had, which gives that version's URL. A
// file that was then outside the content folder, or one that include
// and exclude leave out, was not a page of the site: it keeps the path
// of current, as does every revision of a symbolic link's target.
func (b *builder) revisionRel(file string, current *Source) string {
	rel, ok := b.layout.below(file)
	if !ok || rel == "." || current.real != "" || b.layout.skippedPath(rel, false) {
		return current.Rel
	}
	return rel
}

// revisionVersion makes a version of one revision, dated by its front
// matter or, failing that, by the commit.
func (b *builder) revisionVersion(s *Source, rev gitlog.Revision, undated *bool) *Version {
	effective := s.FM.Effective
	if effective.IsZero() {
		effective = s.FM.LastRevised
	}
	v := newVersion(s, effective)
	if effective.IsZero() {
		*undated = true
		v.Effective = NewDate(rev.Time)
		v.LastRevised = v.Effective
		if v.Summary == "" {
			v.Summary = rev.Subject
		}
	}
	v.url = b.pageURL(s, s.Rel)
	return v
}

// parseRevision reads a file as it was at one commit. History cannot be
// edited, so its problems are warnings, and a revision that cannot be
// read is left out rather than failing every future build.
func (b *builder) parseRevision(label, rel string, raw []byte) *Source {
	local := &ErrorList{}
	s := parseSource(label, rel, raw, local)
	for _, e := range local.Items() {
		e.Warning = true
		e.Hint = "this is an old commit and cannot be changed; the build uses what it can read"
		b.errs.Add(e)
	}
	if len(local.Items()) > 0 && s == nil {
		return nil
	}
	return s
}
