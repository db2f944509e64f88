package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestBareLoopWorkers checks that the bare loop writes the same files with
// one worker and with several, and that an error in one document is
// returned whichever worker meets it.
func TestBareLoopWorkers(t *testing.T) {
	src := t.TempDir()
	if err := Write(src, Options{Policies: 12, Versions: 1}); err != nil {
		t.Fatal(err)
	}
	one, four := t.TempDir(), t.TempDir()
	for _, run := range []struct {
		out string
		o   BareOptions
	}{{one, BareOptions{Dirs: true}}, {four, BareOptions{Dirs: true, Workers: 4}}} {
		if err := BareLoop(src, run.out, run.o); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readAll(t, one), readAll(t, four)
	if len(a) != 25 {
		t.Errorf("one worker wrote %d files, want 25 (the home page, 12 policies x 2 texts)", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs between one worker and four", name)
		}
	}
	if len(b) != len(a) {
		t.Errorf("four workers wrote %d files, one wrote %d", len(b), len(a))
	}

	bad := filepath.Join(src, "content", "bad.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: [unclosed\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := BareLoop(src, t.TempDir(), BareOptions{Workers: 3}); err == nil {
		t.Error("a document with broken front matter gave no error")
	}
}

// readAll returns every file below dir by its slash path.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
