package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	p := Policy{Min: 80 << 20, Max: 1 << 30, Factor: 2}
	for _, c := range []struct{ live, want uint64 }{
		{0, 80 << 20},
		{30 << 20, 80 << 20},          // small sites keep the floor
		{60 << 20, 120 << 20},         // twice what is live
		{700 << 20, 1 << 30},          // capped
		{math.MaxUint64 / 4, 1 << 30}, // no overflow past the cap
	} {
		if got := p.Limit(c.live); got != c.want {
			t.Errorf("Limit(%d) = %d, want %d", c.live, got, c.want)
		}
	}
	if got := (Policy{Min: 1, Factor: 3}).Limit(10); got != 30 {
		t.Errorf("no maximum: Limit(10) = %d, want 30", got)
	}
}

// TestStartFollowsLiveHeap keeps about 64 MiB live and checks that after
// collections the limit is twice that, not the minimum.
func TestStartFollowsLiveHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 64 MiB")
	}
	t.Setenv("GOMEMLIMIT", "") // Start must run even when the test runner has one
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	stop := Start(Policy{Min: 16 << 20, Max: 1 << 30, Factor: 2})
	defer stop()
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
		live[i][0] = 1
	}
	// The cleanup runs on its own goroutine some time after the collection
	// that frees its sentinel: wait for it, with a bound far above need.
	var limit int64
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		runtime.GC()
		if limit = debug.SetMemoryLimit(-1); limit >= 100<<20 {
			break
		}
	}
	runtime.KeepAlive(live)
	if limit < 100<<20 || limit > 200<<20 {
		t.Errorf("limit with 64 MiB live = %d MiB, want about 128", limit>>20)
	}
}

// TestStartLeavesUserLimit checks that GOMEMLIMIT wins.
func TestStartLeavesUserLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	debug.SetMemoryLimit(12345678)
	stop := Start(Policy{Min: 80 << 20, Factor: 2})
	defer stop()
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got != 12345678 {
		t.Errorf("limit = %d with GOMEMLIMIT set, want it untouched", got)
	}
}
