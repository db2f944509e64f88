package site

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/clause-dev/clause/site/gitlog"
)

// gitVersions reads every policy's earlier versions from git history
// (history: git). See gitPolicy for how commits become versions. Only
// the versions' blob ids stay in memory; their texts are read from git
// again when they are rendered, as working-tree files are read from disk.
func (m *model) gitVersions() {
	repo, err := gitlog.Open(m.in.opts.Source)
	if err != nil {
		m.errs.Add(&Error{Path: m.in.opts.Source, Msg: "history: git: " + err.Error()})
		return
	}
	paths := make([]string, len(m.policies))
	for i, p := range m.policies {
		paths[i] = p.src.file() // a symbolic link's history is that of its target
	}
	hist, err := repo.Log(paths)
	if err == nil {
		m.blobs, err = repo.OpenBlobs()
	}
	if err != nil {
		e := &Error{Path: m.in.opts.Source, Msg: "history: git: " + err.Error()}
		if _, shallow := err.(*gitlog.ShallowError); shallow {
			e.Msg = err.Error()
		}
		m.errs.Add(e)
		return
	}
	all := make([][]gitlog.Revision, len(m.policies))
	kept := make([][]gitlog.Revision, len(m.policies))
	for i, p := range m.policies {
		all[i] = hist[p.src.file()]
		kept[i] = m.sinceRevisions(all[i])
	}
	contents := m.prefetchBlobs(kept)
	parallel(len(m.policies), func(i int) {
		m.gitPolicy(m.policies[i], all[i], kept[i], contents(i), repo.Prefix())
	})
}

// sinceRevisions returns the revisions made on or after history_since.
func (m *model) sinceRevisions(revs []gitlog.Revision) []gitlog.Revision {
	since := m.in.cfg.historySince
	return slices.DeleteFunc(slices.Clone(revs), func(rev gitlog.Revision) bool {
		return !since.IsZero() && rev.Time.Before(since.Time())
	})
}

// readBlobs returns the contents of revs, or nil after reporting why
// git could not give them.
func (m *model) readBlobs(revs []gitlog.Revision) [][]byte {
	oids := make([]string, len(revs))
	for i, rev := range revs {
		oids[i] = rev.Blob
	}
	contents, err := m.blobs.Read(oids...)
	if err != nil {
		m.errs.Add(&Error{Path: m.in.opts.Source, Msg: "history: git: " + err.Error()})
	}
	return contents
}

// revisionBody reads the body of a revision again from git.
func (m *model) revisionBody(s *Source) []byte {
	contents := m.readBlobs([]gitlog.Revision{{Blob: s.blob}})
	if contents == nil || s.bodyAt > len(contents[0]) {
		return nil
	}
	return contents[0][s.bodyAt:]
}

// closeBlobs ends the git processes that read versions' texts, if any.
func (m *model) closeBlobs() {
	if m.blobs == nil {
		return
	}
	if err := m.blobs.Close(); err != nil {
		m.errs.Add(&Error{Path: m.in.opts.Source, Msg: "history: git: " + err.Error()})
	}
	m.blobs = nil
}

// gitPolicy turns one policy's revisions into versions. Commits that
// leave the body as it was are not changes (see gitTexts); each text is
// dated by its front matter or, failing that, by the UTC day of the
// commit that made it, and texts that share a day are one version, the
// latest text winning, whether or not they are adjacent in history. The
// working-tree file is the newest text of its version.
// revs are all its revisions, kept those after history_since, whose
// contents are given.
func (m *model) gitPolicy(p *Page, revs, kept []gitlog.Revision, contents [][]byte, prefix string) {
	current := p.Policy.Versions[0]
	p.Policy.firstSeen = map[string]Date{}
	texts, newest := m.gitTexts(kept, contents, prefix, p.src, p.Policy.firstSeen)
	texts, undated := m.adoptNewest(current, texts, newest, revs)
	var versions []*Version
	byDay := map[string]int{} // version day → index in versions
	for _, t := range texts {
		v := m.textVersion(t, &undated)
		day := v.Effective.ISO()
		if i, ok := byDay[day]; ok {
			v.oldPaths = slices.Concat(v.oldPaths, versions[i].oldPaths, []string{versions[i].policyPath})
			versions[i] = v // the latest text of the day wins
			continue
		}
		byDay[day] = len(versions)
		versions = append(versions, v)
	}
	if i, ok := byDay[current.Effective.ISO()]; ok && !current.Effective.IsZero() {
		current.oldPaths = slices.Concat(current.oldPaths, versions[i].oldPaths, []string{versions[i].policyPath})
		versions = append(versions[:i], versions[i+1:]...) // the working tree holds this version's latest text
	}
	if undated {
		m.errs.Add(&Error{Path: p.src.Path, Severity: SeverityWarning, Msg: "no effective date in its git history; each day that changed the text is a version dated by its commits",
			Hint: "add `effective: YYYY-MM-DD` to the front matter, so typo fixes do not count as new versions"})
	}
	p.Policy.Versions = append(versions, current)
}

