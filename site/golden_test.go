package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGolden builds every site under testdata/sites/ and compares the
// whole output tree with testdata/golden/<case>/. Run with -update to
// rewrite the expected trees after an intended change.
func TestGolden(t *testing.T) {
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
			dest, _, err := build(t, src, nil)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := readTree(t, dest)
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
