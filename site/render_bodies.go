package site

import (
	"slices"

	"github.com/clause-dev/clause/site/gitlog"
)

// bodyWindow is how many versions' texts versionBodies asks git for at
// once.
const bodyWindow = 32

// versionBodies gives the bodies of one policy's versions to the loop that
// renders them in order. A version read from git (--history git) keeps
// only its place in the repository after assembly, so that memory holds
// no old texts, and its body is read again when it renders. Asked one at
// a time, each of those reads is a round trip to a git cat-file process,
// in which the rendering goroutine waits for git to be scheduled, inflate
// the text and write it back: in a history of 100 policies and 2,000
// commits those waits were a sixth of the build's time. versionBodies
// asks for the next bodyWindow versions' texts in one request instead,
// and hands each out once, so that memory holds at most a window of one
// policy's texts per rendering goroutine.
type versionBodies struct {
	m      *model
	vs     []*Version
	read   map[*Source][]byte // read and not yet handed out
	failed bool               // a read failed, and readBlobs reported why
}

// newVersionBodies returns the bodies of vs, which are rendered in order.
func (m *model) newVersionBodies(vs []*Version) *versionBodies {
	return &versionBodies{m: m, vs: vs}
}

// body returns the body of version v, one of the versions given to
// newVersionBodies.
func (b *versionBodies) body(v *Version) []byte {
	s := v.src
	if body, ok := b.read[s]; ok {
		delete(b.read, s)
		return body
	}
	if s.Body == nil && s.blob != "" && b.m.blobs != nil {
		if b.failed || !b.readFrom(v) {
			return nil // the build fails with git's error; asking again would only repeat it
		}
		body := b.read[s]
		delete(b.read, s)
		return body
	}
	return b.m.body(s)
}

// readFrom reads, with one request, the bodies of v and of the versions
// after it that are also read from git, bodyWindow at most, and reports
// whether git gave them. A text shorter than its body's offset (which
// cannot happen for a blob, whose bytes never change) gives a nil body,
// as m.body does.
func (b *versionBodies) readFrom(v *Version) bool {
	srcs := []*Source{v.src}
	revs := []gitlog.Revision{{Blob: v.src.blob}}
	if i := slices.Index(b.vs, v); i >= 0 {
		for _, w := range b.vs[i+1:] {
			if len(srcs) == bodyWindow {
				break
			}
			if w.src.Body == nil && w.src.blob != "" {
				srcs, revs = append(srcs, w.src), append(revs, gitlog.Revision{Blob: w.src.blob})
			}
		}
	}
	contents := b.m.readBlobs(revs)
	if contents == nil {
		b.failed = true
		return false
	}
	b.read = make(map[*Source][]byte, len(srcs))
	for i, s := range srcs {
		if s.bodyAt <= len(contents[i]) {
			b.read[s] = contents[i][s.bodyAt:]
		} else {
			b.read[s] = nil
		}
	}
	return true
}
