package memo

import (
	"reflect"
	"sync"
	"testing"
	"time"
)

// siteV1 and siteV2 stand for the site data before and after someone adds
// a field to it.
type siteV1 struct {
	Title    string
	Policies []*page
}

type siteV2 struct {
	Title    string
	Banner   string // the new field: no key function lists it
	Policies []*page
}

// page points back to its site, as a page's .Site does.
type page struct {
	Site   any
	Title  string
	when   time.Time // unexported fields count
	params map[string]any
	text   []byte `memo:"-"` // hashed by the stage that renders it
}

func newSiteV2(banner string) *siteV2 {
	s := &siteV2{Title: "Acme Privacy", Banner: banner}
	for _, t := range []string{"Cookies", "Terms"} {
		s.Policies = append(s.Policies, &page{Site: s, Title: t, when: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
			params: map[string]any{"owner": "legal", "rank": 2, "tags": []any{"a", "b"}}})
	}
	return s
}

func TestOfNewFieldChangesKey(t *testing.T) {
	if Of(newSiteV2("Closed on Friday")) == Of(newSiteV2("Open all week")) {
		t.Error("a change to a field no one listed left the key as it was")
	}
	if Of(newSiteV2("x")) != Of(newSiteV2("x")) {
		t.Error("equal values gave different keys")
	}
	if Of(&siteV1{Title: "Acme Privacy"}) == Of(&siteV2{Title: "Acme Privacy"}) {
		t.Error("values of different types gave one key")
	}
}

func TestOfFollowsEveryField(t *testing.T) {
	base := Of(newSiteV2("b"))
	edits := map[string]func(s *siteV2){
		"title":          func(s *siteV2) { s.Policies[1].Title = "Terms of Use" },
		"unexported":     func(s *siteV2) { s.Policies[0].when = s.Policies[0].when.AddDate(0, 0, 1) },
		"map value":      func(s *siteV2) { s.Policies[0].params["rank"] = 3 },
		"map value type": func(s *siteV2) { s.Policies[0].params["rank"] = "2" },
		"nested slice":   func(s *siteV2) { s.Policies[0].params["tags"] = []any{"b", "a"} },
		"order":          func(s *siteV2) { s.Policies[0], s.Policies[1] = s.Policies[1], s.Policies[0] },
	}
	for name, edit := range edits {
		s := newSiteV2("b")
		edit(s)
		if Of(s) == base {
			t.Errorf("%s: the key did not change", name)
		}
	}
}

func TestOfIgnoresTaggedFieldsAndMapOrder(t *testing.T) {
	a, b := newSiteV2("b"), newSiteV2("b")
	a.Policies[0].text = []byte("one text")
	b.Policies[0].text = []byte("another")
	b.Policies[0].params = map[string]any{}
	for _, k := range []string{"tags", "rank", "owner"} { // another insertion order
		b.Policies[0].params[k] = a.Policies[0].params[k]
	}
	if Of(a) != Of(b) {
		t.Error("a field tagged memo:\"-\" or a map's order changed the key")
	}
	m1, m2 := map[int]string{}, map[int]string{}
	for i := 0; i < 50; i++ {
		m1[i] = "v"
		m2[49-i] = "v"
	}
	if Of(m1) != Of(m2) {
		t.Error("a map with int keys hashed by its order")
	}
}

func TestOfSeparatesValues(t *testing.T) {
	pairs := [][2][]any{
		{{"ab", "c"}, {"a", "bc"}},
		{{1}, {"1"}},
		{{int64(1)}, {uint64(1)}},
		{{[]string(nil)}, {[]string{}}},
		{{nil}, {""}},
		{{map[string]int{"a": 1}}, {map[string]int{"a": 1, "b": 0}}},
		{{Of("x"), "y"}, {Of("z"), "y"}},
	}
	for _, p := range pairs {
		if Of(p[0]...) == Of(p[1]...) {
			t.Errorf("Of(%v) == Of(%v)", p[0], p[1])
		}
	}
}

func TestOfSkipsCodeAndLocks(t *testing.T) {
	type stage struct {
		Name string
		Run  func() string
		mu   sync.Mutex
	}
	a := &stage{Name: "x", Run: func() string { return "a" }}
	b := &stage{Name: "x", Run: func() string { return "b" }}
	b.mu.Lock()
	defer b.mu.Unlock()
	if Of(a) != Of(b) {
		t.Error("a function or a lock's state changed the key")
	}
}

func TestOfSharedPointersAndCycles(t *testing.T) {
	s := newSiteV2("b")
	s.Policies = append(s.Policies, s.Policies[0]) // the same page twice
	k := Of(s)
	s.Policies[2].Title = "Changed"
	if Of(s) == k {
		t.Error("a page met twice was not hashed the first time")
	}
}

func BenchmarkOf(b *testing.B) {
	s := &siteV2{Title: "Acme"}
	for i := 0; i < 1000; i++ {
		s.Policies = append(s.Policies, &page{Site: s, Title: "Policy", when: time.Now(),
			params: map[string]any{"owner": "legal", "rank": i}})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Of(s)
	}
}

// parsed computes its key once, as a file kept across builds may.
type parsed struct {
	Text  string
	calls int `memo:"-"`
	key   Key `memo:"-"`
}

func (p *parsed) MemoKey() Key {
	if p.calls == 0 {
		p.key = Of(*p)
	}
	p.calls++
	return p.key
}

func TestOfUsesKeyer(t *testing.T) {
	type holder struct{ files []*parsed }
	a := &parsed{Text: "one"}
	h := holder{files: []*parsed{a, {Text: "two"}}}
	k := Of(h)
	if Of(h) != k || a.calls != 2 {
		t.Errorf("the key changed or MemoKey was not used (%d calls)", a.calls)
	}
	if Of(holder{files: []*parsed{{Text: "one"}, {Text: "three"}}}) == k {
		t.Error("a value with another key gave the same key")
	}
}

// TestOfFastPathsMatchReflection checks that the values Of writes without
// reflection are written exactly as reflection writes them, so a key does
// not depend on which path made it.
func TestOfFastPathsMatchReflection(t *testing.T) {
	slow := func(values ...any) Key {
		e := newEncoder()
		defer e.free()
		for _, v := range values {
			e.iface(reflect.ValueOf(v))
		}
		return e.sum()
	}
	for _, v := range []any{"", "privacy/policy", Key{1, 2, 3}, [32]byte{9}, [][32]byte(nil), [][32]byte{}, [][32]byte{{1}, {2}}} {
		if Of(v) != slow(v) {
			t.Errorf("Of(%#v) differs from the reflection path", v)
		}
	}
	if Of("a", Key{1}) == Of(Key{1}, "a") {
		t.Error("the order of values does not change the key")
	}
	if Of([32]byte{1}) == Of(Key{1}) {
		t.Error("a hash and a key with the same bytes have the same key")
	}
}
