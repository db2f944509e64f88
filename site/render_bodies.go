package site

import "github.com/clause-dev/clause/site/gitlog"

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
	m    *model
	vs   []*Version
	read map[*Source][]byte // read and not yet handed out
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
		b.readFrom(v)
		if body, ok := b.read[s]; ok {
			delete(b.read, s)
			return body
		}
	}
	return b.m.body(s)
}

// readFrom reads, with one request, the bodies of v and of the versions
// after it that are also read from git, bodyWindow at most. After a
// failure, which readBlobs reports, it reads nothing.
func (b *versionBodies) readFrom(v *Version) {
	var srcs []*Source
	var revs []gitlog.Revision
	started := false
	for _, w := range b.vs {
		started = started || w == v
		if !started || w.src.Body != nil || w.src.blob == "" {
			continue
		}
		srcs, revs = append(srcs, w.src), append(revs, gitlog.Revision{Blob: w.src.blob})
		if len(srcs) == bodyWindow {
			break
		}
	}
	contents := b.m.readBlobs(revs)
	if contents == nil {
		return
	}
	b.read = make(map[*Source][]byte, len(srcs))
	for i, s := range srcs {
		if s.bodyAt <= len(contents[i]) {
			b.read[s] = contents[i][s.bodyAt:]
		}
	}
}
