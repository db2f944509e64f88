package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// start returns a watcher on roots that is closed when the test ends.
func start(t *testing.T, roots ...string) *Watcher {
	t.Helper()
	w, err := New(Options{Roots: roots})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next returns the next batch, failing the test after a generous timeout.
func next(t *testing.T, w *Watcher) []Event {
	t.Helper()
	select {
	case evs, ok := <-w.Batches():
		if !ok {
			t.Fatal("batches channel closed")
		}
		return evs
	case err := <-w.Errors():
		t.Fatalf("watch error: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("timed out waiting for a batch")
	}
	return nil
}

// await reads batches until one contains path, and returns its op there.
func await(t *testing.T, w *Watcher, path string) Op {
	t.Helper()
	for {
		for _, e := range next(t, w) {
			if e.Path == path {
				return e.Op
			}
		}
	}
}

// quiet fails if a batch arrives within d.
func quiet(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case evs := <-w.Batches():
		t.Fatalf("unexpected batch %v", evs)
	case <-time.After(d):
	}
}

// write creates or truncates a file with content.
func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tempDir returns an absolute temp dir with symlinks resolved, so paths
// compare equal to event paths.
func tempDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// flush creates a new file in dir and waits until it is reported. The
// events of one watcher arrive in order, so every change made before has
// been reported by then, and dir is watched: this replaces sleeping for
// "long enough", which a busy machine can exceed.
func flush(t *testing.T, w *Watcher, dir string) {
	t.Helper()
	flushes++
	sentinel := filepath.Join(dir, fmt.Sprintf("zz-flush-%d.md", flushes))
	write(t, sentinel, "flush")
	await(t, w, sentinel)
}

// flushes numbers the files flush creates.
var flushes int

func TestFileInDirectoryCreatedAfterStart(t *testing.T) {
	root := tempDir(t)
	w := start(t, root)
	sub := filepath.Join(root, "policies", "eu")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	flush(t, w, sub) // the new directories are watched
	file := filepath.Join(sub, "gdpr.md")
	write(t, file, "# GDPR")
	if op := await(t, w, file); op != Create {
		t.Fatalf("op = %v, want CREATE", op)
	}
	flush(t, w, sub) // no event of the creation is left
	write(t, file, "# GDPR v2")
	if op := await(t, w, file); op != Write {
		t.Fatalf("op = %v, want WRITE", op)
	}
}

func TestDirectoryMovedInReportsItsFiles(t *testing.T) {
	root, outside := tempDir(t), tempDir(t)
	w := start(t, root)
	src := filepath.Join(outside, "new", "deep")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(src, "a.md"), "a")
	if err := os.Rename(filepath.Join(outside, "new"), filepath.Join(root, "new")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "new", "deep", "a.md")
	if op := await(t, w, file); op != Create {
		t.Fatalf("op = %v, want CREATE", op)
	}
	flush(t, w, filepath.Join(root, "new", "deep"))
	write(t, file, "changed") // the moved-in tree is watched now
	if op := await(t, w, file); op != Write {
		t.Fatalf("op = %v, want WRITE", op)
	}
}

func TestRenameSave(t *testing.T) {
	root := tempDir(t)
	file := filepath.Join(root, "privacy.md")
	write(t, file, "v1")
	w := start(t, root)
	tmp := filepath.Join(root, "privacy.md.tmp-1234")
	write(t, tmp, "v2")
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	evs := next(t, w)
	if len(evs) != 1 || evs[0].Path != file || !evs[0].Op.Has(Create|Write) {
		t.Fatalf("batch = %v, want only a change of %s", evs, file)
	}
}

func TestVimStyleSaveIsWrite(t *testing.T) {
	root := tempDir(t)
	file := filepath.Join(root, "privacy.md")
	write(t, file, "v1")
	w := start(t, root)
	backup := file + "~"
	if err := os.Rename(file, backup); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "4913"), "")
	os.Remove(filepath.Join(root, "4913"))
	write(t, file, "v2")
	os.Remove(backup)
	sentinel := filepath.Join(root, "zz-end.md")
	write(t, sentinel, "end")
	// Whether the save lands in one batch (then it is a WRITE; see
	// TestBatchMerge) or, on a busy machine, in two, only the file and the
	// sentinel are reported and the file ends up present.
	var batches [][]Event
	present := false
	for done := false; !done; {
		evs := next(t, w)
		batches = append(batches, evs)
		for _, e := range evs {
			switch e.Path {
			case file:
				present = e.Op.Has(Create | Write)
			case sentinel:
				done = true
			default:
				t.Fatalf("batch = %v, want only %s and %s", evs, file, sentinel)
			}
		}
	}
	if !present || len(batches) == 1 && batches[0][0] != (Event{Path: file, Op: Write}) {
		t.Fatalf("batches = %v, want the save reported as a change of %s", batches, file)
	}
}

