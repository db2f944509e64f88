package fuzzbudget

import (
	"flag"
	"strings"
	"testing"
	"time"
)

func TestOver(t *testing.T) {
	tests := []struct {
		d    time.Duration
		n    uint64
		want string
	}{
		{MaxTime, MaxBytes, ""},
		{MaxTime + time.Millisecond, 0, "one case took 1.001s, more than 1s"},
		{0, MaxBytes + 1, "one case allocated 101 MB, more than 100 MB"},
		{0, 300 << 20, "one case allocated 300 MB"},
	}
	for _, tt := range tests {
		if got := over(tt.d, tt.n); got != tt.want && (tt.want == "" || !strings.HasPrefix(got, tt.want)) {
			t.Errorf("over(%v, %d) = %q, want %q", tt.d, tt.n, got, tt.want)
		}
	}
}

// TestNotFuzzing checks that a plain go test run (this one) measures
// nothing, so the seed corpus never fails on a busy machine.
func TestNotFuzzing(t *testing.T) {
	if Fuzzing() {
		t.Skip("running under -fuzz")
	}
	if measured(t) {
		t.Error("Check failed a case outside fuzzing")
	}
}

// TestFuzzingCaseOverBudget sets -test.fuzz as go test -fuzz does and
// checks that a case allocating more than MaxBytes fails.
func TestFuzzingCaseOverBudget(t *testing.T) {
	if Fuzzing() {
		t.Skip("running under -fuzz")
	}
	if err := flag.Set("test.fuzz", "FuzzX"); err != nil {
		t.Fatal(err)
	}
	defer flag.Set("test.fuzz", "")
	if !Fuzzing() || !measured(t) {
		t.Error("a case over the memory budget passed while fuzzing")
	}
}

var sink []byte

// measured runs a case allocating 1 MB more than MaxBytes under Check and reports
// whether it failed.
func measured(t *testing.T) bool {
	ft := &recorder{TB: t}
	stop := Check(ft)
	sink = make([]byte, MaxBytes+1<<20)
	stop()
	sink = nil
	return ft.failed
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
