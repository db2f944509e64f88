package site

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/corpus"
)

// The build benchmarks come in pairs: clause against the bare loop on the
// same corpus, so every run reports both and the ratio can be read off
// even when the machine's absolute speed drifts. BENCHMARKS.md has figures.

// corpusDir writes a corpus once per benchmark.
func corpusDir(b *testing.B, o corpus.Options) string {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Write(dir, o); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchBuild times full builds of a corpus into a fresh destination.
func benchBuild(b *testing.B, o corpus.Options) {
	src := corpusDir(b, o)
	now := mustDate(b, "2025-12-01")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dest := filepath.Join(b.TempDir(), "public")
		if _, err := buildSite(Options{Source: src, Destination: dest, Theme: clause.Theme, Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchBare times the bare loop over a corpus, with as many workers as
// the build renders with, so that the two are compared like for like.
func benchBare(b *testing.B, o corpus.Options) {
	src := corpusDir(b, o)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := corpus.BareLoop(src, b.TempDir(), corpus.BareOptions{Workers: runtime.GOMAXPROCS(0)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a full build of N policies with one redirect each;
// compare with BenchmarkBareLoop at the same N (target: at most 1.1x).
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) { benchBuild(b, corpus.Options{Policies: n, Redirects: 1}) })
	}
}

// BenchmarkBareLoop is the baseline for BenchmarkBuild.
func BenchmarkBareLoop(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) { benchBare(b, corpus.Options{Policies: n, Redirects: 1}) })
	}
}

// BenchmarkBareLoopDirs is the bare loop writing <policy>/index.html, one
// folder per policy as a site has; on file systems where mkdir is slow
// this, not the flat loop, is the floor for any generator.
func BenchmarkBareLoopDirs(b *testing.B) {
	src := corpusDir(b, corpus.Options{Policies: 1000, Redirects: 1})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := corpus.BareLoop(src, b.TempDir(), corpus.BareOptions{Dirs: true, Workers: runtime.GOMAXPROCS(0)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildVersions builds 1,000 policies with 5 versions each, so
// 4,000 redlines; BenchmarkBareLoopVersions is its baseline (target 1.4x).
func BenchmarkBuildVersions(b *testing.B) {
	benchBuild(b, corpus.Options{Policies: 1000, Versions: 4, Redirects: 1})
}

// BenchmarkBareLoopVersions renders the same 5,000 documents bare.
func BenchmarkBareLoopVersions(b *testing.B) {
	benchBare(b, corpus.Options{Policies: 1000, Versions: 4, Redirects: 1})
}

// BenchmarkRedirects compares 1,000 policies without redirects against the
// same site with 2,000 redirect sources (target: under 10% more time).
func BenchmarkRedirects(b *testing.B) {
	for _, r := range []int{0, 2} {
		b.Run(fmt.Sprintf("sources=%d", 1000*r), func(b *testing.B) { benchBuild(b, corpus.Options{Policies: 1000, Redirects: r}) })
	}
}
