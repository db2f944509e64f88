package site

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clause-dev/clause"
)

// TestRebuildsCancelOnNewChange checks the dev server's rebuild queue: a
// change arriving while a rebuild runs cancels it, the cancelled result
// is not published, and the next rebuild covers both changes. The fake
// first build can only end by being cancelled, so no timing is involved.
func TestRebuildsCancelOnNewChange(t *testing.T) {
	started := make(chan []fileChange, 3)
	var calls atomic.Int32
	r := &rebuilds{build: func(ctx context.Context, changes []fileChange) rebuildResult {
		started <- changes
		if calls.Add(1) == 1 {
			<-ctx.Done() // a slow build: runs until cancelled
			return rebuildResult{err: ctx.Err()}
		}
		return rebuildResult{changed: []string{"privacy/index.html"}}
	}}
	ctx := context.Background()
	r.add(ctx, []fileChange{{Path: "content/slow.md"}})
	if got := <-started; len(got) != 1 || got[0].Path != "content/slow.md" {
		t.Fatalf("first build for %v", got)
	}
	r.add(ctx, []fileChange{{Path: "content/fix.md"}})
	if res := <-r.finished(); r.finish(res) {
		t.Fatalf("the cancelled build would be published: %+v", res)
	}
	r.resume(ctx)
	want := []fileChange{{Path: "content/slow.md"}, {Path: "content/fix.md"}}
	if got := <-started; !slices.Equal(got, want) {
		t.Fatalf("second build for %v, want %v", got, want)
	}
	res := <-r.finished()
	if !r.finish(res) || !slices.Equal(res.changes, want) {
		t.Fatalf("second build not published or for other changes: %+v", res)
	}
	r.resume(ctx)
	if r.finished() != nil {
		t.Error("a build started with nothing queued")
	}
}

// TestRebuildsStopWaits checks that stop cancels the running rebuild and
// returns only once it has ended.
func TestRebuildsStopWaits(t *testing.T) {
	var ended atomic.Bool
	r := &rebuilds{build: func(ctx context.Context, changes []fileChange) rebuildResult {
		<-ctx.Done()
		ended.Store(true)
		return rebuildResult{err: ctx.Err()}
	}}
	r.add(context.Background(), []fileChange{{Path: "content/a.md"}})
	r.stop()
	if !ended.Load() || r.finished() != nil {
		t.Error("stop returned before the rebuild ended")
	}
}

// cancelAfter is a context whose Err reports cancellation from its
// (n+1)th call on, so a test can cancel a build at a known check.
type cancelAfter struct {
	context.Context
	n     int32
	calls atomic.Int32
}

func (c *cancelAfter) Err() error {
	if c.calls.Add(1) > c.n {
		return context.Canceled
	}
	return nil
}

// TestCancelledRebuildPublishesNothing cancels a session's build after
// the site is assembled: the render workers render no page, the previous
// files stay current, and the next build reports the change the
// cancelled one was given.
func TestCancelledRebuildPublishesNothing(t *testing.T) {
	dir := newSite(t, goodSite)
	s := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
	before, _, _, err := s.rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	change := writeFile(t, dir, "content/privacy.md", "---\ntitle: Privacy\n---\n## Data\n\nWe keep nothing.\n", false)
	ctx := &cancelAfter{Context: context.Background(), n: 1} // the check after assembling passes
	files, changed, res, err := s.rebuildContext(ctx, []fileChange{change})
	if !errors.Is(err, context.Canceled) || changed != nil || res == nil || res.Pages != 0 {
		t.Fatalf("cancelled build: err %v, changed %v, result %+v; want context.Canceled, nothing changed, no page rendered", err, changed, res)
	}
	if strings.Contains(string(files["privacy/index.html"]), "nothing") || !mapsEqual(files, before) {
		t.Error("the cancelled build's files became current")
	}
	files, changed, _, err = s.rebuild(nil)
	if err != nil || !slices.Contains(changed, "privacy/index.html") || !strings.Contains(string(files["privacy/index.html"]), "We keep nothing.") {
		t.Errorf("next build: err %v, changed %v", err, changed)
	}
}

func mapsEqual(a, b map[string][]byte) bool {
	return len(diffFiles(a, b, nil)) == 0
}
