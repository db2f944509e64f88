package site

import (
	"bytes"
	"context"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/internal/write"
)

// streamedManifest builds the fixture site name in memory and returns its
// model, its renderer and the policies.json it wrote while the policies
// rendered.
func streamedManifest(t *testing.T, name string) (*model, *renderer, []byte) {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "sites", name))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: src, Theme: clause.Theme, Now: goldenNow, Getenv: func(string) string { return "" }}
	errs := &ErrorList{}
	ctx := context.Background()
	m := assemble(load(ctx, opts, os.DirFS(src), errs), errs)
	t.Cleanup(m.closeBlobs)
	out := write.NewMemory()
	r := render(ctx, m, out, errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if r.stream == nil {
		t.Fatal("a build without the dev server's memo did not write policies.json while the policies rendered")
	}
	data := out.Files()["policies.json"]
	if len(data) == 0 {
		t.Fatal("no policies.json")
	}
	return m, r, data
}

// steppedParts is an output that writes policies.json part by part and
// sends the number of parts taken so far on taken after each, so that a
// test can let the writer catch up before it finishes the next unit.
type steppedParts struct {
	*write.Memory
	taken chan int
}

// WriteParts implements write.PartsOutput.
func (s *steppedParts) WriteParts(p string, parts iter.Seq[[]byte]) error {
	var b bytes.Buffer
	n := 0
	for part := range parts {
		b.Write(part)
		n++
		s.taken <- n
	}
	close(s.taken)
	return s.Memory.Write(p, b.Bytes())
}

// policies.json is the same whatever order the policies' units finish
// in, and the same as the dev server's, written after every unit: on
// sites whose entries list translations rendered elsewhere in the order,
// the units finish in shuffled orders, and after each the test waits
// until the writer has taken every entry whose units are all finished,
// so that it runs ahead of the units as far as it may.
func TestManifestStreamAnyFinishOrder(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"translations-locales", "translations-suffix", "records-sections", "i18n-de"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, r, want := streamedManifest(t, name)
			remade := make([][]versionRecord, len(m.policies))
			for i, p := range m.policies {
				remade[i] = r.remakeRecords(p)
			}
			for seed := range uint64(8) {
				got := finishShuffled(r, remade, rand.New(rand.NewPCG(seed, 15)))
				if !bytes.Equal(got, want) {
					t.Fatalf("seed %d: policies.json differs from the build's:\n%s\nwant\n%s", seed, got, want)
				}
			}
			r.stream, r.records = nil, remade
			out := write.NewMemory()
			r.writeManifest(out)
			if got := out.Files()["policies.json"]; !bytes.Equal(got, want) {
				t.Fatalf("written after every unit, policies.json differs from the streamed one:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// finishShuffled writes policies.json with r while its units finish in
// an order drawn from rng, each with its records in remade, and returns
// the file.
func finishShuffled(r *renderer, remade [][]versionRecord, rng *rand.Rand) []byte {
	out := &steppedParts{Memory: write.NewMemory(), taken: make(chan int)}
	r.out, r.records = out, make([][]versionRecord, len(remade))
	wait := r.startManifest()
	taken := <-out.taken // the head
	finished := make([]bool, len(remade))
	entries := r.m.defaultLanguage().policies
	for _, i := range rng.Perm(len(remade)) {
		r.records[i] = remade[i]
		finished[i] = true
		r.unitFinished(i)
		ready := 0 // entries whose units are all finished, in order
		for ready < len(entries) && allFinished(r.entryUnits(entries[ready]), finished) {
			ready++
		}
		for taken < 1+2*ready { // the head, then a separator and an entry each
			n, ok := <-out.taken
			if !ok {
				break // the writer stopped early; the file shows it
			}
			taken = n
		}
	}
	for range out.taken { // the tail
	}
	wait()
	return out.Files()["policies.json"]
}

// allFinished reports whether every unit in units is finished.
func allFinished(units []int, finished []bool) bool {
	for _, i := range units {
		if !finished[i] {
			return false
		}
	}
	return true
}

// A site of several languages builds to the same policies.json with one
// worker and with four.
func TestManifestStreamSameWithAnyWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	src, err := filepath.Abs(filepath.Join("testdata", "sites", "translations-locales"))
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		files, _, err := renderSite(Options{Source: src, Theme: clause.Theme, Now: goldenNow, Getenv: func(string) string { return "" }})
		if err != nil {
			t.Fatalf("GOMAXPROCS=%d: %v", procs, err)
		}
		got := files["policies.json"]
		if first == nil {
			first = got
			continue
		}
		if !bytes.Equal(got, first) {
			t.Errorf("GOMAXPROCS=%d: policies.json differs from GOMAXPROCS=1:\n%s\nwant\n%s", procs, got, first)
		}
	}
}
