package gitlog

import "slices"

// gitlinkMode is the mode of a submodule entry, which has no blob content.
const gitlinkMode = "160000"

// pendingRev is a revision whose content has not been read yet.
type pendingRev struct {
	rev Revision
	oid string // blob id of the content
}

// tracker follows one file from HEAD back through its renames.
type tracker struct {
	path string       // repository-relative path at HEAD
	cur  string       // the file's path in the commits being visited
	revs []pendingRev // newest first
	// onBlob, if set, is called with the blob id of each recorded revision.
	onBlob func(oid string)
}

// walker routes the changes of each commit, visited newest first, to the
// trackers they concern. A tracker stops at the commit that added its file
// (or deleted it, when the file is not in HEAD).
type walker struct {
	active   map[string][]*tracker // running trackers, keyed by current path
	trackers []*tracker
}

// newWalker returns a walker with one tracker per repository path. If
// onBlob is not nil, it is called with the blob id of each revision found.
func newWalker(paths []string, onBlob func(oid string)) *walker {
	w := &walker{active: make(map[string][]*tracker, len(paths))}
	for _, p := range paths {
		t := &tracker{path: p, cur: p, onBlob: onBlob}
		w.trackers = append(w.trackers, t)
		w.active[p] = append(w.active[p], t)
	}
	return w
}

// done reports whether every tracker has stopped.
func (w *walker) done() bool { return len(w.active) == 0 }

// visit applies the changes of c, which must be older than every commit
// visited before. Trackers are looked up by their path before c, so a
// rename and an add of the old path in the same commit are told apart.
func (w *walker) visit(c *commit) {
	var moved []*tracker
	for i := range c.changes {
		ch := &c.changes[i]
		ts, ok := w.active[ch.dst]
		if !ok {
			continue
		}
		delete(w.active, ch.dst)
		for _, t := range ts {
			if t.apply(c, ch) {
				moved = append(moved, t)
			}
		}
	}
	for _, t := range moved {
		w.active[t.cur] = append(w.active[t.cur], t)
	}
}

// apply records the change ch of commit c to the tracked file and reports
// whether older commits may still hold its history.
func (t *tracker) apply(c *commit, ch *change) bool {
	switch ch.status {
	case 'A':
		t.record(c, ch)
		return false
	case 'D':
		return false
	case 'R', 'C':
		t.record(c, ch)
		t.cur = ch.src
		return true
	case 'M', 'T':
		t.record(c, ch)
	}
	return true
}

// record adds the file's revision at commit c.
func (t *tracker) record(c *commit, ch *change) {
	if ch.newMode == gitlinkMode {
		return
	}
	t.revs = append(t.revs, pendingRev{
		rev: Revision{Commit: c.hash, Time: c.time, Author: c.author, Subject: c.subject, Path: ch.dst},
		oid: ch.newOID,
	})
	if t.onBlob != nil {
		t.onBlob(ch.newOID)
	}
}

// revisions returns each tracker's revisions oldest first, with contents
// taken from blobs (none when blobs is nil). A blob used more than once is
// copied, so that no two revisions share memory.
func (w *walker) revisions(blobs map[string][]byte) map[string][]Revision {
	out := make(map[string][]Revision, len(w.trackers))
	used := make(map[string]bool, len(blobs))
	for _, t := range w.trackers {
		revs := make([]Revision, len(t.revs))
		for i, pr := range t.revs {
			rev := pr.rev
			rev.Blob, rev.Content = pr.oid, blobs[pr.oid]
			if used[pr.oid] && rev.Content != nil {
				rev.Content = slices.Clone(rev.Content)
			}
			used[pr.oid] = true
			revs[len(revs)-1-i] = rev
		}
		out[t.path] = revs
	}
	return out
}
