package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/clause-dev/clause/site/corpus"
)

// BenchmarkServeLatency measures, at 1,000 policies, the time from a file
// write to the reload event on a live-reload connection: the watcher's
// debounce, the incremental rebuild and the broadcast. It reports the
// median (ms-median) and the serve process's peak RSS (MB-peak-rss).
// Targets: a one-word content edit in 30 ms or less; a template edit in at
// most a cold full build; memory under 150 MB.
func BenchmarkServeLatency(b *testing.B) {
	for _, kind := range []string{"content", "template"} {
		b.Run(kind, func(b *testing.B) {
			dir := corpusDir(b, corpus.Options{Policies: 1000, Redirects: 1})
			base, stop := startServe(b, dir)
			defer stop()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ch := events(b, ctx, base)
			waitFor(b, ch, "hello")
			var lat []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				editForBench(b, dir, kind, i)
				waitFor(b, ch, "reload")
				lat = append(lat, time.Since(start))
				time.Sleep(30 * time.Millisecond) // let the watcher settle between edits
			}
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(peakRSSMB(), "MB-peak-rss")
		})
	}
}

// editForBench makes one edit: a word in a policy, or a partial template.
func editForBench(b *testing.B, dir, kind string, i int) {
	b.Helper()
	if kind == "template" {
		writeTree(b, dir, map[string]string{"layouts/partials/footer.html": fmt.Sprintf("<footer>Edit %d</footer>\n", i)})
		return
	}
	p := filepath.Join(dir, "content", "policy-0500", "index.md")
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Replace(string(data), "Generated policy", "Generated policy", 1) + fmt.Sprintf("\nEdit %d.\n", i)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

// peakRSSMB reads the process's peak resident set size from /proc.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
