package site

import (
	"context"
	"strings"
	"sync"
	"testing"
)

// TestDemandWhileTheRestWaits holds the rest of a build back (every
// render worker waits in its first yield) and asks for two pages that the
// first pass did not render, a policy and the home page, as requests do:
// each is rendered at once and published with every file written so
// far, each file as the full build has it, while no worker has rendered
// anything. Once the workers go on, the build equals a full build.
func TestDemandWhileTheRestWaits(t *testing.T) {
	t.Parallel()
	s, opts, _, _ := sessionWithNewFooter(t)
	release := make(chan struct{})
	var more []map[string][]byte
	var fp *firstPass
	var once sync.Once
	fp = &firstPass{pages: []string{"terms/index.html"},
		publish: func(context.Context, map[string][]byte, []string, []string) {},
		more:    func(files map[string][]byte) { more = append(more, files) },
		yield: func(ctx context.Context) {
			once.Do(func() {
				go func() { // two requests, one after the other
					fp.demand([]string{"privacy/index.html"})
					fp.demand([]string{"index.html"})
					close(release)
				}()
			})
			<-release
		}}
	files, _, _, err := s.rebuildFirst(context.Background(), []fileChange{{Path: "layouts/partials/footer.html"}}, fp)
	if err != nil {
		t.Fatal(err)
	}
	want := diffFull(t, files, opts)
	if len(more) != 2 {
		t.Fatalf("%d publishes on demand, want 2", len(more))
	}
	for i, page := range []string{"privacy/index.html", "index.html"} {
		if !strings.Contains(string(more[i][page]), "New footer") {
			t.Errorf("publish %d lacks the new %s: %v", i, page, keys(more[i]))
		}
		for p, data := range more[i] {
			if string(want[p]) != string(data) {
				t.Errorf("publish %d has %s unlike the full build", i, p)
			}
		}
	}
	if _, ok := more[0]["privacy/versions/2025-01-01/index.html"]; !ok {
		t.Errorf("the policy's other pages were not published with its page: %v", keys(more[0]))
	}
	if _, ok := more[0]["index.html"]; ok {
		t.Error("the home page was published before it was asked for")
	}
	if _, ok := more[1]["privacy/index.html"]; !ok {
		t.Error("the second publish lost the files of the first")
	}
}

// TestWorkerWaitsForDemandedUnit holds a request's render of the privacy
// policy until a render worker comes to that policy: the worker must
// wait for it rather than skip it, or policies.json and the site's other
// pages are made from the policy's records before the request wrote
// them (and the memo keeps the wrong policies.json for later builds).
// The build, and the one after it, equal a full build. With a worker
// that skips the unit instead, the request is never released and the
// test does not finish.
func TestWorkerWaitsForDemandedUnit(t *testing.T) {
	t.Parallel()
	s, opts, dir, _ := sessionWithNewFooter(t)
	started, resume := make(chan struct{}), make(chan struct{})
	var fp *firstPass
	var ask, release sync.Once
	fp = &firstPass{pages: []string{"terms/index.html"},
		publish: func(context.Context, map[string][]byte, []string, []string) {},
		more:    func(map[string][]byte) {},
		yield: func(ctx context.Context) {
			ask.Do(func() { go fp.demand([]string{"privacy/index.html"}) })
			<-started // the workers go on once the request renders the policy
		},
		rendering: func(u string) {
			if u == "policy:privacy" {
				close(started)
				<-resume
			}
		},
		waiting: func(u string) {
			if u == "policy:privacy" {
				release.Do(func() { close(resume) })
			}
		}}
	files, _, _, err := s.rebuildFirst(context.Background(), []fileChange{{Path: "layouts/partials/footer.html"}}, fp)
	if err != nil {
		t.Fatal(err)
	}
	diffFull(t, files, opts)
	writeTree(t, dir, map[string]string{"content/terms.md": versionedSite["content/terms.md"] + "\nBe fair.\n"})
	again, _, _, err := s.rebuild([]fileChange{{Path: "content/terms.md"}})
	if err != nil {
		t.Fatal(err)
	}
	diffFull(t, again, opts)
}
