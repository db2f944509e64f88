// Package memo is the dev server's memory of work done by earlier
// builds: one Memo per serve session, read and written by each build
// through its own View, so that a rebuild redoes only the stages whose
// inputs changed.
//
// # Keys
//
// An entry is stored under a Key, the SHA-256 of the values a stage is
// given, encoded by Of (see key.go for the encoding's rules). A key is
// never listed by hand: a stage's key is Of of the stage's name and the
// values it reads, so a value that changes in any field, including one
// added later, gives a new key. Entries are therefore never invalidated;
// a stale entry is simply one that no build asks for again.
//
// # Builds
//
// Each build calls Begin and reads and writes through the View it
// returns. Get finds an entry stored by this build or an earlier one; Put
// adds one (an entry already present under the key is kept, since equal
// keys mean equal inputs). Do combines the two for a stage. When the
// build ends, End(ok) decides what the memo keeps:
//
//   - ok (the build succeeded): exactly the entries this build used or
//     added. This is the last good build.
//   - not ok (the build failed or was cancelled): the entries the last
//     good build used, and no others. A failed build never evicts an
//     entry the last good build used, so that fixing the error that
//     failed it finds every page of the good build again; what it added
//     itself is dropped, so that a broken site does not hold a second
//     copy of every page while the error is being fixed.
//
// Between builds the memo holds the entries of one build, so memory does
// not grow with the number of edits; during a build, at most those and
// the ones the build adds.
//
// # Concurrency
//
// A Memo and its Views are safe for concurrent use; the goroutines of one
// build share its View. Views may overlap, but one's End may then drop
// entries the other added, which costs only their recomputation. A nil
// *View stores nothing: Get misses, Put does nothing and Do computes, for
// builds without a session.
package memo

import "sync"

// Memo is one session's entries, by key.
type Memo struct {
	mu      sync.Mutex
	entries map[Key]any
	good    map[Key]struct{} // the keys the last good build used or added
}

// New returns an empty memo.
func New() *Memo {
	return &Memo{entries: map[Key]any{}, good: map[Key]struct{}{}}
}

// Len returns the number of entries the memo holds.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
}

// View is one build's access to a memo. It records the keys the build
// uses, which End keeps.
type View struct {
	m    *Memo
	mu   sync.Mutex
	used map[Key]struct{}
}

// Begin starts a build's view of the memo.
func (m *Memo) Begin() *View {
	return &View{m: m, used: map[Key]struct{}{}}
}

// Get returns the entry stored under k, if any.
func (v *View) Get(k Key) (any, bool) {
	if v == nil {
		return nil, false
	}
	v.m.mu.Lock()
	val, ok := v.m.entries[k]
	v.m.mu.Unlock()
	if ok {
		v.use(k)
	}
	return val, ok
}

// Put stores val under k unless an entry is there already; it stays for
// the rest of the build, and after it if the build succeeds.
func (v *View) Put(k Key, val any) {
	if v == nil {
		return
	}
	v.m.mu.Lock()
	if _, ok := v.m.entries[k]; !ok {
		v.m.entries[k] = val
	}
	v.m.mu.Unlock()
	v.use(k)
}

// use records that the build used k.
func (v *View) use(k Key) {
	v.mu.Lock()
	v.used[k] = struct{}{}
	v.mu.Unlock()
}

// End finishes the build; ok tells whether it succeeded. See the package
// documentation for what the memo keeps. The view must not be used
// afterwards.
func (v *View) End(ok bool) {
	if v == nil {
		return
	}
	v.mu.Lock()
	used := v.used
	v.used = nil
	v.mu.Unlock()
	m := v.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if ok {
		m.good = used
	}
	for k := range m.entries {
		if _, keep := m.good[k]; !keep {
			delete(m.entries, k)
		}
	}
}

// Do returns the value of type T stored under the key that key returns,
// with hit true, or else the value compute returns, which is stored when
// compute reports it may be kept (a stage that reported an error keeps
// nothing). A nil view always computes and never calls key: a build
// without a memo pays for no key.
func Do[T any](v *View, key func() Key, compute func() (T, bool)) (val T, hit bool) {
	if v == nil {
		val, _ = compute()
		return val, false
	}
	k := key()
	if got, ok := v.Get(k); ok {
		if t, ok := got.(T); ok {
			return t, true
		}
	}
	val, keep := compute()
	if keep {
		v.Put(k, val)
	}
	return val, false
}
