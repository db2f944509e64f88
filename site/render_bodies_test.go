package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// TestVersionBodies checks that versionBodies hands out each version's
// body as the model reads it alone, reading a window of versions with one
// request and keeping no body it has handed out, in order and out of it.
func TestVersionBodies(t *testing.T) {
	dir := importHistory(t, corpus.GitHistory(corpus.HistoryOptions{Policies: 2, Commits: 400}))
	m, errs := assembleOrFail(t, Options{Source: dir, Theme: clause.Theme, History: HistoryGit, Now: mustDate(t, "2026-01-01")})
	var vs []*Version
	for _, p := range m.policies {
		if len(p.Policy.Versions) > len(vs) {
			vs = p.Policy.Versions
		}
	}
	fromGit := 0
	for _, v := range vs {
		if v.src.Body == nil && v.src.blob != "" {
			fromGit++
		}
	}
	if fromGit <= bodyWindow {
		t.Fatalf("the longest history has %d versions read from git; want more than a window (%d)", fromGit, bodyWindow)
	}

	b := m.newVersionBodies(vs)
	for i, v := range vs {
		got, want := b.body(v), m.body(v.src)
		if !bytes.Equal(got, want) || len(want) == 0 {
			t.Fatalf("version %d: body differs from the model's (%d bytes, want %d)", i, len(got), len(want))
		}
		if _, kept := b.read[v.src]; kept || len(b.read) > bodyWindow {
			t.Fatalf("version %d: %d bodies kept (the one handed out: %v); want at most %d others", i, len(b.read), kept, bodyWindow)
		}
		if i == 0 && v.src.blob != "" && len(b.read) != bodyWindow-1 {
			t.Fatalf("after the first version, %d bodies were read ahead; want the rest of a window, %d", len(b.read), bodyWindow-1)
		}
	}

	b = m.newVersionBodies(vs)
	for _, i := range []int{len(vs) - 1, 0, len(vs) / 2, len(vs) / 2, 1} {
		if got, want := b.body(vs[i]), m.body(vs[i].src); !bytes.Equal(got, want) {
			t.Fatalf("out of order, version %d: body differs from the model's", i)
		}
	}
	b = m.newVersionBodies(vs[:2])
	if got, want := b.body(vs[5]), m.body(vs[5].src); !bytes.Equal(got, want) || len(want) == 0 {
		t.Fatalf("a version outside the list: body differs from the model's (%d bytes, want %d)", len(got), len(want))
	}

	// A blob git cannot give fails the window's read: the build gets git's
	// error once, and the rest of the window is not asked for again.
	vs[1].src.blob = "0123456789012345678901234567890123456789"
	b = m.newVersionBodies(vs)
	if body := b.body(vs[0]); body != nil {
		t.Fatalf("the first version of a window with a missing blob got %d bytes", len(body))
	}
	if n := errs.ErrorCount(); n != 1 {
		t.Fatalf("after a failed read, %d errors; want git's, once", n)
	}
	if body := b.body(vs[2]); body != nil || errs.ErrorCount() != 1 {
		t.Fatalf("after a failed read, the next version got %d bytes and the build %d errors; want none and still 1", len(body), errs.ErrorCount())
	}
	if !strings.Contains(errs.Items()[0].Error(), "history: git:") {
		t.Fatalf("the error does not say it is git's: %v", errs.Items()[0])
	}
}
