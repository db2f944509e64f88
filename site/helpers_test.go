package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

var update = flag.Bool("update", false, "rewrite the expected output trees under testdata/golden")

// writeTree writes files (slash path → content) below dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file below dir into a map of slash paths.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// build builds the site in src into a fresh folder and returns it.
func build(t testing.TB, src string, mod func(*Options)) (string, *Result, error) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: src, Destination: dest, Theme: clause.Theme, Getenv: func(string) string { return "" }}
	if mod != nil {
		mod(&opts)
	}
	res, err := buildSite(opts)
	return opts.Destination, res, err
}

// site writes files into a temporary site folder and returns its path.
func newSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	return dir
}

// mustBuild builds a site from files and fails the test on error.
func mustBuild(t testing.TB, files map[string]string, mod func(*Options)) (map[string][]byte, *Result) {
	t.Helper()
	dest, res, err := build(t, newSite(t, files), mod)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return readTree(t, dest), res
}

// diffTrees reports every difference between two trees.
func diffTrees(t testing.TB, got, want map[string][]byte) {
	t.Helper()
	var names []string
	for n := range got {
		names = append(names, n)
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		g, gok := got[n]
		w, wok := want[n]
		switch {
		case !gok:
			t.Errorf("missing file %s", n)
		case !wok:
			t.Errorf("unexpected file %s", n)
		case !bytes.Equal(g, w):
			t.Errorf("%s differs:\n%s", n, firstDifference(string(g), string(w)))
		}
	}
}

// firstDifference shows the first differing line of two texts.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n\tgot:  " + gl + "\n\twant: " + wl
		}
	}
	return "(same lines, different bytes)"
}

// buildSite is BuildContext without a context.
func buildSite(opts Options) (*Result, error) {
	return BuildContext(context.Background(), opts)
}

// renderSite is renderContext without a context: it builds the site in
// memory and returns its files by output path.
func renderSite(opts Options) (map[string][]byte, *Result, error) {
	return renderContext(context.Background(), opts)
}

// rebuild is rebuildContext without a context.
func (s *session) rebuild(changes []fileChange) (map[string][]byte, []string, *Result, error) {
	return s.rebuildContext(context.Background(), changes)
}

// cleanSlug is cleanSlugIn for a site with the default content folder.
func cleanSlug(slug string) (string, error) { return cleanSlugIn(slug, contentDir) }

// diffFull fails t where files differ from a full build of opts, what
// every incremental build must equal, and returns the full build's files.
func diffFull(t testing.TB, files map[string][]byte, opts Options) map[string][]byte {
	t.Helper()
	want, _, err := renderSite(opts)
	if err != nil {
		t.Fatal(err)
	}
	diffTrees(t, files, want)
	return want
}
