package watch

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestBatchMerge(t *testing.T) {
	tests := []struct {
		name string
		ops  []Op
		want Op
	}{
		{"write", []Op{Write, Write}, Write},
		{"create then write", []Op{Create, Write}, Create},
		{"remove then create", []Op{Remove, Create}, Write},
		{"rename then create", []Op{Rename, Create}, Write},
		{"write then remove", []Op{Write, Remove}, Remove},
		{"renamed away", []Op{Rename}, Rename},
		{"create then remove", []Op{Create, Write, Remove}, 0},
		{"remove create remove", []Op{Remove, Create, Remove}, Remove},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBatch()
			for _, op := range tt.ops {
				b.add("/p", op)
			}
			var want []Event
			if tt.want != 0 {
				want = []Event{{Path: "/p", Op: tt.want}}
			}
			if got := b.events(); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("events = %v, want %v", got, want)
			}
		})
	}
}

func TestBatchSorted(t *testing.T) {
	b := newBatch()
	for _, p := range []string{"/c", "/a", "/b", "/a"} {
		b.add(p, Write)
	}
	want := []Event{{"/a", Write}, {"/b", Write}, {"/c", Write}}
	if got := b.events(); !reflect.DeepEqual(got, want) {
		t.Fatalf("events = %v, want %v", got, want)
	}
}

func TestBatchDelayCapped(t *testing.T) {
	b := newBatch()
	t0 := time.Now()
	if d := b.delay(t0, 20*time.Millisecond, maxWait); d != 20*time.Millisecond {
		t.Fatalf("first delay = %v", d)
	}
	if d := b.delay(t0.Add(490*time.Millisecond), 20*time.Millisecond, maxWait); d != 10*time.Millisecond {
		t.Fatalf("capped delay = %v", d)
	}
	if d := b.delay(t0.Add(maxWait), 20*time.Millisecond, maxWait); d > 0 {
		t.Fatalf("delay after maxWait = %v, want closed", d)
	}
}

func TestIsTempFile(t *testing.T) {
	temp := []string{".privacy.md.swp", ".x.swx", ".x.swpx", "4913", "privacy.md~",
		".#privacy.md", "#privacy.md#", "privacy.md___jb_tmp___", "privacy.md___jb_old___",
		".DS_Store", "/abs/dir/.privacy.md.swp"}
	for _, n := range temp {
		if !IsTempFile(n) {
			t.Errorf("IsTempFile(%q) = false", n)
		}
	}
	for _, n := range []string{"privacy.md", "clause.yaml", "#", "4913.md", ".well-known", "a#b"} {
		if IsTempFile(n) {
			t.Errorf("IsTempFile(%q) = true", n)
		}
	}
}

func TestIgnoredRel(t *testing.T) {
	for rel, want := range map[string]bool{
		"a.md":                     false,
		".git/HEAD":                true,
		"sub/.idea/x.xml":          true,
		".well-known/security.txt": false,
		"sub/.a.md.swp":            true,
		"sub/deeper/privacy.md":    false,
		"sub/deeper/privacy.md~":   true,
	} {
		if got := ignoredRel(filepath.FromSlash(rel)); got != want {
			t.Errorf("ignoredRel(%q) = %v, want %v", rel, got, want)
		}
	}
}
