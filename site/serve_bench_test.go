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
// most a cold full build; memory under 150 MB. The fix-front-matter case
// breaks a policy's front matter, waits for the error event, and times
// the fix: the reload that clears the error overlay.
func BenchmarkServeLatency(b *testing.B) {
	for _, kind := range []string{"content", "template", "fix-front-matter"} {
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
				if kind == "fix-front-matter" {
					b.StopTimer()
					breakFrontMatter(b, dir)
					waitFor(b, ch, "error")
					b.StartTimer()
				}
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

// benchPolicy is the policy file the benchmark edits.
const benchPolicy = "content/policy-0500/index.md"

// brokenTitle is the line breakFrontMatter puts in place of the title.
const brokenTitle = "title: [Policy 500\n"

// breakFrontMatter makes the benchmark policy's front matter invalid YAML.
func breakFrontMatter(b *testing.B, dir string) {
	b.Helper()
	p := filepath.Join(dir, benchPolicy)
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	broken := strings.Replace(string(data), "title: Policy 500\n", brokenTitle, 1)
	if broken == string(data) {
		b.Fatalf("%s has no line %q", benchPolicy, "title: Policy 500")
	}
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		b.Fatal(err)
	}
}

// editForBench makes one edit: a word in a policy, a partial template,
// or the fix of the front matter breakFrontMatter broke.
func editForBench(b *testing.B, dir, kind string, i int) {
	b.Helper()
	if kind == "fix-front-matter" {
		p := filepath.Join(dir, benchPolicy)
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		fixed := strings.Replace(string(data), brokenTitle, "title: Policy 500\n", 1)
		if err := os.WriteFile(p, []byte(fixed), 0o644); err != nil {
			b.Fatal(err)
		}
		return
	}
	if kind == "template" {
		writeTree(b, dir, map[string]string{"layouts/partials/footer.html": fmt.Sprintf("<footer>Edit %d</footer>\n", i)})
		return
	}
	p := filepath.Join(dir, benchPolicy)
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