func TestDelete(t *testing.T) {
	root := tempDir(t)
	file := filepath.Join(root, "old.md")
	write(t, file, "x")
	w := start(t, root)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if op := await(t, w, file); op != Remove {
		t.Fatalf("op = %v, want REMOVE", op)
	}
}

func TestIgnoredTempFiles(t *testing.T) {
	root := tempDir(t)
	git := filepath.Join(root, ".git")
	if err := os.Mkdir(git, 0o755); err != nil {
		t.Fatal(err)
	}
	w := start(t, root)
	for _, name := range []string{".a.md.swp", ".a.md.swx", "a.md~", "4913", ".#a.md",
		"#a.md#", "a.md___jb_tmp___", ".DS_Store", filepath.Join(".git", "HEAD")} {
		write(t, filepath.Join(root, name), "x")
	}
	if err := os.Mkdir(filepath.Join(root, ".idea"), 0o755); err != nil {
		t.Fatal(err)
	}
	quiet(t, w, 300*time.Millisecond)
	real := filepath.Join(root, "a.md")
	write(t, real, "x")
	if evs := next(t, w); len(evs) != 1 || evs[0].Path != real {
		t.Fatalf("batch = %v, want only %s", evs, real)
	}
}

// TestStormCoalescesAndEndsInFinalState writes one file 100 times while
// the consumer is busy with the first batch, then creates a sentinel file.
// It asserts what does not depend on how the machine schedules the
// writer, the watcher and the consumer: every batch reports the stormed
// file once, the writes made while the consumer was busy do not queue up
// as a batch each, and the consumer, reading the file when it handles the
// last batch that names it, sees the final contents. Events of one folder
// arrive in order, so once the sentinel is reported every storm event has
// been. (An earlier version counted batches of a storm paced by sleeps,
// which failed on a busy machine.)
func TestStormCoalescesAndEndsInFinalState(t *testing.T) {
	root := tempDir(t)
	file, sentinel := filepath.Join(root, "storm.md"), filepath.Join(root, "zz-sentinel.md")
	write(t, file, "0")
	w := start(t, root)
	const writes = 100
	write(t, file, "first")
	checkStormBatch(t, next(t, w), file, "")
	for i := range writes { // the consumer is busy: nothing is read meanwhile
		write(t, file, fmt.Sprintf("write %d", i))
	}
	write(t, sentinel, "end")
	batches, last := 0, ""
	for seen := false; !seen; {
		evs := next(t, w)
		batches++
		seen = checkStormBatch(t, evs, file, sentinel)
		if evs[0].Path == file {
			last = readString(t, file) // the consumer rebuilds from the file
		}
	}
	if want := fmt.Sprintf("write %d", writes-1); last != want {
		t.Errorf("the consumer last read %q, want the final contents %q", last, want)
	}
	if batches >= writes {
		t.Errorf("%d writes while the consumer was busy became %d batches: they were not coalesced", writes, batches)
	}
	t.Logf("%d batches after the storm", batches)
}

// checkStormBatch fails unless evs reports file (written) and, when it is
// not "", sentinel (created), each at most once, and reports whether the
// sentinel is in it.
func checkStormBatch(t *testing.T, evs []Event, file, sentinel string) bool {
	t.Helper()
	seen := false
	for i, e := range evs {
		switch {
		case e == Event{Path: file, Op: Write} && i == 0:
		case e == Event{Path: sentinel, Op: Create} && sentinel != "":
			seen = true
		default:
			t.Fatalf("batch = %v, want WRITE %s and at most CREATE %s", evs, file, sentinel)
		}
	}
	return seen
}

// readString returns a file's contents.
func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestBusyConsumerGetsLatestState checks that changes made while the
// consumer is busy reach it as their net result: a file created and
// removed meanwhile is never left reported as present. The sentinel marks
// the point where every earlier event has been reported, instead of a
// sleep.
func TestBusyConsumerGetsLatestState(t *testing.T) {
	root := tempDir(t)
	w := start(t, root)
	a, b, z := filepath.Join(root, "a.md"), filepath.Join(root, "b.md"), filepath.Join(root, "z.md")
	write(t, a, "a")
	write(t, b, "b")
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	write(t, z, "end")
	present := map[string]bool{}
	for !present[z] {
		for _, e := range next(t, w) {
			present[e.Path] = e.Op.Has(Create | Write)
		}
	}
	if present[a] || !present[b] {
		t.Fatalf("after the batches: a present = %v, b present = %v; want only b", present[a], present[b])
	}
}

func TestFileRoot(t *testing.T) {
	root := tempDir(t)
	cfg := filepath.Join(root, "clause.yaml")
	write(t, cfg, "a: 1")
	w := start(t, cfg)
	write(t, filepath.Join(root, "other.txt"), "x")
	quiet(t, w, 150*time.Millisecond)
	write(t, cfg, "a: 2")
	if evs := next(t, w); len(evs) != 1 || evs[0] != (Event{Path: cfg, Op: Write}) {
		t.Fatalf("batch = %v, want WRITE %s", evs, cfg)
	}
}

