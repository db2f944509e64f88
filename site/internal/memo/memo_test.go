package memo

import (
	"fmt"
	"sync"
	"testing"
)

// build runs one build over m that asks for the given stages, each keyed
// by its name, and ends it with ok. It returns the stages it computed.
func build(m *Memo, ok bool, stages ...string) []string {
	v := m.Begin()
	var computed []string
	for _, s := range stages {
		Do(v, func() Key { return Of(s) }, func() (string, bool) {
			computed = append(computed, s)
			return "output of " + s, true
		})
	}
	v.End(ok)
	return computed
}

func TestDoComputesOnce(t *testing.T) {
	m := New()
	if got := build(m, true, "a", "b"); fmt.Sprint(got) != "[a b]" {
		t.Errorf("first build computed %v", got)
	}
	if got := build(m, true, "a", "b", "c"); fmt.Sprint(got) != "[c]" {
		t.Errorf("second build computed %v, want [c]", got)
	}
	v := m.Begin()
	if val, hit := Do(v, func() Key { return Of("a") }, func() (string, bool) { return "again", true }); !hit || val != "output of a" {
		t.Errorf("Do = %q, %v", val, hit)
	}
	v.End(true)
}

func TestDoKeepsNothingOnError(t *testing.T) {
	m := New()
	v := m.Begin()
	Do(v, func() Key { return Of("broken") }, func() (string, bool) { return "partial", false })
	if _, hit := Do(v, func() Key { return Of("broken") }, func() (string, bool) { return "", false }); hit {
		t.Error("an output made with an error was kept")
	}
	v.End(true)
}

// TestFailedBuildKeepsGoodEntries is the broken front matter: a good
// build, a failed one that needs other outputs, then the fix, which must
// find every output of the good build.
func TestFailedBuildKeepsGoodEntries(t *testing.T) {
	m := New()
	build(m, true, "page 1", "page 2", "page 3")
	if got := build(m, false, "page 1 without 3", "page 2 without 3"); len(got) != 2 {
		t.Fatalf("failed build computed %v", got)
	}
	if got := build(m, false, "page 1 without 3", "page 1"); fmt.Sprint(got) != "[page 1 without 3]" {
		t.Errorf("a second failed build computed %v: a failed build's entries must go, the good ones stay", got)
	}
	if got := build(m, true, "page 1", "page 2", "page 3"); len(got) != 0 {
		t.Errorf("the fix computed %v, want nothing", got)
	}
	if m.Len() != 3 {
		t.Errorf("after the fix the memo holds %d entries, want the good build's 3", m.Len())
	}
}

func TestMemoIsBounded(t *testing.T) {
	m := New()
	for i := 0; i < 100; i++ {
		ok := i%3 != 0
		build(m, ok, "shared", fmt.Sprint("edit ", i), fmt.Sprint("page ", i%7))
		if n := m.Len(); n > 3 {
			t.Fatalf("after build %d the memo holds %d entries, more than one build's 3", i, n)
		}
	}
}

func TestNilView(t *testing.T) {
	var v *View
	v.Put(Of("a"), 1)
	if _, ok := v.Get(Of("a")); ok {
		t.Error("a nil view kept an entry")
	}
	if val, hit := Do(v, func() Key { return Of("a") }, func() (int, bool) { return 7, true }); val != 7 || hit {
		t.Errorf("Do on a nil view = %d, %v", val, hit)
	}
	v.End(true)
}

func TestViewConcurrent(t *testing.T) {
	m := New()
	for round := 0; round < 3; round++ {
		v := m.Begin()
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 200; i++ {
					got, _ := Do(v, func() Key { return Of(i % 50) }, func() (int, bool) { return i % 50, true })
					if got != i%50 {
						t.Errorf("Do(%d) = %d", i%50, got)
					}
				}
			}()
		}
		wg.Wait()
		v.End(round != 1)
	}
	if m.Len() != 50 {
		t.Errorf("memo holds %d entries, want 50", m.Len())
	}
}