// adoptNewest lets the working-tree file take the place of the newest
// text in history when it has the same body (newestBody is that text's
// normal form): that text is then the current version's, and an undated
// current file takes its date. An undated file whose body was edited
// since the last commit is dated by that commit. byCommit reports whether
// the current file was dated by a commit.
func (m *model) adoptNewest(current *Version, texts []*gitText, newestBody []byte, revs []gitlog.Revision) (rest []*gitText, byCommit bool) {
	if len(texts) == 0 {
		return texts, false
	}
	newest := texts[len(texts)-1]
	date, declared := newDate(revs[len(revs)-1].Time), false
	if bytes.Equal(normalizeBody(nil, m.body(current.src)), newestBody) {
		texts = texts[:len(texts)-1]
		current.oldPaths = slices.Concat(current.oldPaths, newest.urls)
		date, declared = newest.date()
	}
	if !current.Effective.IsZero() {
		return texts, false
	}
	current.Effective, current.LastRevised = date, date
	return texts, !declared
}

// textVersion makes the version of one text, dated by its front matter
// or, failing that, by the commit that made it; undated is set then.
func (m *model) textVersion(t *gitText, undated *bool) *Version {
	date, declared := t.date()
	v := newVersion(t.src, date)
	if !declared {
		*undated = true
		v.LastRevised = date
		if v.Summary == "" {
			v.Summary = t.changed.Subject
		}
	}
	v.policyPath = t.urls[len(t.urls)-1]
	v.oldPaths = t.urls[:len(t.urls)-1]
	return v
}

// gitTexts reads a policy's revisions, oldest first, into the texts it
// had: a revision whose body is the same as the previous one's (see
// normalizeBody) is no change, so front-matter edits, renames, moves into
// the content folder and white-space fixes extend the previous text
// instead of starting one. revs are the revisions after history_since and
// contents theirs (nil when git could not give them). current is the
// working-tree file; newest is the normal form of the newest text's body.
// firstSeen gets the UTC day of the first commit that gave each effective
// date, the announcement of that version.
func (m *model) gitTexts(revs []gitlog.Revision, contents [][]byte, prefix string, current *Source, firstSeen map[string]Date) (texts []*gitText, newest []byte) {
	if contents == nil {
		return nil, nil
	}
	var prevBody, prev, cur []byte // the last body read, its normal form, a spare buffer
	for i, rev := range revs {
		rev.Content = contents[i]
		s := m.parseRevision(rev, prefix, current)
		rev.Content = nil // s holds what it needs
		if s == nil {
			continue
		}
		noteFirstSeen(firstSeen, s, rev)
		u := m.pageURL(s, s.Rel)
		same := prevBody != nil && bytes.Equal(s.Body, prevBody) // as bulk front-matter commits leave it
		if !same {
			cur = normalizeBody(cur[:0], s.Body)
			same = prevBody != nil && bytes.Equal(cur, prev)
			prev, cur = cur, prev
		}
		prevBody = s.Body
		s.release() // read again when rendered: memory stays flat
		if n := len(texts); n > 0 && same {
			texts[n-1].extend(s, u)
			continue
		}
		texts = append(texts, &gitText{src: s, changed: rev, urls: []string{u}})
	}
	return texts, prev
}

// parseRevision reads a file as it was at one commit, under a label that
// names the file's path then and the commit: content/privacy.md@1a2b3c4.
// History cannot be edited, so every problem found at that label is a
// warning (see archive), and a revision that cannot be read is
// left out rather than failing every future build. Its path in the
// content folder, which gives its URL, comes from revisionRel.
func (m *model) parseRevision(rev gitlog.Revision, prefix string, current *Source) *Source {
	was := strings.TrimPrefix(rev.Path, prefix)
	label := fmt.Sprintf("%s@%.7s", was, rev.Commit)
	archive(m.errs, label)
	s := safeParse(label, m.revisionRel(was, current), rev.Content, m.errs)
	if s != nil {
		s.Commit, s.blob = rev.Commit, rev.Blob
	}
	return s
}

// revisionRel returns the path in the content folder that a revision's
// file (relative to the source) had, which gives that version's URL. A
// file that was then outside the content folder, or one that include
// and exclude leave out, was not a page of the site: it keeps the path
// of current, as does every revision of a symbolic link's target.
func (m *model) revisionRel(file string, current *Source) string {
	rel, ok := m.in.layout.below(file)
	if !ok || rel == "." || current.real != "" || m.in.layout.skippedPath(rel, false) {
		return current.Rel
	}
	return rel
}