func TestMissingRootIsNoticed(t *testing.T) {
	parent := tempDir(t)
	root := filepath.Join(parent, "content", "policies")
	w := start(t, root, filepath.Join(parent, "clause.yaml"))
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	flush(t, w, root)
	file := filepath.Join(root, "a.md")
	write(t, file, "x")
	if op := await(t, w, file); op != Create {
		t.Fatalf("op = %v, want CREATE", op)
	}
	cfg := filepath.Join(parent, "clause.yaml")
	write(t, cfg, "x")
	if op := await(t, w, cfg); op != Create {
		t.Fatalf("op = %v, want CREATE", op)
	}
}

func TestRemovedDirectoryIsDroppedAndRecreated(t *testing.T) {
	root := tempDir(t)
	sub := filepath.Join(root, "sub")
	if err := os.MkdirAll(filepath.Join(sub, "deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	w := start(t, root)
	if err := os.RemoveAll(sub); err != nil {
		t.Fatal(err)
	}
	if op := await(t, w, sub); op != Remove {
		t.Fatalf("op = %v, want REMOVE", op)
	}
	if len(w.fw.WatchList()) != 2 { // root and its parent
		t.Fatalf("watch list = %v after removal", w.fw.WatchList())
	}
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	flush(t, w, sub)
	file := filepath.Join(sub, "x.md")
	write(t, file, "x")
	await(t, w, file)
}

func TestCloseStopsEverything(t *testing.T) {
	before := runtime.NumGoroutine()
	root := tempDir(t)
	w, err := New(Options{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "a.md"), "x") // leave a batch pending
	time.Sleep(50 * time.Millisecond)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Fatal("Batches not closed")
	}
	noLeaks(t, before)
}

// noLeaks waits until the goroutine count falls back to before.
func noLeaks(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want %d:\n%s", runtime.NumGoroutine(), before,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkWriteToBatch measures the delay from a file write to the
// delivery of its batch, which is dominated by the debounce period.
func BenchmarkWriteToBatch(b *testing.B) {
	root, err := filepath.EvalSymlinks(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	w, err := New(Options{Roots: []string{root}})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	file := filepath.Join(root, "policy.md")
	for i := 0; b.Loop(); i++ {
		if err := os.WriteFile(file, []byte{byte(i)}, 0o644); err != nil {
			b.Fatal(err)
		}
		<-w.Batches()
	}
}

func TestSymlinkedRootIsWatched(t *testing.T) {
	real, links := tempDir(t), tempDir(t)
	if err := os.Mkdir(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(links, "content")
	if err := os.Symlink(real, root); err != nil {
		t.Skip("no symlinks:", err)
	}
	w := start(t, root)
	file := filepath.Join(root, "sub", "a.md")
	write(t, file, "x")
	if op := await(t, w, file); op != Create {
		t.Fatalf("op = %v, want CREATE", op)
	}
}

// TestIgnoreOption checks that paths Options.Ignore rejects are neither
// reported nor watched, whatever happens inside them.
func TestIgnoreOption(t *testing.T) {
	root := tempDir(t)
	out := filepath.Join(root, "public")
	if err := os.MkdirAll(filepath.Join(out, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	ignore := func(p string, isDir bool) bool { return p == out || isStrictAncestor(out, p) }
	w, err := New(Options{Roots: []string{root}, Ignore: ignore})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if w.watched[filepath.Join(out, "old")] || w.watched[out] {
		t.Error("an ignored folder is watched")
	}
	write(t, filepath.Join(out, "index.html"), "x")
	if err := os.Rename(out, filepath.Join(root, ".public.old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(root, "privacy.md")
	write(t, real, "x")
	if evs := next(t, w); len(evs) != 1 || evs[0].Path != real {
		t.Fatalf("batch = %v, want only %s", evs, real)
	}
}

// TestAdmitOption checks that a hidden folder the caller re-admits is
// watched, files created in it are reported, and temp files in it and
// other hidden folders stay ignored.
func TestAdmitOption(t *testing.T) {
	root := tempDir(t)
	wellKnown := filepath.Join(root, ".well-known")
	for _, d := range []string{wellKnown, filepath.Join(root, ".git")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	admit := func(p string, isDir bool) bool { return p == wellKnown || isStrictAncestor(wellKnown, p) }
	w, err := New(Options{Roots: []string{root}, Admit: admit})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if !w.watched[wellKnown] || w.watched[filepath.Join(root, ".git")] {
		t.Errorf("watched: .well-known %v, .git %v; want only .well-known", w.watched[wellKnown], w.watched[filepath.Join(root, ".git")])
	}
	write(t, filepath.Join(wellKnown, ".security.txt.swp"), "x")
	write(t, filepath.Join(root, ".git", "HEAD"), "x")
	real := filepath.Join(wellKnown, "security.txt")
	write(t, real, "x")
	if evs := next(t, w); len(evs) != 1 || evs[0].Path != real {
		t.Fatalf("batch = %v, want only %s", evs, real)
	}
}
