package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/clause-dev/clause"
)

// goldenNow is the "now" of every expected tree, so that which version is
// current or upcoming does not change with the clock.
var goldenNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// TestGolden builds every site under testdata/sites/ and compares the
// whole output tree with testdata/golden/<case>/, HTML pages in the form
// goldenTree gives them. Run with -update to rewrite the expected trees
// after an intended change.
func TestGolden(t *testing.T) {
	t.Parallel()
	cases, err := os.ReadDir(filepath.Join("testdata", "sites"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			src := filepath.Join("testdata", "sites", c.Name())
			dest, _, err := build(t, src, func(o *Options) { o.Now = goldenNow })
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := goldenTree(t, withoutThemeAssets(t, readTree(t, dest)))
			golden := filepath.Join("testdata", "golden", c.Name())
			if *update {
				os.RemoveAll(golden)
				writeBytesTree(t, golden, got)
				return
			}
			diffTrees(t, got, readTree(t, golden))
		})
	}
}

// withoutThemeAssets drops the files copied unchanged from the embedded
// theme's assets/, after checking they are exact copies, so the expected
// trees hold only what each case makes.
func withoutThemeAssets(t *testing.T, tree map[string][]byte) map[string][]byte {
	t.Helper()
	for p, data := range tree {
		theme, err := fs.ReadFile(clause.Theme, "assets/"+p)
		if err != nil {
			continue
		}
		if !bytes.Equal(theme, data) {
			continue // the site overrides this asset: keep it
		}
		delete(tree, p)
	}
	return tree
}

func writeBytesTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
