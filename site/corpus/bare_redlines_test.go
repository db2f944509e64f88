package corpus

import (
	"bytes"
	"testing"
)

// TestBareRedlines checks that the bare loop with Redlines writes, per
// policy, every version, a redline of each version against the one before
// it and of each older version against the current one, that the
// redlines mark the generated edits, and that the output does not depend
// on the number of workers.
func TestBareRedlines(t *testing.T) {
	src := t.TempDir()
	if err := Write(src, Options{Policies: 4, Versions: 3}); err != nil {
		t.Fatal(err)
	}
	one, three := t.TempDir(), t.TempDir()
	for _, run := range []struct {
		out     string
		workers int
	}{{one, 1}, {three, 3}} {
		if err := BareLoop(src, run.out, BareOptions{Redlines: true, Workers: run.workers}); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readAll(t, one), readAll(t, three)
	// 4 policies x (4 versions + 3 changes + 2 comparisons).
	if len(a) != 36 {
		t.Errorf("wrote %d files, want 36", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs between one worker and three", name)
		}
	}
	for _, name := range []string{"policy-0000_changes_1.html", "policy-0000_compare_0.html"} {
		if !bytes.Contains(a[name], []byte(`class="redline-section is-changed"`)) {
			t.Errorf("%s marks no changed section:\n%.400s", name, a[name])
		}
	}
}
