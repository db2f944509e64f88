package write

import (
	"context"
	"path/filepath"
	"testing"
)

// TestWriteMakesNestedFolders checks that Write creates every missing
// folder of a deep path, including folders whose parents an earlier
// write made, and that a folder wanted where a file was written is an
// error rather than a silent overwrite.
func TestWriteMakesNestedFolders(t *testing.T) {
	t.Parallel()
	files := site(map[string]string{
		"a/b/c/d/index.html":           "deep",
		"a/b/other.html":               "beside",
		"a/b/c/e/index.html":           "sibling",
		"policy/versions/2025-01-01/x": "version",
		"top.html":                     "top",
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, files)
	assertTree(t, dest, files)

	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	if err := d.Write("page", []byte("a file")); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("page/index.html", []byte("under a file")); err == nil {
		t.Error("writing below a file succeeded, want an error")
	}
}
