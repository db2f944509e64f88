// Package fuzzbudget makes fuzz targets guard time and memory as well as
// correctness: while fuzzing, a single case that runs longer than a
// second or allocates more than 100 MB fails, so inputs that would make
// clause slow or huge are found like inputs that make it crash.
//
// The budget applies only while fuzzing (go test -fuzz), never to the
// seed corpus in a plain go test run, so CI does not depend on how busy
// the machine is. A fuzz body starts with
//
//	defer fuzzbudget.Check(t)()
package fuzzbudget

import (
	"flag"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// The budget of one fuzz case.
const (
	MaxTime  = time.Second
	MaxBytes = 100 << 20
)

// Check starts measuring one fuzz case and returns the function that
// ends the measurement and fails t when the case went over budget. When
// not fuzzing it measures nothing.
func Check(t testing.TB) func() {
	if !Fuzzing() {
		return func() {}
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	return func() {
		t.Helper()
		took := time.Since(start)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if msg := over(took, after.TotalAlloc-before.TotalAlloc); msg != "" {
			t.Errorf("%s: this input makes the code too slow or too large", msg)
		}
	}
}

// over describes how a case that took d and allocated n bytes exceeds
// the budget, or returns "".
func over(d time.Duration, n uint64) string {
	switch {
	case d > MaxTime:
		return fmt.Sprintf("one case took %v, more than %v", d.Round(time.Millisecond), MaxTime)
	case n > MaxBytes:
		return fmt.Sprintf("one case allocated %d MB, more than %d MB", (n+1<<20-1)>>20, MaxBytes>>20)
	}
	return ""
}

// Fuzzing reports whether the test binary runs with -test.fuzz, as the
// fuzzing coordinator and its workers do.
func Fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
