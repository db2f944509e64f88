package site

import (
	"context"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"testing"
	"time"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// BenchmarkFirstPass times, at 1,000 policies, a dev server session's
// rebuild from the change to the first pass's publish of the benchmark
// policy's page, without the watcher or the HTTP server; the build is
// cancelled there, so a CPU profile shows the first pass alone. Each
// sub-benchmark is one kind of edit of BenchmarkServeLatency.
func BenchmarkFirstPass(b *testing.B) {
	for _, kind := range []string{"content", "title", "metadata", "template", "layout", "config", "stylesheet"} {
		b.Run(kind, func(b *testing.B) {
			dir := corpusDir(b, corpus.Options{Policies: 1000, Redirects: 1})
			s := newSession(Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }})
			if _, _, _, err := s.rebuild(nil); err != nil {
				b.Fatal(err)
			}
			var lat []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				editForBench(b, dir, kind, i)
				path := changedPath(kind)
				ctx, cancel := context.WithCancel(context.Background())
				var took time.Duration
				b.StartTimer()
				start := time.Now()
				fp := &firstPass{pages: []string{benchPage}, publish: func(context.Context, map[string][]byte, []string, []string) {
					took = time.Since(start)
					cancel()
				}}
				pprof.Do(ctx, pprof.Labels("pass", "first"), func(ctx context.Context) {
					s.rebuildFirst(ctx, []fileChange{{Path: filepath.Join(dir, path)}}, fp)
				})
				b.StopTimer()
				cancel()
				if took == 0 {
					b.Fatalf("%s: the first pass published nothing", kind)
				}
				lat = append(lat, took)
				if _, _, _, err := s.rebuild(nil); err != nil { // the whole site, untimed
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
		})
	}
}

// changedPath is the file editForBench changes for a kind.
func changedPath(kind string) string {
	switch kind {
	case "template":
		return "layouts/partials/footer.html"
	case "layout":
		return "layouts/policy.html"
	case "stylesheet":
		return "assets/css/clause.css"
	case "config":
		return "clause.yaml"
	}
	return benchPolicy
}
